import 'server-only';
import { AppError } from '~/server/errors';
import type { SessionModel } from '../shared/session-model';

/** A measure must point at criteria and strategies the session has. */
export function checkMeasureReferences(
  model: SessionModel,
  fields: { criteria?: string[]; strategyFit?: Record<string, number> },
): void {
  fields.criteria?.forEach((key, i) => {
    if (!model.criterion(key)) {
      throw new AppError('INVALID_INPUT', `This session has no criterion "${key}".`, { field: `criteria.${i}` });
    }
  });
  const strategies = new Set(model.alternativeKeys);
  for (const key of Object.keys(fields.strategyFit ?? {})) {
    if (!strategies.has(key)) {
      throw new AppError('INVALID_INPUT', `This session has no strategy "${key}".`, { field: `strategyFit.${key}` });
    }
  }
}
