import 'server-only';
import { eq } from 'drizzle-orm';
import type { GroupHierarchyResult, HierarchyResult } from '~/core';
import type { RecommendationInput } from '~/core/contracts/recommendation';
import { explain } from '~/core/recommend/explain';
import { recommend } from '~/core/recommend/recommend';
import { whatIfModel } from '~/core/sensitivity/what-if';
import { clusterProfiles, measures } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { AccessContext, ServiceArgs } from '../context';
import { findSession } from '../shared/session-state';
import { getResults } from './get';

type StoredHierarchyResult = HierarchyResult | GroupHierarchyResult;

function asHierarchy(result: Record<string, unknown>): StoredHierarchyResult {
  if (result.kind !== 'hierarchy' && result.kind !== 'group-hierarchy') {
    throw new Error(`a session result is always a hierarchy, got ${String(result.kind)}`);
  }
  return result as unknown as StoredHierarchyResult;
}

/**
 * The recommendation drawn from the latest stored result the reader may see (the same rules as result.get: the
 * facilitator reads the group result, a participant their own and, when shared, the group's), the session's
 * measures and its cluster profile. Nothing is stored or drawn at random here: the probability of ranking
 * first is the engine's Monte Carlo stored with the result (its seed is returned), so the same stored result,
 * measures and profile always give the same recommendation. Null when that result has not been computed yet.
 *
 * `whatIf` is what the browser needs to replay the one-criterion sensitivity with core's scoresAtWeight.
 */
export async function getRecommendation({ ctx, input }: ServiceArgs<AccessContext, RecommendationInput>) {
  const session = await findSession(ctx.db, ctx.access.sessionId);
  if (ctx.access.role === 'participant' && input.scope === 'group' && session.participantResults !== 'own-and-group') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared the group result with participants in this session.');
  }
  const visible = await getResults({ ctx, input: { sessionId: session.id } });
  const view = input.scope === 'group' ? visible.group : visible.own;
  if (!view) return null;
  const result = asHierarchy(view.result);
  const [profileRow] = await ctx.db.select().from(clusterProfiles).where(eq(clusterProfiles.sessionId, session.id));
  const measureRows = await ctx.db.select().from(measures).where(eq(measures.sessionId, session.id));
  measureRows.sort((a, b) => a.position - b.position);

  const isGroup = result.kind === 'group-hierarchy';
  const includedCount = view.includedCount;
  // One person's answers have no spread between people to vary: every trial would crown the same strategy.
  const hasSpread = isGroup && includedCount >= 2;
  const rankProbability = hasSpread ? result.robustness.rankProbability : null;
  const thresholds = result.robustness.thresholds;
  const profile = profileRow ? { ratings: profileRow.ratings, regionalPriorities: profileRow.regionalPriorities } : null;

  const recommendation = recommend({
    strategy: { scores: result.alternatives, firstPlace: rankProbability?.firstPlace ?? null, thresholds },
    criteriaWeights: Object.fromEntries(Object.entries(result.criteria).map(([key, { global }]) => [key, global])),
    measures: measureRows,
    profile,
    count: input.measureCount,
  });
  const explanation = explain({
    recommendation,
    consensus: hasSpread ? { value: result.overallConsensus, level: result.consensusLevel } : null,
    nodeConsensus: hasSpread ? result.consensus : null,
  });

  return {
    scope: input.scope,
    computedAt: view.computedAt,
    isStale: view.isStale,
    isGroup,
    includedCount,
    strategy: recommendation.strategy,
    /** How the probabilities of ranking first were estimated; null when there is no spread to vary. */
    rankProbability: rankProbability ? { samples: rankProbability.samples, seed: rankProbability.seed } : null,
    thresholds,
    measures: recommendation.measures,
    /** How many measures the session has, of which `measures` are the best. */
    measureTotal: measureRows.length,
    /** The weights of a measure's four score parts (criteria, fit, weakness, priority). */
    measureWeights: recommendation.weights,
    hasProfile: profile !== null,
    explanation,
    whatIf: whatIfModel(result),
  };
}

export type RecommendationView = NonNullable<Awaited<ReturnType<typeof getRecommendation>>>;
