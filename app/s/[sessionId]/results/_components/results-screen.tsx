'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { Locale } from '~/i18n/config';
import { ConsistencySection } from '~/app/s/[sessionId]/_components/results/consistency-section';
import { ExportPanel } from './export-panel';
import { ParticipantRoomBanner } from '~/app/_components/workshop/room-banner';
import { type FigureView, useFigures, useModelNames } from '~/app/s/[sessionId]/_components/results/figures';
import { StakeholderGroupsSection } from '~/app/s/[sessionId]/_components/results/stakeholder-groups-section';
import { ConsensusSection, ParticipantsSection } from '~/app/s/[sessionId]/_components/results/group-sections';
import { MatrixSection } from '~/app/s/[sessionId]/_components/results/matrix-section';
import { MethodSection } from '~/app/s/[sessionId]/_components/results/method-section';
import { ByCriterionSection, RankingSection } from '~/app/s/[sessionId]/_components/results/ranking-section';
import { DiagnosisSection } from '~/app/s/[sessionId]/_components/results/diagnosis-section';
import { RecommendationSection } from '~/app/s/[sessionId]/_components/results/recommendation-section';
import { type ResultView, type SessionData, isGroupResult } from '~/app/s/[sessionId]/_components/results/result-model';
import styles from '~/app/s/[sessionId]/_components/results/results.module.css';
import { RobustnessSection } from '~/app/s/[sessionId]/_components/results/robustness-section';
import { SensitivitySection } from '~/app/s/[sessionId]/_components/results/sensitivity-section';
import { useParticipantName } from '~/app/s/[sessionId]/_components/results/use-participant-name';
import { useRecommendationNames } from '~/app/s/[sessionId]/_components/results/use-recommendation';
import { WeightsSection } from '~/app/s/[sessionId]/_components/results/weights-section';
import { useSessionLink } from '~/app/s/[sessionId]/_components/results/use-session-link';

type Scope = 'own' | 'group';

/**
 * The results screen. Data is fetched in the browser, not prefetched on the server: the link token that opens a
 * session lives only in this browser (localStorage, from the link's #fragment), so the server cannot ask for
 * the results on the reader's behalf.
 */
export function ResultsScreen({ sessionId }: { sessionId: string }) {
  const t = useTranslations('results');
  const link = useSessionLink(sessionId);
  const trpc = useTRPC();
  // The session was probably cached by the set-up or questionnaire minutes ago; how many have joined since matters here.
  const session = useQuery({ ...trpc.session.get.queryOptions({ sessionId }), enabled: link === 'ready', refetchOnMount: 'always' });

  if (link === 'checking' || (link === 'ready' && session.isPending)) return <Loading label={t('loading')} />;
  if (link === 'missing') {
    return (
      <StateMessage title={t('states.noLinkTitle')}>
        <p>{t('states.noLinkBody')}</p>
      </StateMessage>
    );
  }
  if (session.isError) return <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />;
  const data = session.data!;
  if (data.access.role === 'invite') {
    return (
      <StateMessage title={t('heading')}>
        <p>{t('states.inviteOnly')}</p>
      </StateMessage>
    );
  }
  if (data.access.role === 'participant' && data.settings.participantResults === 'none') {
    return (
      <StateMessage title={t('states.notSharedTitle')} back={{ href: `/s/${sessionId}/q`, label: t('backToQuestionnaire') }}>
        <p>{t('states.notShared')}</p>
      </StateMessage>
    );
  }
  return <ResultsBody session={data} />;
}

function ResultsBody({ session }: { session: SessionData }) {
  const t = useTranslations('results');
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const figures = useFigures();
  const names = useModelNames(session, locale);
  const sessionId = session.id;
  const isFacilitator = session.access.role === 'facilitator';
  const canSeeGroup = isFacilitator || session.settings.participantResults === 'own-and-group';
  const [view, setView] = useState<FigureView>('charts');
  const [scope, setScope] = useState<Scope>(isFacilitator ? 'group' : 'own');

  // One read: the stored results with their participants and recommendations, all as of one instant.
  const results = useQuery({ ...trpc.result.get.queryOptions({ sessionId }), refetchOnMount: 'always' });
  const refreshAfterCompute = {
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.result.get.queryKey({ sessionId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.session.get.queryKey({ sessionId }) }),
      ]);
    },
  };
  const computeGroup = useMutation(trpc.result.compute.mutationOptions(refreshAfterCompute));
  const computeMine = useMutation(trpc.result.computeMine.mutationOptions(refreshAfterCompute));
  const compute = scope === 'group' ? computeGroup : computeMine;
  const canCompute = scope === 'group' ? isFacilitator : true;

  const shown: ResultView | null = results.data ? (scope === 'group' ? results.data.group : results.data.own) : null;

  // A first visit with nothing stored computes once by itself; later refreshes are the reader's choice.
  // When the answers are not enough yet the server says so (NOT_COMPUTABLE) and the empty state explains it.
  const attempted = useRef<Set<Scope>>(new Set());
  const mutate = compute.mutate;
  useEffect(() => {
    if (!results.isSuccess || shown || !canCompute || attempted.current.has(scope)) return;
    attempted.current.add(scope);
    mutate({ sessionId });
  }, [results.isSuccess, shown, canCompute, scope, mutate, sessionId]);

  const result = shown?.result ?? null;
  const computeCode = compute.isError ? serverErrorInfo(compute.error).code : null;
  const viewId = useId();
  const scopeId = useId();
  // Printing is for a meeting: closed disclosures would print as their summary line only.
  useEffect(() => {
    const openAll = () => document.querySelectorAll('main details').forEach((details) => details.setAttribute('open', ''));
    window.addEventListener('beforeprint', openAll);
    return () => window.removeEventListener('beforeprint', openAll);
  }, []);

  const back = isFacilitator
    ? { href: `/s/${sessionId}`, label: t('backToSession') }
    : { href: `/s/${sessionId}/q`, label: t('backToQuestionnaire') };

  return (
    <main className={styles.page}>
      <p className={`${styles.noPrint} ${styles.back}`}>
        <Link href={back.href}>
          <span aria-hidden="true">← </span>
          {back.label}
        </Link>
      </p>
      <h1>{t('heading')}</h1>
      {isFacilitator ? null : <ParticipantRoomBanner sessionId={sessionId} sessionStatus={session.status} />}
      <p className="lead">{session.title}</p>
      {session.question && <p className={styles.question}>{session.question}</p>}
      <p className={styles.caption}>{t('intro')}</p>

      <div className={`${styles.toolbar} ${styles.noPrint}`}>
        {canCompute && (
          <button
            type="button"
            className="button primary"
            onClick={() => compute.mutate({ sessionId })}
            disabled={compute.isPending}
            aria-describedby={shown?.isStale ? 'results-stale' : undefined}
          >
            {shown ? t('actions.refresh') : t('actions.compute')}
          </button>
        )}
        {result && (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('actions.print')}
          </button>
        )}
        {!isFacilitator && canSeeGroup && (
          <fieldset className={styles.segmented}>
            <legend>{t('scope.legend')}</legend>
            {(['own', 'group'] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name={`${scopeId}-scope`}
                  value={option}
                  checked={scope === option}
                  onChange={() => setScope(option)}
                />
                <span>{t(`scope.${option}`)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {result && (
          <fieldset className={styles.segmented}>
            <legend>{t('view.legend')}</legend>
            {(['charts', 'tables'] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name={`${viewId}-view`}
                  value={option}
                  checked={view === option}
                  onChange={() => setView(option)}
                />
                <span>{t(`view.${option}`)}</span>
              </label>
            ))}
          </fieldset>
        )}
      </div>

      {result && <ExportPanel sessionId={sessionId} scope={scope} isFacilitator={isFacilitator} />}

      <p role="status" aria-live="polite" className={styles.live}>
        {compute.isPending ? t('computing') : ''}
      </p>

      {compute.isError && computeCode !== 'NOT_COMPUTABLE' && (
        <div className="notice danger" role="alert">
          <ErrorText error={compute.error} />
        </div>
      )}

      {results.isPending ? (
        <Loading label={t('loading')} inline />
      ) : results.isError ? (
        <ErrorMessage error={results.error} onRetry={() => void results.refetch()} inline />
      ) : compute.isPending && !result ? null : !result ? (
        <EmptyState
          scope={scope}
          serverReason={computeCode === 'NOT_COMPUTABLE' ? serverErrorInfo(compute.error).message : null}
          isFacilitator={isFacilitator}
          joined={results.data?.joinedCount ?? session.participantCount}
        />
      ) : (
        <ResultFigures
          session={session}
          view={view}
          shown={shown!}
          result={result}
          names={names}
          figures={figures}
          joinedCount={results.data?.joinedCount ?? null}
          isFacilitator={isFacilitator}
        />
      )}
    </main>
  );
}

function ResultFigures({
  session,
  view,
  shown,
  result,
  names,
  figures,
  joinedCount,
  isFacilitator,
}: {
  session: SessionData;
  view: FigureView;
  shown: ResultView;
  result: ResultView['result'];
  names: ReturnType<typeof useModelNames>;
  figures: ReturnType<typeof useFigures>;
  joinedCount: number | null;
  isFacilitator: boolean;
}) {
  const t = useTranslations('results');
  const format = useDateFormat();
  const isGroup = isGroupResult(result);
  const recommendationNames = useRecommendationNames(session);
  const recommendation = shown.recommendation;
  const participantName = useParticipantName(isFacilitator ? shown.participants : null);
  const included = shown.counts.included;
  return (
    <>
      <div className={styles.summary}>
        <p>
          {t('summary.computedAt', { when: format(shown.computedAt) })}{' '}
          {!isGroup
            ? t('summary.ownBasis')
            : joinedCount !== null
              ? t('summary.groupBasisOf', { included, joined: joinedCount })
              : t('summary.groupBasis', { included })}
        </p>
        {isGroup && !isFacilitator && <p>{t('summary.groupForParticipant')}</p>}
      </div>
      {shown.isStale && (
        <p className="notice warn" id="results-stale">
          <strong>⚠ {t('summary.stale')}</strong>{' '}
          {isFacilitator || !isGroup ? (isFacilitator ? t('summary.staleFacilitator') : t('summary.staleParticipant')) : ''}
        </p>
      )}
      <DiagnosisSection data={recommendation} names={recommendationNames} figures={figures} />
      <RecommendationSection data={recommendation} names={recommendationNames} figures={figures} />
      <RankingSection result={result} names={names} figures={figures} view={view} />
      <WeightsSection result={result} names={names} figures={figures} view={view} />
      <ConsistencySection
        result={result}
        names={names}
        figures={figures}
        view={view}
        settingsTable={shown.settings.methodSettings.randomIndex}
      />
      <MatrixSection result={result} names={names} figures={figures} scale={shown.settings.methodSettings.scale} />
      {isGroup && (
        <ConsensusSection
          result={result}
          names={names}
          figures={figures}
          view={view}
          includedCount={included}
          participantName={isFacilitator ? participantName : null}
        />
      )}
      {isGroup && <StakeholderGroupsSection result={result} names={names} figures={figures} />}
      <RobustnessSection data={recommendation} names={recommendationNames} figures={figures} view={view} />
      <SensitivitySection data={recommendation} names={recommendationNames} figures={figures} view={view} />
      <ByCriterionSection result={result} names={names} figures={figures} />
      {isGroup && (
        <ParticipantsSection view={shown} names={names} joinedCount={joinedCount} showNames={isFacilitator} />
      )}
      <MethodSection view={shown} isGroup={isGroup} />
    </>
  );
}

/** The moment a result was computed, in the reader's language and time zone (rendered only in the browser). */
function useDateFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    return (date: Date | string) => formatter.format(typeof date === 'string' ? new Date(date) : date);
  }, [locale]);
}

const KNOWN_CODES = ['FORBIDDEN', 'UNAUTHORIZED', 'NOT_FOUND', 'NOT_COMPUTABLE', 'RATE_LIMITED'] as const;
function knownCode(code: string | null): (typeof KNOWN_CODES)[number] | 'other' {
  return (KNOWN_CODES as readonly string[]).includes(code ?? '') ? (code as (typeof KNOWN_CODES)[number]) : 'other';
}

/** What failed, in the UI language; the server's own (English) words follow in small print for whoever helps. */
function ErrorText({ error }: { error: unknown }) {
  const t = useTranslations('results.states');
  const tCommon = useTranslations('common.errors');
  const info = serverErrorInfo(error);
  return (
    <>
      <p>{info.code === null ? tCommon('offline') : t(`error.${knownCode(info.code)}`)}</p>
      {info.code !== null && <p className={styles.details}>{t('details', { message: info.message })}</p>}
    </>
  );
}

function Loading({ label, inline = false }: { label: string; inline?: boolean }) {
  const content = (
    <p className="muted" role="status" aria-busy="true">
      {label}
    </p>
  );
  return inline ? content : <main className={styles.page}>{content}</main>;
}

function StateMessage({
  title,
  children,
  back,
}: {
  title: string;
  children: ReactNode;
  back?: { href: string; label: string };
}) {
  const tCommon = useTranslations('common.errors');
  return (
    <main className={`${styles.page} narrow`}>
      <h1>{title}</h1>
      {children}
      <div className="actions">
        {back && (
          <Link className="button" href={back.href}>
            {back.label}
          </Link>
        )}
        <Link className="button" href="/">
          {tCommon('home')}
        </Link>
      </div>
    </main>
  );
}

function ErrorMessage({ error, onRetry, inline = false }: { error: unknown; onRetry: () => void; inline?: boolean }) {
  const t = useTranslations('results.states');
  const tActions = useTranslations('common.actions');
  const Heading = inline ? 'h2' : 'h1';
  const content = (
    <div role="alert">
      <Heading>{t('errorTitle')}</Heading>
      <ErrorText error={error} />
      <div className="actions">
        <button type="button" className="button primary" onClick={onRetry}>
          {tActions('retry')}
        </button>
      </div>
    </div>
  );
  return inline ? content : <main className={`${styles.page} narrow`}>{content}</main>;
}

function EmptyState({
  scope,
  serverReason,
  isFacilitator,
  joined,
}: {
  scope: Scope;
  /** What the server said when it could not compute (in English): shown in small print under the explanation. */
  serverReason: string | null;
  isFacilitator: boolean;
  joined: number | null;
}) {
  const t = useTranslations('results.states');
  return (
    <section aria-labelledby="empty-title" className={styles.empty}>
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      {scope === 'group' && !isFacilitator ? (
        <p>{t('groupNotYet')}</p>
      ) : isFacilitator ? (
        <>
          <p>{t('emptyFacilitator')}</p>
          {joined !== null && <p>{t('joinedSoFar', { joined })}</p>}
        </>
      ) : (
        <p>{t('emptyParticipant')}</p>
      )}
      {serverReason && <p className={styles.details}>{t('details', { message: serverReason })}</p>}
    </section>
  );
}
