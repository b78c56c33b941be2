import 'server-only';
import { eq } from 'drizzle-orm';
import type { SetGoalInput } from '~/core/contracts/model-edits';
import { sessions } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';

export async function setGoal({ ctx, input }: ServiceArgs<FacilitatorContext, SetGoalInput>) {
  return editModel(ctx, input.expectedVersion, 'goal.set', async (tx, { session }) => {
    await tx.update(sessions).set({ goal: input.goal }).where(eq(sessions.id, session.id));
    return { detail: { from: session.goal, to: input.goal } };
  });
}
