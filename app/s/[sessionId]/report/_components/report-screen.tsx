'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useState } from 'react';
import { serverErrorInfo, useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { ExportScope } from '~/core/contracts/exports';
import type { Locale } from '~/i18n/config';
import { ConsistencySection } from '~/app/s/[sessionId]/_components/results/consistency-section';
import { useFigures, useModelNames } from '~/app/s/[sessionId]/_components/results/figures';
import { StakeholderGroupsSection } from '~/app/s/[sessionId]/_components/results/stakeholder-groups-section';
import { ConsensusSection } from '~/app/s/[sessionId]/_components/results/group-sections';
import { MatrixSection } from '~/app/s/[sessionId]/_components/results/matrix-section';
import { MethodSection } from '~/app/s/[sessionId]/_components/results/method-section';
import { DiagnosisSection } from '~/app/s/[sessionId]/_components/results/diagnosis-section';
import { RecommendationSection } from '~/app/s/[sessionId]/_components/results/recommendation-section';
import { RankingSection } from '~/app/s/[sessionId]/_components/results/ranking-section';
import { type ResultView, type SessionData, isGroupResult } from '~/app/s/[sessionId]/_components/results/result-model';
import { RobustnessSection } from '~/app/s/[sessionId]/_components/results/robustness-section';
import { SensitivitySection } from '~/app/s/[sessionId]/_components/results/sensitivity-section';
import { useReportPdf } from '~/app/s/[sessionId]/_components/results/use-export-download';
import { useParticipantName } from '~/app/s/[sessionId]/_components/results/use-participant-name';
import { useRecommendationNames } from '~/app/s/[sessionId]/_components/results/use-recommendation';
import { useSessionLink } from '~/app/s/[sessionId]/_components/results/use-session-link';
import { WeightsSection } from '~/app/s/[sessionId]/_components/results/weights-section';
import { MethodInWords } from './method-in-words';
import { ParticipantsByGroup } from './participants-by-group';
import { RoundHistory } from './round-history';
import styles from './report.module.css';

type Scope = ExportScope;

/**
 * The report: what the results page shows, laid out for A4 paper and a decision meeting. The answer first (the
 * recommendation and the ranking), then why (weights, robustness, consistency, consensus), who took part, and
 * how it was computed, in plain words. Charts always, each with its numbers; nothing to click in print.
 */
export function ReportScreen({ sessionId, requestedScope }: { sessionId: string; requestedScope: Scope | null }) {
  const t = useTranslations('report.page');
  const link = useSessionLink(sessionId);
  const trpc = useTRPC();
  const session = useQuery({ ...trpc.session.get.queryOptions({ sessionId }), enabled: link === 'ready' });
  if (link === 'checking' || (link === 'ready' && session.isPending)) return <Busy label={t('loading')} />;
  if (link === 'missing') return <Message title={t('eyebrow')} body={<NoLink />} sessionId={null} />;
  if (session.isError) return <Message title={t('eyebrow')} body={<ErrorText error={session.error} />} sessionId={sessionId} />;
  const data = session.data!;
  const isFacilitator = data.access.role === 'facilitator';
  const sharesGroup = isFacilitator || data.settings.participantResults === 'own-and-group';
  const scope: Scope = isFacilitator ? 'group' : requestedScope === 'group' && sharesGroup ? 'group' : 'own';
  return <ReportBody session={data} scope={scope} />;
}

function ReportBody({ session, scope }: { session: SessionData; scope: Scope }) {
  const t = useTranslations('report.page');
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const sessionId = session.id;
  const results = useQuery({ ...trpc.result.get.queryOptions({ sessionId }), refetchOnMount: 'always' });
  const figures = useFigures();
  const names = useModelNames(session, locale);
  const shown = results.data ? (scope === 'group' ? results.data.group : results.data.own) : null;
  const result = shown?.result ?? null;

  if (results.isPending) return <Busy label={t('loading')} />;
  if (results.isError) return <Message title={t('eyebrow')} body={<ErrorText error={results.error} />} sessionId={sessionId} />;
  if (!shown || !result) {
    return (
      <Message
        title={t('empty.title')}
        body={
          <>
            <p>{t('empty.body')}</p>
            <p>
              <Link className="button primary" href={`/s/${sessionId}/results`}>
                {t('empty.link')}
              </Link>
            </p>
          </>
        }
        sessionId={null}
      />
    );
  }
  return (
    <ReportContent
      session={session}
      shown={shown}
      result={result}
      names={names}
      figures={figures}
      joinedCount={results.data?.joinedCount ?? null}
      locale={locale}
    />
  );
}

function ReportContent({
  session,
  shown,
  result,
  names,
  figures,
  joinedCount,
  locale,
}: {
  session: SessionData;
  shown: ResultView;
  result: ResultView['result'];
  names: ReturnType<typeof useModelNames>;
  figures: ReturnType<typeof useFigures>;
  joinedCount: number | null;
  locale: Locale;
}) {
  const t = useTranslations('report.page');
  const format = useFormatter();
  const isGroup = isGroupResult(result);
  const isFacilitator = session.access.role === 'facilitator';
  const recommendationNames = useRecommendationNames(session);
  const recommendation = shown.recommendation;
  // The date the report is read or printed. Taken at mount: this part is drawn only in the browser (after the
  // session link is checked in an effect), so there is no server render for it to differ from.
  const [preparedAt] = useState(() => new Date());
  // A report is read, not explored: disclosures such as the most inconsistent judgments start open, also for a PDF
  // made without a print dialog (headless Chromium fires no beforeprint). The measures' score breakdowns stay
  // closed (their reasons are listed in words) and closed ones are left off paper, which keeps the report short.
  useEffect(() => {
    document
      .querySelectorAll(`main section:not([aria-labelledby="recommendation-title"]) details`)
      .forEach((details) => details.setAttribute('open', ''));
  }, [result]);
  const when = (date: Date | string) => format.dateTime(new Date(date), { dateStyle: 'long', timeStyle: 'short' });
  const pdf = useReportPdf(session.id, shown.scope === 'group' ? 'group' : 'own', locale);
  const errorText = useServerErrorText();
  const pdfErrorText = (error: unknown) => {
    const info = serverErrorInfo(error);
    if (info.code === 'UNAVAILABLE') return t('pdf.unavailable', { reason: info.message });
    if (info.code === 'BUSY') return t('pdf.busy');
    // The server's words carry the error id to quote; the page's address and link never reach them.
    if (info.code === 'PRINT_FAILED' || info.code === 'NOT_COMPUTABLE') return t('pdf.failed', { reason: info.message });
    return t('pdf.failed', { reason: errorText(error) });
  };
  const included = shown.counts.included;
  const participantName = useParticipantName(isFacilitator ? shown.participants : null);
  const trpc = useTRPC();
  const rounds = useQuery({ ...trpc.workshop.rounds.queryOptions({ sessionId: session.id }), enabled: isFacilitator && isGroup });
  const isRoundsSettled = !(isFacilitator && isGroup) || !rounds.isPending;

  const facts: Array<[string, string]> = [
    ...(session.region ? ([[t('facts.region'), session.region]] as Array<[string, string]>) : []),
    ...(session.cluster ? ([[t('facts.cluster'), session.cluster]] as Array<[string, string]>) : []),
    [t('facts.computedAt'), when(shown.computedAt)],
    [
      t('facts.basis'),
      !isGroup
        ? t('facts.ownBasis')
        : joinedCount !== null
          ? t('facts.basisValue', { included, joined: joinedCount })
          : t('facts.basisIncluded', { included }),
    ],
    [t('facts.preparedAt'), when(preparedAt)],
  ];

  return (
    // Ready once drawn (the result and its recommendation come in one response, the facilitator's round history in
    // one more): what the server's Chromium waits for.
    <main className={styles.report} data-report-ready={isRoundsSettled ? 'true' : undefined}>
      <div className={styles.toolbar}>
        <Link href={`/s/${session.id}/results`}>
          <span aria-hidden="true">← </span>
          {t('actions.back')}
        </Link>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('actions.print')}
        </button>
        <button type="button" className="button" onClick={() => pdf.mutate()} disabled={pdf.isPending}>
          <span aria-hidden="true">⬇ </span>
          {t('actions.pdf')}
        </button>
        <p className={styles.hint}>{t('printHint')}</p>
        <p role="status" aria-live="polite" className={styles.hint}>
          {pdf.isPending ? t('pdf.preparing') : pdf.isSuccess ? t('pdf.done', { fileName: pdf.data.fileName }) : ''}
        </p>
        {pdf.isError && (
          <p className={`notice danger ${styles.hint}`} role="alert">
            {pdfErrorText(pdf.error)}
          </p>
        )}
      </div>

      <header className={styles.cover}>
        <p className={styles.eyebrow}>{t('eyebrow')}</p>
        <h1>{session.title}</h1>
        {session.question && <p className={styles.question}>{session.question}</p>}
        <dl className={styles.facts}>
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </header>

      {shown.isStale && <p className="notice warn">⚠ {t('stale')}</p>}

      <DiagnosisSection data={recommendation} names={recommendationNames} figures={figures} />
      <RecommendationSection data={recommendation} names={recommendationNames} figures={figures} />
      <RankingSection result={result} names={names} figures={figures} view="charts" />
      <WeightsSection result={result} names={names} figures={figures} view="charts" />
      <RobustnessSection data={recommendation} names={recommendationNames} figures={figures} view="charts" />
      <SensitivitySection data={recommendation} names={recommendationNames} figures={figures} view="charts" />
      <ConsistencySection
        result={result}
        names={names}
        figures={figures}
        view="charts"
        settingsTable={shown.settings.methodSettings.randomIndex}
      />
      <MatrixSection result={result} names={names} figures={figures} scale={shown.settings.methodSettings.scale} mode="flagged" />
      {isGroup && (
        <ConsensusSection
          result={result}
          names={names}
          figures={figures}
          view="charts"
          includedCount={included}
          participantName={isFacilitator ? participantName : null}
        />
      )}
      {isGroup && <StakeholderGroupsSection result={result} names={names} figures={figures} />}
      {isGroup && <ParticipantsByGroup view={shown} names={names} showNames={isFacilitator} />}
      {rounds.data ? <RoundHistory rounds={rounds.data} names={names} /> : null}
      <MethodInWords
        session={session}
        view={shown}
        isGroup={isGroup}
        criteriaCount={names.flat.length}
        hasMeasures={recommendation.measures.length > 0}
      />
      <MethodSection view={shown} isGroup={isGroup} />
    </main>
  );
}

function Busy({ label }: { label: string }) {
  return (
    <main className={styles.report}>
      <p className="muted" role="status" aria-busy="true">
        {label}
      </p>
    </main>
  );
}

function Message({ title, body, sessionId }: { title: string; body: ReactNode; sessionId: string | null }) {
  const t = useTranslations('report.page');
  return (
    <main className="narrow">
      <h1>{title}</h1>
      {body}
      {sessionId && (
        <p>
          <Link href={`/s/${sessionId}/results`}>{t('actions.back')}</Link>
        </p>
      )}
    </main>
  );
}

function NoLink() {
  const t = useTranslations('results.states');
  return <p>{t('noLinkBody')}</p>;
}

function ErrorText({ error }: { error: unknown }) {
  const errorText = useServerErrorText();
  return (
    <p className="notice danger" role="alert">
      {errorText(error)}
    </p>
  );
}
