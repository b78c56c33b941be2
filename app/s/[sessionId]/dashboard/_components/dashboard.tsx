'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { serverErrorInfo, useServerErrorText } from '~/app/_components/use-error-text';
import { tokenFor } from '~/app/_trpc/link-tokens';
import { LiveIndicator } from '~/app/_components/workshop/live-indicator';
import { useDecisionModel } from '~/app/_components/use-decision-model';
import { useItemText } from '~/app/_components/workshop/use-item-text';
import styles from './dashboard.module.css';
import { CommentsPanel } from './comments-panel';
import { GroupPanel } from './group-panel';
import { LivePanel } from './live-panel';
import { ParticipantsPanel } from './participants-panel';
import { RoomPanel } from './room-panel';
import { RoundsPanel } from './rounds-panel';
import { useDashboardData } from './use-dashboard-data';
import { WeightsPanel } from './weights-panel';

export function Dashboard({ sessionId }: { sessionId: string }) {
  const t = useTranslations('workshop.dashboard');
  const tCommon = useTranslations('common');
  const errorText = useServerErrorText();
  const [hasLink, setHasLink] = useState<boolean | null>(null);
  useEffect(() => setHasLink(tokenFor(sessionId) !== null), [sessionId]);
  const { session, live, dashboard, rounds, comments, connection, refreshAll } = useDashboardData(sessionId, { enabled: hasLink === true });
  const model = useDecisionModel(session.data?.model);
  const text = useItemText(model);

  const failed = [session, live, dashboard].find((query) => query.isError);
  const code = failed ? serverErrorInfo(failed.error).code : null;
  if (hasLink === false || code === 'UNAUTHORIZED' || code === 'FORBIDDEN') {
    return (
      <main className="narrow">
        <h1>{t('noAccessTitle')}</h1>
        <p className="notice danger" role="alert">
          {t('noAccess')}
        </p>
        <Link className="button" href="/">
          {tCommon('errors.home')}
        </Link>
      </main>
    );
  }
  if (failed && !session.data) {
    return (
      <main className="narrow">
        <h1>{t('loadFailed')}</h1>
        <p className="notice danger" role="alert">
          {errorText(failed.error)}
        </p>
        <button type="button" className="button primary" onClick={refreshAll}>
          {tCommon('actions.retry')}
        </button>
      </main>
    );
  }
  if (!session.data || !live.data) {
    return (
      <main aria-busy="true">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }

  const state = live.data;
  const scoring = session.data.settings.alternativeScoring;
  return (
    <main className={styles.dashboard}>
      <header className={styles.header}>
        <div>
          <p className={styles.eyebrow}>{t('eyebrow')}</p>
          <h1 className={styles.title}>{session.data.title}</h1>
        </div>
        <div className={styles.headerSide}>
          <LiveIndicator connection={connection} />
          <nav aria-label={t('navLabel')} className={styles.nav}>
            <Link href={`/s/${sessionId}/setup?step=invite`}>{t('setupLink')}</Link>
            <Link href={`/s/${sessionId}/results`}>{t('resultsLink')}</Link>
            <Link href={`/s/${sessionId}/manage`}>{t('toolsLink')}</Link>
          </nav>
        </div>
      </header>
      {session.data.status === 'draft' ? (
        <p className="notice warn">
          {t('draftNote')} <Link href={`/s/${sessionId}/setup?step=invite`}>{t('draftLink')}</Link>
        </p>
      ) : null}
      {session.data.status === 'closed' ? <p className="notice warn">{t('closedNote')}</p> : null}

      <div className={styles.top}>
        <RoomPanel sessionId={sessionId} live={state} />
        <LivePanel sessionId={sessionId} live={state} model={model} scoring={scoring} text={text} revotes={rounds.data?.revotes ?? []} />
      </div>

      <ParticipantsPanel sessionId={sessionId} data={dashboard.data ?? null} text={text} isUpdating={dashboard.isFetching} />
      <WeightsPanel sessionId={sessionId} data={dashboard.data ?? null} />
      <GroupPanel data={dashboard.data ?? null} model={model} text={text} />
      <CommentsPanel comments={comments.data ?? null} text={text} />
      <RoundsPanel sessionId={sessionId} live={state} rounds={rounds.data ?? null} model={model} scoring={scoring} text={text} />
    </main>
  );
}
