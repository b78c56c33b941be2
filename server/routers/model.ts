import 'server-only';
import {
  AddAlternativeInput,
  AddCriterionInput,
  AddMeasureInput,
  DescribeCriterionInput,
  MoveCriterionInput,
  RemoveAlternativeInput,
  RemoveCriterionInput,
  RemoveMeasureInput,
  RenameCriterionInput,
  ReorderAlternativesInput,
  ReorderCriteriaInput,
  SetGoalInput,
  UpdateAlternativeInput,
  UpdateMeasureInput,
} from '~/core/contracts/model-edits';
import { addAlternative } from '~/server/services/model/add-alternative';
import { addCriterion } from '~/server/services/model/add-criterion';
import { addMeasure } from '~/server/services/model/add-measure';
import { describeCriterion } from '~/server/services/model/describe-criterion';
import { moveCriterion } from '~/server/services/model/move-criterion';
import { removeAlternative } from '~/server/services/model/remove-alternative';
import { removeCriterion } from '~/server/services/model/remove-criterion';
import { removeMeasure } from '~/server/services/model/remove-measure';
import { renameCriterion } from '~/server/services/model/rename-criterion';
import { reorderAlternatives } from '~/server/services/model/reorder-alternatives';
import { reorderCriteria } from '~/server/services/model/reorder-criteria';
import { setGoal } from '~/server/services/model/set-goal';
import { updateAlternative } from '~/server/services/model/update-alternative';
import { updateMeasure } from '~/server/services/model/update-measure';
import { createTRPCRouter, facilitatorProcedure } from '../trpc/init';

/** Edits of the session's own model: facilitator only, drafts only, each with the version it was made on. */
export const modelRouter = createTRPCRouter({
  setGoal: facilitatorProcedure.input(SetGoalInput).mutation(({ ctx, input }) => setGoal({ ctx, input })),
  addCriterion: facilitatorProcedure.input(AddCriterionInput).mutation(({ ctx, input }) => addCriterion({ ctx, input })),
  renameCriterion: facilitatorProcedure
    .input(RenameCriterionInput)
    .mutation(({ ctx, input }) => renameCriterion({ ctx, input })),
  describeCriterion: facilitatorProcedure
    .input(DescribeCriterionInput)
    .mutation(({ ctx, input }) => describeCriterion({ ctx, input })),
  reorderCriteria: facilitatorProcedure
    .input(ReorderCriteriaInput)
    .mutation(({ ctx, input }) => reorderCriteria({ ctx, input })),
  moveCriterion: facilitatorProcedure.input(MoveCriterionInput).mutation(({ ctx, input }) => moveCriterion({ ctx, input })),
  removeCriterion: facilitatorProcedure
    .input(RemoveCriterionInput)
    .mutation(({ ctx, input }) => removeCriterion({ ctx, input })),
  addAlternative: facilitatorProcedure
    .input(AddAlternativeInput)
    .mutation(({ ctx, input }) => addAlternative({ ctx, input })),
  updateAlternative: facilitatorProcedure
    .input(UpdateAlternativeInput)
    .mutation(({ ctx, input }) => updateAlternative({ ctx, input })),
  reorderAlternatives: facilitatorProcedure
    .input(ReorderAlternativesInput)
    .mutation(({ ctx, input }) => reorderAlternatives({ ctx, input })),
  removeAlternative: facilitatorProcedure
    .input(RemoveAlternativeInput)
    .mutation(({ ctx, input }) => removeAlternative({ ctx, input })),
  addMeasure: facilitatorProcedure.input(AddMeasureInput).mutation(({ ctx, input }) => addMeasure({ ctx, input })),
  updateMeasure: facilitatorProcedure.input(UpdateMeasureInput).mutation(({ ctx, input }) => updateMeasure({ ctx, input })),
  removeMeasure: facilitatorProcedure.input(RemoveMeasureInput).mutation(({ ctx, input }) => removeMeasure({ ctx, input })),
});
