'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { RatingIntensity } from '~/core/contracts/ratings';
import { useTRPC } from '~/app/_trpc/client';
import type { UiModel, UiNode } from '~/app/_components/use-decision-model';
import { positionAs } from '~/core/model';
import { pairAnswerKey, ratingAnswerKey } from './steps';
import type { MyAnswers } from './types';
import { useSaveQueue } from './use-save-queue';

/** The server's answers, keyed the way the questionnaire reads them: core's pair identity, the position in the node's element order. */
export function initialAnswers(model: UiModel, me: MyAnswers) {
  const judgments = new Map<string, number>();
  for (const judgment of me.judgments) {
    const node = model.node(judgment.nodeKey);
    if (!node) continue;
    const i = node.elementKeys.indexOf(judgment.a);
    const j = node.elementKeys.indexOf(judgment.b);
    if (i < 0 || j < 0 || i === j) continue;
    const [first, second] = i < j ? [i, j] : [j, i];
    const position = positionAs({ aKey: judgment.a, bKey: judgment.b, position: judgment.position }, node.elementKeys[first]!, node.elementKeys[second]!);
    if (position !== null) judgments.set(pairAnswerKey(node, first, second), position);
  }
  const comments = new Map<string, string>();
  for (const comment of me.comments) {
    const node = model.node(comment.nodeKey);
    const [i, j] = node ? [node.elementKeys.indexOf(comment.a), node.elementKeys.indexOf(comment.b)] : [-1, -1];
    if (!node || i < 0 || j < 0 || i === j) continue;
    comments.set(pairAnswerKey(node, Math.min(i, j), Math.max(i, j)), comment.text);
  }
  const ratings = new Map<string, RatingIntensity>();
  for (const rating of me.ratings) {
    ratings.set(ratingAnswerKey(rating.criterionKey, rating.alternativeKey), rating.intensity as RatingIntensity);
  }
  return { judgments, ratings, comments };
}

/**
 * The participant's answers in the browser (what the page shows and computes CR from) and their saving: every
 * change is applied at once here and sent to the server (an idempotent upsert, so going back and changing an
 * answer replaces it in place). Every call carries the participant token explicitly.
 */
export function useAnswers({
  sessionId,
  token,
  initial,
}: {
  sessionId: string;
  token: string;
  initial: ReturnType<typeof initialAnswers>;
}) {
  const trpc = useTRPC();
  const context = { trpc: { context: { token } } };
  const saveJudgment = useMutation(trpc.judgment.save.mutationOptions(context));
  const removeJudgment = useMutation(trpc.judgment.remove.mutationOptions(context));
  const saveRating = useMutation(trpc.judgment.saveRating.mutationOptions(context));
  const queue = useSaveQueue();
  const [judgments, setJudgments] = useState(initial.judgments);
  const [ratings, setRatings] = useState(initial.ratings);
  const { mutateAsync: save } = saveJudgment;
  const { mutateAsync: remove } = removeJudgment;
  const { mutateAsync: rate } = saveRating;
  const { schedule } = queue;

  /** Sets (or with null, withdraws) the answer of pair (i, j) of `node`; `position > 0` favours element i. */
  const setJudgment = useCallback(
    (node: UiNode, i: number, j: number, position: number | null, delay = 0) => {
      const a = node.elementKeys[i]!;
      const b = node.elementKeys[j]!;
      const id = pairAnswerKey(node, i, j);
      setJudgments((previous) => {
        const next = new Map(previous);
        if (position === null) next.delete(id);
        else next.set(id, position);
        return next;
      });
      schedule(
        id,
        () =>
          position === null
            ? remove({ sessionId, nodeKey: node.key, a, b })
            : save({ sessionId, nodeKey: node.key, a, b, position }),
        delay,
      );
    },
    [sessionId, schedule, save, remove],
  );

  const setRating = useCallback(
    (criterionKey: string, alternativeKey: string, intensity: RatingIntensity, delay = 0) => {
      const id = ratingAnswerKey(criterionKey, alternativeKey);
      setRatings((previous) => new Map(previous).set(id, intensity));
      schedule(id, () => rate({ sessionId, criterionKey, alternativeKey, intensity }), delay);
    },
    [sessionId, schedule, rate],
  );

  return {
    judgments,
    ratings,
    setJudgment,
    setRating,
    saveStatus: queue.status,
    saveError: queue.error,
    flush: queue.flush,
    retry: queue.retry,
  };
}

