import { z } from 'zod';
import { LocalizedText, Slug } from './localized';

export const ProfileFactorGroup = z.enum(['internal', 'external', 'success-factor']);
export type ProfileFactorGroup = z.infer<typeof ProfileFactorGroup>;

/** One factor of the cluster profile, rated on an ordinal scale (1 = weak .. 5 = strong). */
export const ProfileFactor = z.object({
  key: Slug,
  group: ProfileFactorGroup,
  name: LocalizedText,
  description: LocalizedText,
});
export type ProfileFactor = z.infer<typeof ProfileFactor>;

export const RegionalPriority = z.object({
  key: Slug,
  name: LocalizedText,
  description: LocalizedText,
});
export type RegionalPriority = z.infer<typeof RegionalPriority>;

export const PROFILE_RATING_MIN = 1;
export const PROFILE_RATING_MAX = 5;
export const ProfileRating = z.number().int().min(PROFILE_RATING_MIN).max(PROFILE_RATING_MAX);

/**
 * A profile factor a regulation strategy leans on, and what of it the strategy needs in words ("transport and
 * communication links" for hubbing and infrastructure): the diagnosis warns when the factor is rated weak.
 */
export const StrategyReliance = z.object({
  strategy: Slug,
  factor: Slug,
  needs: LocalizedText,
});
export type StrategyReliance = z.infer<typeof StrategyReliance>;

/** The versioned definition of the profile questionnaire (db/seed/profile/*.json). */
export const ClusterProfileDefinition = z.object({
  version: z.number().int().positive(),
  ratingLabels: z.array(LocalizedText).length(PROFILE_RATING_MAX - PROFILE_RATING_MIN + 1),
  factors: z.array(ProfileFactor).min(1).max(40),
  regionalPriorities: z.array(RegionalPriority).min(1).max(20),
  /** Absent in version 1, which predates the diagnosis. */
  strategyReliance: z.array(StrategyReliance).max(120).optional(),
});
export type ClusterProfileDefinition = z.infer<typeof ClusterProfileDefinition>;

/** A cluster profile as assessed in a session: factor ratings and the weights of the region's priorities. */
export const ClusterProfile = z.object({
  ratings: z.record(Slug, ProfileRating),
  regionalPriorities: z.record(Slug, z.number().min(0).max(1)),
});
export type ClusterProfile = z.infer<typeof ClusterProfile>;
