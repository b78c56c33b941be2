import 'server-only';
import { positionToRatio } from '~/core';
import { participantNumber } from '~/core/model';
import { ratingValue } from '~/core/contracts/ratings';
import { compareText, type ExportContext } from './context';
import type { CommentExportRow, ExportTables, JudgmentExportRow, RatingExportRow } from './types';

const iso = (date: Date) => date.toISOString();

/** Every judgment of every round as given, of the participants the link may see, and whether it counts. */
export function judgmentsTable(context: ExportContext): ExportTables['judgments'] {
  const { snapshot, names, t } = context;
  const byId = new Map(snapshot.participants.map((p) => [p.id, p]));
  const counting = snapshot.answerRows?.countingIds ?? new Set<string>();
  const scale = snapshot.session.methodSettings.scale;
  const rows: JudgmentExportRow[] = (snapshot.answerRows?.judgments ?? [])
    .filter((j) => byId.has(j.participantId))
    .map((j) => {
      const person = byId.get(j.participantId)!;
      return {
        participantKey: person.key,
        participant: person.displayName,
        nodeKey: j.nodeKey,
        node: names.node(j.nodeKey),
        aKey: j.aKey,
        a: names.element(j.aKey),
        bKey: j.bKey,
        b: names.element(j.bKey),
        position: j.position,
        ratio: positionToRatio(j.position, scale, snapshot.model.node(j.nodeKey)?.elementKeys.length ?? 2),
        preferred: j.position === 0 ? t.exports('values.equal') : names.element(j.position > 0 ? j.aKey : j.bKey),
        round: j.round,
        answeredAt: iso(j.answeredAt),
        counts: context.yesNo(counting.has(j.id)),
      };
    })
    .sort(
      (x, y) =>
        participantNumber(x.participantKey) - participantNumber(y.participantKey) ||
        snapshot.model.nodeOrder(x.nodeKey) - snapshot.model.nodeOrder(y.nodeKey) ||
        compareText(`${x.aKey}|${x.bKey}`, `${y.aKey}|${y.bKey}`) ||
        x.round - y.round,
    );
  return {
    id: 'judgments',
    title: context.title('judgments'),
    columns: context.columns<JudgmentExportRow>('judgments', [
      ['participantKey', 'text'],
      ['participant', 'text'],
      ['nodeKey', 'text'],
      ['node', 'text'],
      ['aKey', 'text'],
      ['a', 'text'],
      ['bKey', 'text'],
      ['b', 'text'],
      ['position', 'integer'],
      ['ratio', 'decimal'],
      ['preferred', 'text'],
      ['round', 'integer'],
      ['answeredAt', 'datetime'],
      ['counts', 'text'],
    ]),
    rows,
  };
}

/** Every rating of every round as given, of the participants the link may see, and whether it counts. */
export function ratingsTable(context: ExportContext): ExportTables['ratings'] {
  const { snapshot, names, t } = context;
  const byId = new Map(snapshot.participants.map((p) => [p.id, p]));
  const counting = snapshot.answerRows?.countingIds ?? new Set<string>();
  const alternativeOrder = snapshot.model.alternativeKeys;
  const rows: RatingExportRow[] = (snapshot.answerRows?.ratings ?? [])
    .filter((r) => byId.has(r.participantId))
    .map((r) => {
      const person = byId.get(r.participantId)!;
      return {
        participantKey: person.key,
        participant: person.displayName,
        criterionKey: r.criterionKey,
        criterion: names.criterion(r.criterionKey),
        strategyKey: r.alternativeKey,
        strategy: names.element(r.alternativeKey),
        intensity: t.common.has(`rating.${r.intensity}`) ? t.common(`rating.${r.intensity}`) : r.intensity,
        value: ratingValue(r.intensity),
        round: r.round,
        answeredAt: iso(r.answeredAt),
        counts: context.yesNo(counting.has(r.id)),
      };
    })
    .sort(
      (x, y) =>
        participantNumber(x.participantKey) - participantNumber(y.participantKey) ||
        snapshot.model.nodeOrder(x.criterionKey) - snapshot.model.nodeOrder(y.criterionKey) ||
        alternativeOrder.indexOf(x.strategyKey) - alternativeOrder.indexOf(y.strategyKey) ||
        x.round - y.round,
    );
  return {
    id: 'ratings',
    title: context.title('ratings'),
    columns: context.columns<RatingExportRow>('ratings', [
      ['participantKey', 'text'],
      ['participant', 'text'],
      ['criterionKey', 'text'],
      ['criterion', 'text'],
      ['strategyKey', 'text'],
      ['strategy', 'text'],
      ['intensity', 'text'],
      ['value', 'decimal'],
      ['round', 'integer'],
      ['answeredAt', 'datetime'],
      ['counts', 'text'],
    ]),
    rows,
  };
}

/**
 * The reasons the participants the link may see gave for their judgments, one row per participant and pair, in
 * node, pair and participant order. The text is plain and stays as typed; the renderers guard it (a reason that
 * starts like a formula gets a leading apostrophe in CSV, render-csv.ts; an XLSX cell holds it as a string, never a formula).
 */
export function commentsTable(context: ExportContext): ExportTables['comments'] {
  const { snapshot, names } = context;
  const byId = new Map(snapshot.participants.map((p) => [p.id, p]));
  const rows: CommentExportRow[] = (snapshot.answerRows?.comments ?? [])
    .filter((c) => byId.has(c.participantId))
    .map((c) => {
      const person = byId.get(c.participantId)!;
      return {
        participantKey: person.key,
        participant: person.displayName,
        nodeKey: c.nodeKey,
        node: names.node(c.nodeKey),
        aKey: c.aKey,
        a: names.element(c.aKey),
        bKey: c.bKey,
        b: names.element(c.bKey),
        comment: c.text,
        updatedAt: iso(c.updatedAt),
      };
    });
  return {
    id: 'comments',
    title: context.title('comments'),
    columns: context.columns<CommentExportRow>('comments', [
      ['participantKey', 'text'],
      ['participant', 'text'],
      ['nodeKey', 'text'],
      ['node', 'text'],
      ['aKey', 'text'],
      ['a', 'text'],
      ['bKey', 'text'],
      ['b', 'text'],
      ['comment', 'text'],
      ['updatedAt', 'datetime'],
    ]),
    rows,
  };
}
