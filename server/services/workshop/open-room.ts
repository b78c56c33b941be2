import 'server-only';
import type { WorkshopRef } from '~/core/contracts/workshop';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { UNCHANGED, changeLive } from './live-change';

/**
 * Gives the session its room code (idempotent: the same code until the session closes). The dashboard and the
 * projector view call it when they open; joining by code works from then on.
 */
export async function openRoom({ ctx }: ServiceArgs<FacilitatorContext, WorkshopRef>) {
  const { state } = await changeLive(ctx, 'session.changed', async () => UNCHANGED);
  return state;
}
