import 'server-only';
import { eq } from 'drizzle-orm';
import type { ExportScope, ExportTablesInput } from '~/core/contracts/exports';
import { MAX_MEASURES_PER_SESSION } from '~/core/contracts/model-edits';
import { measureCatalogues } from '~/db/schema';
import { type Locale, isLocale } from '~/i18n/config';
import { loadTranslators } from '~/i18n/messages';
import { AppError } from '~/server/errors';
import type { AccessContext, ServiceArgs } from '../../context';
import { participantsInResult } from '../../results/participants-in-result';
import { recommendationOf } from '../../results/recommendation';
import { visibleResult } from '../../results/visible-results';
import { readHistory } from '../../sessions/history';
import { READ_SNAPSHOT, readSessionSnapshot } from '../../shared/session-snapshot';
import { commentsTable, judgmentsTable, ratingsTable } from './answers-tables';
import { exportContext, inLocale } from './context';
import { participantsTable } from './participants-table';
import { groupDistancesTable, stakeholderGroupsTable } from './group-tables';
import { consensusTable, consistencyTable, criteriaWeightsTable, measuresRankingTable, strategyRankingTable } from './result-tables';
import { historyTable } from './history-table';
import { sessionTable } from './session-table';
import type { ExportBundle } from './types';

export type * from './types';

/**
 * The raw data and the results of a session as typed tables, built once and rendered to CSV and XLSX (../file.ts),
 * all from one read-only snapshot of the session, so a table taken during a live workshop never mixes two moments.
 * Headers and names are in the session's language. What goes in follows what the link may see on the results page:
 * the facilitator gets every participant and the group result; a participant their own answers and their own
 * result, or the group result when it is shared, without anyone else's answers or consistency.
 */
export async function buildExportTables({ ctx, input }: ServiceArgs<AccessContext, ExportTablesInput>): Promise<ExportBundle> {
  const role = ctx.access.role;
  if (role === 'invite') throw new AppError('FORBIDDEN', 'Join the session first: exports are for participants and the facilitator.');
  const scope: ExportScope = input.scope ?? (role === 'facilitator' ? 'group' : 'own');
  if (role === 'facilitator' && scope === 'own') {
    throw new AppError('INVALID_INPUT', 'The facilitator exports the group result; "own" is for participants.', { field: 'scope' });
  }
  return ctx.db.transaction(async (tx) => {
    const snapshot = await readSessionSnapshot(tx, ctx.access, { withAnswerRows: true });
    const view = visibleResult(snapshot, ctx.access, scope);
    const { session } = snapshot;
    const locale: Locale = isLocale(session.locale) ? session.locale : 'en';
    const [exports, common, results, participation] = await loadTranslators(locale, ['report.exports', 'common', 'results', 'common.participation']);
    const [catalogue] = session.catalogueVersion
      ? await tx.select().from(measureCatalogues).where(eq(measureCatalogues.version, session.catalogueVersion))
      : [];
    const familyNames = new Map((catalogue?.catalogue.families ?? []).map((f) => [f.key, inLocale(f.name, locale)]));
    const settings = view?.settings ?? { alternativeScoring: session.alternativeScoring, stakeholderWeights: session.stakeholderWeights };
    const context = exportContext({
      snapshot,
      scope,
      view,
      participants: participantsInResult(snapshot.model, settings, snapshot.participants, snapshot.answers, view?.coverage ?? null),
      recommendation: view ? recommendationOf(snapshot, view, MAX_MEASURES_PER_SESSION) : null,
      locale,
      exportedAt: new Date(),
      t: { exports, common, results, participation },
    });
    return {
      title: session.title,
      locale,
      scope,
      exportedAt: context.exportedAt,
      tables: {
        session: sessionTable(context),
        participants: participantsTable(context),
        judgments: judgmentsTable(context),
        ratings: ratingsTable(context),
        criteriaWeights: criteriaWeightsTable(context),
        strategyRanking: strategyRankingTable(context),
        measuresRanking: measuresRankingTable(context, (key) => familyNames.get(key) || key),
        consistency: consistencyTable(context),
        consensus: consensusTable(context),
        history: historyTable(context, role === 'facilitator' ? await readHistory(tx, session.id) : []),
        stakeholderGroups: stakeholderGroupsTable(context),
        groupDistances: groupDistancesTable(context),
        comments: commentsTable(context),
      },
    };
  }, READ_SNAPSHOT);
}
