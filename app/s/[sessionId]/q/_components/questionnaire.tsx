'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SaveState } from '~/app/_components/save-state';
import { useTRPC } from '~/app/_trpc/client';
import { rememberLink } from '~/app/_trpc/link-tokens';
import { answersSignature, analyzeNode, type Contradiction } from './consistency';
import { errorCode, useParticipantErrorText } from '~/app/_components/use-error-text';
import { type AnswerMode, PairStep } from './pair-step';
import { ProfileStep } from './profile-step';
import styles from './questionnaire.module.css';
import { RatingsStep } from './ratings-step';
import { buildSteps, localProgress, pairAnswerKey, pairwiseNodes, ratingAnswerKey, stepItems, type Step } from './steps';
import { type AppliedSuggestion, SuggestionNotice } from './suggestion-notice';
import { RoomBanner } from '~/app/_components/workshop/room-banner';
import { gateStateOf, roomGate, useParticipantRoom } from '~/app/_components/workshop/use-participant-room';
import { answerRefusal } from '~/core/model';
import { useDecisionModel } from '~/app/_components/use-decision-model';
import type { MyAnswers, ProfileData, ProfileDefinition, SessionData } from './types';
import { initialAnswers, useAnswers } from './use-answers';
import { isRefusal } from './use-save-queue';
import { useJudgmentText } from '~/app/_components/judgment/use-judgment-text';
import { useParticipantLink } from './use-participant-link';

/**
 * The last step is loaded after the page, so that the first comparison does not wait for it (the page's first
 * load stays within its budget, docs/benchmarks.md); the questionnaire fetches it at the participant's first step.
 */
const loadResultStep = () => import('./result-step').then((module) => ({ default: module.ResultStep }));
const ResultStep = lazy(loadResultStep);

const MODE_STORAGE_KEY = 'clusterwise.answerMode';
const NUMBERS_STORAGE_KEY = 'clusterwise.showScaleNumbers';
/**
 * The step each session's questionnaire shows, kept in memory: when the page is mounted again (switching to a
 * language whose locale data the browser lacked, app/_components/intl-ready.tsx) it stays where it was. A reload
 * starts from the answers again.
 */
const shownPositions = new Map<string, { stepId: string; isOverview: boolean }>();

export function Questionnaire({ sessionId }: { sessionId: string }) {
  const t = useTranslations('questionnaire');
  const router = useRouter();
  const { link, reread } = useParticipantLink(sessionId);

  useEffect(() => {
    if (link.status === 'missing' && link.inviteToken) router.replace(`/join/${sessionId}`);
  }, [link, router, sessionId]);

  if (link.status === 'reading' || (link.status === 'missing' && link.inviteToken)) {
    return <Loading />;
  }
  if (link.status === 'checking') {
    return <LinkCheck sessionId={sessionId} token={link.token} onDone={reread} />;
  }
  if (link.status === 'missing') {
    return (
      <>
        <h1>{t('meta.title')}</h1>
        <p className="notice warn" role="alert">
          {t('link.missing')}
        </p>
      </>
    );
  }
  return <QuestionnaireData sessionId={sessionId} token={link.token} />;
}

function Loading() {
  const t = useTranslations('common.errors');
  return (
    <p className="muted" role="status">
      {t('loading')}
    </p>
  );
}

/** A link opened here with its key: remember it under the role the server gives it, then carry on. */
function LinkCheck({ sessionId, token, onDone }: { sessionId: string; token: string; onDone: () => void }) {
  const t = useTranslations('questionnaire');
  const trpc = useTRPC();
  const router = useRouter();
  const describeError = useParticipantErrorText();
  const session = useQuery(trpc.session.get.queryOptions({ sessionId }, { trpc: { context: { token } } }));
  const role = session.data?.access.role;
  useEffect(() => {
    if (!role) return;
    rememberLink({ sessionId, token, role });
    if (role === 'invite') router.replace(`/join/${sessionId}`);
    else onDone();
  }, [role, sessionId, token, router, onDone]);
  if (session.isError) {
    return (
      <>
        <h1>{t('meta.title')}</h1>
        <p className="notice warn" role="alert">
          {describeError(session.error)}
        </p>
      </>
    );
  }
  return <Loading />;
}

function QuestionnaireData({ sessionId, token }: { sessionId: string; token: string }) {
  const t = useTranslations('questionnaire');
  const trpc = useTRPC();
  const describeError = useParticipantErrorText();
  // Read once, in one request: from then on the page holds the answers and saves each change.
  const start = useQuery({
    ...trpc.participant.questionnaire.queryOptions({ sessionId }, { trpc: { context: { token } } }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (start.isError) {
    const code = errorCode(start.error);
    return (
      <>
        <h1>{t('meta.title')}</h1>
        <div className="notice warn" role="alert">
          <p>{code === 'FORBIDDEN' || code === 'UNAUTHORIZED' ? t('link.revoked') : describeError(start.error)}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void start.refetch()}>
              {t('retry')}
            </button>
            <Link className="button" href="/">
              {t('home')}
            </Link>
          </div>
        </div>
      </>
    );
  }
  if (!start.data) return <Loading />;
  const { session, me, profile, definition } = start.data;
  return (
    <QuestionnaireFlow
      sessionId={sessionId}
      token={token}
      session={session}
      me={me}
      profile={profile}
      definition={definition}
    />
  );
}

function useAnswerMode(): [AnswerMode, (mode: AnswerMode) => void] {
  const [mode, setMode] = useState<AnswerMode>('buttons');
  useEffect(() => {
    if (window.localStorage.getItem(MODE_STORAGE_KEY) === 'slider') setMode('slider');
  }, []);
  const change = useCallback((next: AnswerMode) => {
    setMode(next);
    window.localStorage.setItem(MODE_STORAGE_KEY, next);
  }, []);
  return [mode, change];
}

/** A yes/no choice this browser remembers between questions and visits. */
function useStoredFlag(key: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(false);
  useEffect(() => {
    if (window.localStorage.getItem(key) === 'yes') setValue(true);
  }, [key]);
  const change = useCallback(
    (next: boolean) => {
      setValue(next);
      window.localStorage.setItem(key, next ? 'yes' : 'no');
    },
    [key],
  );
  return [value, change];
}

function QuestionnaireFlow({
  sessionId,
  token,
  session,
  me,
  profile,
  definition,
}: {
  sessionId: string;
  token: string;
  session: SessionData;
  me: MyAnswers;
  profile: ProfileData;
  definition: ProfileDefinition | null;
}) {
  const t = useTranslations('questionnaire');
  const tGroups = useTranslations('common.stakeholderGroups');
  const tRoom = useTranslations('workshop.roomState');
  const describeError = useParticipantErrorText();
  const text = useJudgmentText();
  const scoring = session.settings.alternativeScoring;
  const methodSettings = session.settings.methodSettings;
  const model = useDecisionModel(session.model);
  const steps = useMemo(() => buildSteps(model, scoring), [model, scoring]);
  const comparedNodes = useMemo(() => pairwiseNodes(model, scoring), [model, scoring]);
  const [initial] = useState(() => initialAnswers(model, me));
  const answers = useAnswers({ sessionId, token, initial });
  const { judgments, ratings } = answers;
  // The room's state, so that the page offers only what the server takes (core's answerRefusal, as the server uses).
  const roomLive = useParticipantRoom(sessionId, token);
  const gate = roomGate(roomLive, session.status);
  const [comments, setComments] = useState(initial.comments);

  const isAnswered = useCallback(
    (step: Step, given: { judgments: ReadonlyMap<string, number>; ratings: ReadonlyMap<string, unknown> }) => {
      switch (step.kind) {
        case 'profile':
          return given.judgments.size + given.ratings.size > 0;
        case 'pair':
          return given.judgments.has(step.id);
        case 'ratings':
          return step.alternatives.every((a) => given.ratings.has(ratingAnswerKey(step.criterion.key, a.key)));
        case 'result':
          return false;
      }
    },
    [],
  );

  // Reopening the link resumes at the first question without an answer; mounted again in the same page, the
  // questionnaire stays on the step it was showing.
  const [remembered] = useState(() => shownPositions.get(`${sessionId}|${token}`) ?? null);
  const [index, setIndex] = useState(() => {
    const kept = remembered ? steps.findIndex((step) => step.id === remembered.stepId) : -1;
    if (kept >= 0) return kept;
    const first = steps.findIndex((step) => !isAnswered(step, initial));
    return first < 0 ? steps.length - 1 : first;
  });
  const step = steps[Math.min(index, steps.length - 1)]!;
  const [mode, setMode] = useAnswerMode();
  const [showNumbers, setShowNumbers] = useStoredFlag(NUMBERS_STORAGE_KEY);
  const [isOverview, setOverview] = useState(() => Boolean(remembered?.isOverview && remembered.stepId === step.id));
  useEffect(() => {
    shownPositions.set(`${sessionId}|${token}`, { stepId: step.id, isOverview });
  }, [sessionId, token, step.id, isOverview]);
  const [kept, setKept] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [applied, setApplied] = useState<AppliedSuggestion | null>(null);
  /** The comparison Next just left unanswered, named on the following step with the way back to it. */
  const [skipped, setSkipped] = useState<{ index: number; where: string } | null>(null);
  const headingElement = useRef<HTMLHeadingElement | null>(null);
  /** A focus request that arrived while the step's heading was not there yet (the result step still loading). */
  const headingFocusPending = useRef(false);
  const headingRef = useCallback((element: HTMLHeadingElement | null) => {
    headingElement.current = element;
    if (element && headingFocusPending.current) {
      headingFocusPending.current = false;
      element.focus();
    }
  }, []);
  const warningRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ target: 'heading' | 'warning' | 'next'; n: number } | null>(null);
  const [nextRequest, setNextRequest] = useState(0);

  const requestFocus = (target: 'heading' | 'warning' | 'next') => setFocusRequest((r) => ({ target, n: (r?.n ?? 0) + 1 }));

  useEffect(() => {
    if (!focusRequest) return;
    const element =
      focusRequest.target === 'warning' ? warningRef.current : focusRequest.target === 'next' ? nextRef.current : headingElement.current;
    headingFocusPending.current = focusRequest.target === 'heading' && !element;
    element?.focus();
  }, [focusRequest]);

  const node = step.kind === 'pair' ? step.node : null;
  const consistency = useMemo(
    () => (node ? analyzeNode(node, judgments, methodSettings) : null),
    [node, judgments, methodSettings],
  );
  const isKept = node ? kept[node.key] === answersSignature(node, judgments) : false;
  const needsAttention = consistency?.state === 'checked' && !consistency.isConsistentEnough && !isKept;

  const progress = useMemo(() => localProgress(model, scoring, judgments, ratings), [model, scoring, judgments, ratings]);
  const { answered, required: total } = progress;
  const ratingSteps = steps.filter((s) => s.kind === 'ratings');

  const goTo = (target: number) => {
    void loadResultStep();
    const clamped = Math.max(0, Math.min(steps.length - 1, target));
    setIndex(clamped);
    setAnnouncement('');
    setApplied(null);
    setSkipped(null);
    requestFocus('heading');
    if (steps[clamped]?.kind === 'result') void answers.flush();
  };

  /** The index just past the current step, or past the whole node when all its pairs are on screen. */
  const nextIndex = () => {
    if (step.kind === 'pair' && isOverview) {
      let last = index;
      while (steps[last + 1]?.kind === 'pair' && (steps[last + 1] as { node: { key: string } }).node.key === step.node.key) last++;
      return last + 1;
    }
    return index + 1;
  };

  const goNext = () => {
    const target = nextIndex();
    const leavesNode = step.kind === 'pair' && !(steps[target]?.kind === 'pair' && (steps[target] as typeof step).node.key === step.node.key);
    // Leaving a node whose answers contradict each other: the warning gets one clear look first.
    if (leavesNode && needsAttention) {
      requestFocus('warning');
      return;
    }
    goTo(target);
    // Next on an unanswered comparison skips it: say so on the next step, with the way back.
    if (step.kind === 'pair' && !isOverview && !judgments.has(step.id)) {
      setSkipped({
        index,
        where: t('consistency.changed.where', { node: text.nodeTitle(step.node), n: step.pairIndex + 1, count: step.pairCount }),
      });
    }
  };

  useEffect(() => {
    if (nextRequest > 0) goNext();
    // goNext reads this render's answers; the request is what triggers it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nextRequest]);

  const goBack = () => {
    if (step.kind === 'pair' && isOverview) {
      let first = index;
      while (steps[first - 1]?.kind === 'pair' && (steps[first - 1] as typeof step).node.key === step.node.key) first--;
      goTo(first - 1);
      return;
    }
    goTo(index - 1);
  };

  const firstMissing = steps.findIndex((s) => s.kind !== 'profile' && s.kind !== 'result' && !isAnswered(s, answers));

  const applySuggestion = (contradiction: Contradiction) => {
    if (!node) return;
    const { i, j, suggested } = contradiction;
    const changedIndex = steps.findIndex((s) => s.id === pairAnswerKey(node, i, j));
    const changedStep = steps[changedIndex];
    answers.setJudgment(node, i, j, suggested);
    setApplied({
      node,
      i,
      j,
      previous: judgments.get(pairAnswerKey(node, i, j)) ?? null,
      suggested,
      fromIndex: index,
      changedIndex,
      questionNumber: changedStep?.kind === 'pair' ? changedStep.pairIndex + 1 : 0,
      questionCount: changedStep?.kind === 'pair' ? changedStep.pairCount : 0,
    });
    requestFocus('heading');
  };

  /** Moves between the changed question and where the participant was, keeping the notice of the change. */
  const goKeepingChange = (target: number) => {
    const change = applied;
    setOverview(false);
    goTo(target);
    setApplied(change);
  };

  const undoSuggestion = () => {
    if (!applied) return;
    answers.setJudgment(applied.node, applied.i, applied.j, applied.previous);
    setAnnouncement(
      t('consistency.changed.undone', {
        sentence: applied.previous === null ? t('consistency.changed.unanswered') : text.sentence(applied.node, applied.i, applied.j, applied.previous),
      }),
    );
    setApplied(null);
    requestFocus('heading');
  };

  const keepAnswers = () => {
    if (!node) return;
    setKept((previous) => ({ ...previous, [node.key]: answersSignature(node, judgments) }));
    requestFocus('next');
  };

  const isLast = index === steps.length - 1;
  const participant = me.participant;
  const refusal =
    gate.kind === 'session-closed'
      ? 'session-closed'
      : roomLive
        ? (stepItems(step).map((item) => answerRefusal(gateStateOf(roomLive), item, Date.now())).find((r) => r !== null) ?? null)
        : null;
  const isRefused = refusal !== null;

  return (
    <div className={styles.flow}>
      <header className={styles.top}>
        <h1 className={styles.sessionTitle}>{session.title}</h1>
        <p className={styles.identity}>
          {t('answeringAs', { name: participant.displayName, group: tGroups(participant.stakeholderGroup) })}
        </p>
        <div className={styles.progressRow}>
          <div
            className={`progress ${styles.progressBar}`}
            role="progressbar"
            aria-label={t('progress.label')}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={answered}
            aria-valuetext={t('progress.text', { answered, total })}
          >
            <span style={{ width: `${total ? (answered / total) * 100 : 100}%` }} />
          </div>
          <span className={styles.progressText}>{t('progress.text', { answered, total })}</span>
        </div>
      </header>

      <RoomBanner gate={gate} />
      {refusal !== null && refusal !== 'session-closed' && gate.kind === 'open' ? (
        <p className="notice warn" data-refusal={refusal.reason}>
          {refusal.reason === 'not-asked'
            ? tRoom('notAsked', { round: refusal.round })
            : refusal.reason === 'revealed'
              ? tRoom('revealed')
              : refusal.reason === 'time-up'
                ? tRoom('timeUp')
                : tRoom('liveTitle')}
        </p>
      ) : null}
      {answers.saveStatus === 'error' ? (
        <div className={`notice danger ${styles.saveError}`} role="alert">
          <p>{t('saveFailed', { reason: describeError(answers.saveError) })}</p>
          {!isRefusal(answers.saveError) ? (
            <button type="button" className="button" onClick={answers.retry}>
              {t('retry')}
            </button>
          ) : null}
        </div>
      ) : null}

      {skipped ? (
        <div className={`notice ${styles.skippedNotice}`} role="status">
          <p>{t('skippedNotice', { where: skipped.where })}</p>
          <button type="button" className="button" onClick={() => goTo(skipped.index)}>
            {t('skippedAnswer')}
          </button>
        </div>
      ) : null}

      {/* Above the question, so the change is in view where the focus lands. */}
      {applied ? (
        <SuggestionNotice
          applied={applied}
          index={index}
          text={text}
          onShow={() => goKeepingChange(applied.changedIndex)}
          onReturn={() => goKeepingChange(applied.fromIndex)}
          onUndo={undoSuggestion}
          onDismiss={() => setApplied(null)}
        />
      ) : null}

      <fieldset
        key={`${step.id}${isOverview && step.kind === 'pair' ? ':overview' : ''}`}
        className={styles.stepGate}
        disabled={isRefused && (step.kind === 'pair' || step.kind === 'ratings')}
      >
        {step.kind === 'profile' ? (
          <ProfileStep
            definition={definition}
            profile={profile}
            headingRef={headingRef}
          />
        ) : step.kind === 'pair' ? (
          <PairStep
            sessionId={sessionId}
            token={token}
            comment={comments.get(step.id) ?? ''}
            onCommentSaved={(text) =>
              setComments((previous) => {
                const next = new Map(previous);
                if (text) next.set(step.id, text);
                else next.delete(step.id);
                return next;
              })
            }
            node={step.node}
            i={step.i}
            j={step.j}
            pairIndex={step.pairIndex}
            pairCount={step.pairCount}
            answers={judgments}
            mode={mode}
            isOverview={isOverview}
            scale={methodSettings.scale}
            showNumbers={showNumbers}
            onShowNumbersChange={setShowNumbers}
            consistency={consistency ?? { state: 'not-applicable' }}
            isKept={isKept}
            text={text}
            headingRef={headingRef}
            warningRef={warningRef}
            onAnswer={(i, j, position, delay) => answers.setJudgment(step.node, i, j, position, delay)}
            onModeChange={setMode}
            onOverviewChange={(value) => {
              setOverview(value);
              requestFocus('heading');
            }}
            onApply={applySuggestion}
            onKeep={keepAnswers}
            onEnter={() => setNextRequest((n) => n + 1)}
          />
        ) : step.kind === 'ratings' ? (
          <RatingsStep
            criterion={step.criterion}
            alternatives={step.alternatives}
            ratings={ratings}
            stepNumber={ratingSteps.indexOf(step) + 1}
            stepCount={ratingSteps.length}
            headingRef={headingRef}
            onRate={(alternativeKey, intensity) => answers.setRating(step.criterion.key, alternativeKey, intensity)}
          />
        ) : (
          <Suspense fallback={<p role="status">{t('result.loading')}</p>}>
            <ResultStep
              sessionId={sessionId}
              token={token}
              session={session}
              model={model}
              pairwiseNodes={comparedNodes}
              judgments={judgments}
              progress={progress}
              text={text}
              whenSaved={answers.flush}
              headingRef={headingRef}
              onGoToFirstMissing={firstMissing >= 0 ? () => goTo(firstMissing) : null}
            />
          </Suspense>
        )}
      </fieldset>

      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <nav className={styles.nav} aria-label={t('nav.label')}>
        <button type="button" className="button" onClick={goBack} disabled={index === 0}>
          <span aria-hidden="true">← </span>
          {t('nav.back')}
        </button>
        <SaveState
          status={answers.saveStatus}
          error={answers.saveStatus === 'error' ? describeError(answers.saveError) : null}
        />
        {!isLast ? (
          <button ref={nextRef} type="button" className="button primary" onClick={goNext}>
            {steps[nextIndex()]?.kind === 'result' ? t('nav.toResult') : t('nav.next')}
            <span aria-hidden="true"> →</span>
          </button>
        ) : (
          <button ref={nextRef} type="button" className="button" onClick={() => goTo(0)}>
            {t('nav.review')}
          </button>
        )}
      </nav>
    </div>
  );
}
