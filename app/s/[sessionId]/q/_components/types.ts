import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;

export type SessionData = Outputs['session']['get'];
export type MyAnswers = Outputs['participant']['me'];
export type ProfileData = Outputs['profile']['get'];
export type ProfileDefinition = NonNullable<Outputs['catalogue']['profileDefinition']>;
export type CriterionData = SessionData['model']['criteria'][number];
export type MethodSettingsData = SessionData['settings']['methodSettings'];

/** A name or description as the model holds it: in one language or more. */
export type LocalizedName = CriterionData['name'];
