/**
 * Every kind of entry the session history (the audit log) records: the one list the server writes from and the
 * screens and exports translate (messages common.audit.*). Entries read from an imported file may name an action
 * of another version; readers show those by their code.
 */
export const AUDIT_ACTIONS = [
  'session.created',
  'session.imported',
  'session.duplicated',
  'session.updated',
  'session.opened',
  'session.closed',
  'session.reopened',
  'goal.set',
  'criterion.added',
  'criterion.renamed',
  'criterion.described',
  'criterion.moved',
  'criterion.removed',
  'criteria.reordered',
  'alternative.added',
  'alternative.updated',
  'alternative.removed',
  'alternatives.reordered',
  'measure.added',
  'measure.updated',
  'measure.removed',
  'model.savedAsTemplate',
  'participant.updated',
  'participant.weights',
  'participant.included',
  'participant.excluded',
  'participant.removed',
  'participant.newLink',
  'workshop.revote',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
