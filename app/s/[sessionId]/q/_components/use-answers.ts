'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { RatingIntensity } from '~/core/contracts/ratings';
import { useTRPC } from '~/app/_trpc/client';
import type { UiModel, UiNode } from '~/app/_components/use-decision-model';
import { positionAs } from '~/core/model';
import { pairAnswerKey, ratingAnswerKey } from './steps';
import type { MyAnswers } from './types';
import { isRefusal, useSaveQueue } from './use-save-queue';

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
  // What the server confirmed holding: a refused answer goes back to it, so the page never shows or counts an
  // answer the server does not have.
  const confirmedJudgments = useRef(new Map(initial.judgments));
  const confirmedRatings = useRef(new Map(initial.ratings));

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
      const run = async () => {
        try {
          if (position === null) await remove({ sessionId, nodeKey: node.key, a, b });
          else await save({ sessionId, nodeKey: node.key, a, b, position });
          if (position === null) confirmedJudgments.current.delete(id);
          else confirmedJudgments.current.set(id, position);
        } catch (error) {
          if (isRefusal(error)) {
            setJudgments((previous) => {
              if ((previous.get(id) ?? null) !== position) return previous;
              const next = new Map(previous);
              const held = confirmedJudgments.current.get(id);
              if (held === undefined) next.delete(id);
              else next.set(id, held);
              return next;
            });
          }
          throw error;
        }
      };
      schedule(id, run, delay);
    },
    [sessionId, schedule, save, remove],
  );

  const setRating = useCallback(
    (criterionKey: string, alternativeKey: string, intensity: RatingIntensity, delay = 0) => {
      const id = ratingAnswerKey(criterionKey, alternativeKey);
      setRatings((previous) => new Map(previous).set(id, intensity));
      const run = async () => {
        try {
          await rate({ sessionId, criterionKey, alternativeKey, intensity });
          confirmedRatings.current.set(id, intensity);
        } catch (error) {
          if (isRefusal(error)) {
            setRatings((previous) => {
              if (previous.get(id) !== intensity) return previous;
              const next = new Map(previous);
              const held = confirmedRatings.current.get(id);
              if (held === undefined) next.delete(id);
              else next.set(id, held);
              return next;
            });
          }
          throw error;
        }
      };
      schedule(id, run, delay);
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

