import { z } from 'zod';

/**
 * The method settings every computation names in its result, shared by the CLI, the API and the forms.
 * Names are the ones of docs/engine-cli.md.
 */
/**
 * The ten judgment scales of AHP-OS (Goepel 2019), in the order the set-up offers them; formulas and sources in
 * ../ahp/scale.ts. Saaty's first keeps it the default.
 */
export const ScaleName = z.enum([
  'saaty',
  'balanced',
  'balanced-n',
  'adaptive-balanced',
  'adaptive',
  'geometric',
  'power',
  'inverse-linear',
  'root-square',
  'logarithmic',
]);
export type ScaleName = z.infer<typeof ScaleName>;

/** `additive-normalization` is the column-normalised row mean: an approximation, offered to reproduce other tools. */
export const PriorityMethod = z.enum(['eigenvector', 'geometric-mean', 'additive-normalization']);
export type PriorityMethod = z.infer<typeof PriorityMethod>;

/** `ahpsurvey` is the R package's simulated table, offered to reproduce its published figures. */
export const RandomIndexTable = z.enum(['saaty-1980', 'saaty-2005', 'donegan-dodd', 'alonso-lamata', 'ahpsurvey']);
export type RandomIndexTable = z.infer<typeof RandomIndexTable>;

export const CompletionMethod = z.enum(['optimal', 'harker']);
export type CompletionMethod = z.infer<typeof CompletionMethod>;

/**
 * Which version of Goepel's consensus indicator S* (../group/consensus.ts): `ahp-os` (default) takes the largest
 * gamma diversity as n, as AHP-OS computes it; `goepel-2013` as first published, where with fewer participants
 * than elements (K < n) the largest gamma diversity is that of K people each favouring a different element.
 */
export const ConsensusFormula = z.enum(['ahp-os', 'goepel-2013']);
export type ConsensusFormula = z.infer<typeof ConsensusFormula>;

/**
 * What the Monte Carlo probabilities of ranking first vary (../sensitivity/rank-probability.ts):
 * - spread: each judgment by the participants' spread around it (their weighted geometric SD): how divided the
 *   room is. The same for 5 people and for those 5 repeated 40 times.
 * - estimate: by the standard error of the group's weighted geometric mean, the spread divided by the square root
 *   of Kish's effective number of participants: how sure the group's estimate is. It sharpens as the group grows.
 * For one person both use the spread of their own judgments around their weights.
 */
export const MonteCarloModel = z.enum(['spread', 'estimate']);
export type MonteCarloModel = z.infer<typeof MonteCarloModel>;

export const AggregationMethod = z.enum(['aij', 'aip']);
export type AggregationMethod = z.infer<typeof AggregationMethod>;

export const SynthesisMode = z.enum(['distributive', 'ideal']);
export type SynthesisMode = z.infer<typeof SynthesisMode>;

/** A judgment as the person gave it: -8..8 on the verbal scale, positive when `a` is preferred. */
export const ScalePosition = z.number().int().min(-8).max(8);
export type ScalePosition = z.infer<typeof ScalePosition>;

export const MethodSettings = z.object({
  scale: ScaleName.default('saaty'),
  method: PriorityMethod.default('eigenvector'),
  randomIndex: RandomIndexTable.default('saaty-1980'),
  completion: CompletionMethod.default('optimal'),
  aggregation: AggregationMethod.default('aij'),
  synthesis: SynthesisMode.default('distributive'),
  /** Sessions saved before the model could be chosen used `spread`. */
  monteCarloModel: MonteCarloModel.default('spread'),
});
export type MethodSettings = z.infer<typeof MethodSettings>;

/**
 * Method settings as stored (a database row or a file written before a setting existed), with every missing
 * setting at its default: the only way stored settings are read, so every reader sees the same values.
 */
export function readMethodSettings(stored: unknown): MethodSettings {
  return MethodSettings.parse(stored);
}
