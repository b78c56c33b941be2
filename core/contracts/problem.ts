import { z } from 'zod';
import {
  AggregationMethod,
  CompletionMethod,
  ConsensusFormula,
  MonteCarloModel,
  PriorityMethod,
  RandomIndexTable,
  ScaleName,
  ScalePosition,
  SynthesisMode,
} from './method';

/**
 * The engine's input, shared by `evaluate`, the CLI (`clusterwise evaluate FILE.json`) and the HTTP API;
 * see docs/engine-cli.md. These schemas check shapes and bounds; relations between fields
 * (reciprocity, sizes, names) are checked when the problem is read, with the same JSON paths in the errors.
 */
export const MAX_MATRIX_SIZE = 100;
export const MAX_PARTICIPANTS = 100_000;
export const MAX_MONTE_CARLO_SAMPLES = 200_000;

const Name = z.string().min(1, 'must not be empty').max(200);
const Ratio = z.number().positive('must be a positive number').finite();

export const MatrixInput = z
  .array(z.array(z.union([Ratio, z.null()])).min(1).max(MAX_MATRIX_SIZE))
  .min(1, 'must have at least one row')
  .max(MAX_MATRIX_SIZE);
export type MatrixInput = z.infer<typeof MatrixInput>;

export const IndexJudgment = z.tuple([z.number().int().min(0), z.number().int().min(0), Ratio]);
export const NamedJudgment = z
  .strictObject({ a: Name, b: Name, value: Ratio.optional(), position: ScalePosition.optional() })
  .refine((j) => (j.value === undefined) !== (j.position === undefined), {
    message: 'give either "value" (a ratio) or "position" (-8..8 on the verbal scale), not both',
  });
export const JudgmentsInput = z.strictObject({
  judgments: z.array(z.union([IndexJudgment, NamedJudgment])).max(MAX_MATRIX_SIZE * MAX_MATRIX_SIZE),
});
export type JudgmentsInput = z.infer<typeof JudgmentsInput>;

export const ScoresInput = z.strictObject({
  scores: z.record(Name, z.number().min(0, 'must be zero or more').finite()),
});
export type ScoresInput = z.infer<typeof ScoresInput>;

export const NodeComparison = z.union([MatrixInput, JudgmentsInput, ScoresInput]);
export type NodeComparison = z.infer<typeof NodeComparison>;

export type CriterionInput = { id: string; children?: CriterionInput[] | undefined };
export const CriterionInput: z.ZodType<CriterionInput> = z.lazy(() =>
  z.strictObject({ id: Name, children: z.array(CriterionInput).min(1).max(MAX_MATRIX_SIZE).optional() }),
);

export const MonteCarloOptions = z.strictObject({
  samples: z.number().int().min(1).max(MAX_MONTE_CARLO_SAMPLES).default(2000),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** What the samples vary: the room's spread (default) or the uncertainty of the group's estimate. */
  model: MonteCarloModel.default('spread'),
});

export const ParticipantInput = z.strictObject({
  id: Name,
  weight: z.number().positive('must be a positive number').finite().default(1),
  matrix: MatrixInput.optional(),
  judgments: JudgmentsInput.shape.judgments.optional(),
  comparisons: z.record(Name, NodeComparison).optional(),
});
export type ParticipantInput = z.infer<typeof ParticipantInput>;

export const Problem = z.strictObject({
  method: PriorityMethod.default('eigenvector'),
  randomIndex: RandomIndexTable.default('saaty-1980'),
  scale: ScaleName.default('saaty'),
  completion: CompletionMethod.default('optimal'),
  synthesis: SynthesisMode.default('distributive'),
  aggregation: AggregationMethod.default('aij'),
  /** For AIP: geometric (default) or arithmetic mean of the individual priorities. */
  aipMean: z.enum(['geometric', 'arithmetic']).default('geometric'),
  /** Which version of Goepel's consensus indicator groups report (core/group/consensus.ts). */
  consensusFormula: ConsensusFormula.default('ahp-os'),
  /** Leave out participants whose CR on any node is above this. */
  maxCr: z.number().min(0).max(10).optional(),
  /** Rank probabilities for hierarchies; `false` skips them. */
  monteCarlo: z.union([z.literal(false), MonteCarloOptions]).optional(),

  matrix: MatrixInput.optional(),
  elements: z.array(Name).min(1).max(MAX_MATRIX_SIZE).optional(),
  judgments: JudgmentsInput.shape.judgments.optional(),

  criteria: z.array(CriterionInput).min(1).max(MAX_MATRIX_SIZE).optional(),
  alternatives: z.array(Name).min(1).max(MAX_MATRIX_SIZE).optional(),
  comparisons: z.record(Name, NodeComparison).optional(),

  participants: z.array(ParticipantInput).min(1).max(MAX_PARTICIPANTS).optional(),
});
export type Problem = z.input<typeof Problem>;
export type ParsedProblem = z.output<typeof Problem>;

/** One problem in a problem: a JSON path and what is wrong there. */
export type ProblemIssue = { path: string; message: string };

/** `["matrix", 2, 0]` -> `matrix[2][0]`; `["participants", 1, "comparisons", "goal"]` -> `participants[1].comparisons.goal`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** Thrown by `evaluate` where the CLI exits with code 2: every issue names its JSON path. */
export class ProblemValidationError extends Error {
  readonly issues: ProblemIssue[];
  constructor(issues: ProblemIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'ProblemValidationError';
    this.issues = issues;
  }
}
