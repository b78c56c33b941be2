'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { RatingIntensity } from '~/core/contracts/ratings';
import { useTRPC } from '~/app/_trpc/client';
import { type ComparisonNode, pairId, ratingId } from './steps';
import type { MyAnswers } from './types';
import { useSaveQueue } from './use-save-queue';

/** The server's answers, keyed the way the questionnaire reads them (a pair in the node's element order). */
export function initialAnswers(nodes: ComparisonNode[], me: MyAnswers) {
  const judgments = new Map<string, number>();
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  for (const judgment of me.judgments) {
    const node = byKey.get(judgment.nodeKey);
    if (!node) continue;
    const ia = node.elements.findIndex((e) => e.key === judgment.a);
    const ib = node.elements.findIndex((e) => e.key === judgment.b);
    if (ia < 0 || ib < 0 || ia === ib) continue;
    const position = ia < ib ? judgment.position : -judgment.position;
    const [first, second] = ia < ib ? [judgment.a, judgment.b] : [judgment.b, judgment.a];
    judgments.set(pairId(node.key, first, second), position === 0 ? 0 : position);
  }
  const ratings = new Map<string, RatingIntensity>();
  for (const rating of me.ratings) {
    ratings.set(ratingId(rating.criterionKey, rating.alternativeKey), rating.intensity as RatingIntensity);
  }
  return { judgments, ratings };
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
    (node: ComparisonNode, i: number, j: number, position: number | null, delay = 0) => {
      const a = node.elements[i]!.key;
      const b = node.elements[j]!.key;
      const id = pairId(node.key, a, b);
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
      const id = ratingId(criterionKey, alternativeKey);
      setRatings((previous) => new Map(previous).set(id, intensity));
      schedule(`rating|${id}`, () => rate({ sessionId, criterionKey, alternativeKey, intensity }), delay);
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

export type Answers = ReturnType<typeof useAnswers>;
