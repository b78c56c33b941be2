import { z } from 'zod';

/**
 * The method settings every computation names in its result, shared by the CLI, the API and the forms.
 * Names are the ones of docs/engine-cli.md.
 */
export const ScaleName = z.enum(['saaty', 'balanced', 'geometric']);
export type ScaleName = z.infer<typeof ScaleName>;

/** `additive-normalization` is the column-normalised row mean: an approximation, offered to reproduce other tools. */
export const PriorityMethod = z.enum(['eigenvector', 'geometric-mean', 'additive-normalization']);
export type PriorityMethod = z.infer<typeof PriorityMethod>;

/** `ahpsurvey` is the R package's simulated table, offered to reproduce its published figures. */
export const RandomIndexTable = z.enum(['saaty-1980', 'saaty-2005', 'donegan-dodd', 'alonso-lamata', 'ahpsurvey']);
export type RandomIndexTable = z.infer<typeof RandomIndexTable>;

export const CompletionMethod = z.enum(['optimal', 'harker']);
export type CompletionMethod = z.infer<typeof CompletionMethod>;

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
});
export type MethodSettings = z.infer<typeof MethodSettings>;
