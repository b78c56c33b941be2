import 'server-only';
import { readMethodSettings } from '~/core/contracts/method';
import type { MeasureRow, ParticipantRow, SessionRow } from '~/db/schema';
import type { SessionAccess } from '../context';
import type { CriterionElement, SessionModel } from '../shared/session-model';

type CriterionView = {
  key: string;
  name: CriterionElement['name'];
  description: CriterionElement['description'];
  children: CriterionView[];
};

function toCriterionView(node: CriterionElement): CriterionView {
  return { key: node.key, name: node.name, description: node.description, children: node.children.map(toCriterionView) };
}

type CriterionNames = { key: string; name: CriterionElement['name']; children: CriterionNames[] };

function toCriterionNames(node: CriterionElement): CriterionNames {
  return { key: node.key, name: node.name, children: node.children.map(toCriterionNames) };
}

/**
 * The model as a live room shows it (projector, phones): the tree and the names, no descriptions or measures.
 * Every phone of a room reads it as it joins, so it carries only what those screens show.
 */
export function toModelNamesView(session: SessionRow, model: SessionModel) {
  return {
    goal: session.goal,
    criteria: model.roots.map(toCriterionNames),
    alternatives: model.alternatives.map((a) => ({ key: a.key, name: a.name })),
  };
}

export function toModelView(session: SessionRow, model: SessionModel, measureRows: MeasureRow[]) {
  return {
    goal: session.goal,
    criteria: model.roots.map(toCriterionView),
    alternatives: model.alternatives.map((a) => ({ key: a.key, name: a.name, description: a.description })),
    measures: [...measureRows]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        key: m.key,
        origin: m.origin,
        family: m.family,
        name: m.name,
        rationale: m.rationale,
        criteria: m.criteria,
        answersWeaknesses: m.answersWeaknesses,
        servesPriorities: m.servesPriorities,
        strategyFit: m.strategyFit,
      })),
  };
}

export function toSessionSummary(session: SessionRow) {
  return {
    id: session.id,
    title: session.title,
    region: session.region,
    cluster: session.cluster,
    question: session.question,
    locale: session.locale,
    status: session.status,
    version: session.version,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    closedAt: session.closedAt,
  };
}

export function toSessionSettings(session: SessionRow) {
  return {
    methodSettings: readMethodSettings(session.methodSettings),
    alternativeScoring: session.alternativeScoring,
    participantResults: session.participantResults,
    participantNames: session.participantNames,
    maxParticipants: session.maxParticipants,
    stakeholderWeights: session.stakeholderWeights,
    maxCr: session.maxCr,
  };
}

export function toParticipantView(participant: ParticipantRow) {
  return {
    id: participant.id,
    key: participant.key,
    displayName: participant.displayName,
    stakeholderGroup: participant.stakeholderGroup,
    weight: participant.weight,
    joinedAt: participant.joinedAt,
    lastAnswerAt: participant.lastAnswerAt,
  };
}

export function toAccessView(access: SessionAccess) {
  return access.role === 'participant'
    ? { role: access.role, participantId: access.participantId }
    : { role: access.role, participantId: null };
}
