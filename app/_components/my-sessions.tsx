'use client';

import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { MAX_TOKENS_PER_LIST } from '~/core/contracts/session';
import type { AppRouter } from '~/server/trpc/root';
import { useTRPC } from '../_trpc/client';
import { readLinks, type StoredLink } from '../_trpc/link-tokens';
import styles from './my-sessions.module.css';
import { useServerErrorText } from './use-error-text';

type ListedSession = inferRouterOutputs<AppRouter>['session']['list'][number];
type Role = StoredLink['role'];

const ROLE_RANK: Record<Role, number> = { facilitator: 0, participant: 1, invite: 2 };

/** Where a link of this role leads: the facilitator sets up, a participant answers, an invite joins first. */
function hrefFor(session: { id: string; role: Role }): string {
  if (session.role === 'facilitator') return `/s/${session.id}/setup`;
  if (session.role === 'participant') return `/s/${session.id}/q`;
  return `/join/${session.id}`;
}

/** One entry per session: a browser that created a session holds both its facilitator and its invite link. */
function strongestPerSession(rows: ListedSession[]): ListedSession[] {
  const best = new Map<string, ListedSession>();
  for (const row of rows) {
    const seen = best.get(row.id);
    if (!seen || ROLE_RANK[row.role] < ROLE_RANK[seen.role]) best.set(row.id, row);
  }
  return [...best.values()].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

/** The sessions this browser holds links to (kept in localStorage, so read after mount). */
export function MySessions() {
  const t = useTranslations('landing.saved');
  const errorText = useServerErrorText();
  const trpc = useTRPC();
  const [links, setLinks] = useState<StoredLink[] | null>(null);
  useEffect(() => setLinks(readLinks()), []);
  const tokens = useMemo(
    () => [...new Set((links ?? []).map((link) => link.token))].slice(0, MAX_TOKENS_PER_LIST),
    [links],
  );
  const sessions = useQuery({ ...trpc.session.list.queryOptions({ tokens }), enabled: tokens.length > 0 });

  if (links === null || (tokens.length > 0 && sessions.isPending)) {
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  }
  if (tokens.length === 0 || (sessions.isSuccess && sessions.data.length === 0)) {
    return (
      <div className={styles.empty}>
        <p>{tokens.length === 0 ? t('empty') : t('noneOpen')}</p>
        <Link className="button" href="/new">
          {t('startFirst')}
        </Link>
      </div>
    );
  }
  if (sessions.isError) {
    return (
      <div className="notice danger" role="alert">
        <p>{t('failed', { reason: errorText(sessions.error) })}</p>
        <button type="button" className="button" onClick={() => sessions.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return (
    <ul className={styles.list}>
      {strongestPerSession(sessions.data ?? []).map((session) => (
        <SessionCard key={session.id} session={session} />
      ))}
    </ul>
  );
}

function SessionCard({ session }: { session: ListedSession }) {
  const t = useTranslations('landing.saved');
  const tCommon = useTranslations('common');
  const since = useSinceText();
  const [now] = useState(() => new Date());
  const place = [session.cluster, session.region].filter(Boolean).join(' · ');
  return (
    <li className={`card ${styles.card}`}>
      <div className={styles.meta}>
        <span className={styles.status} data-status={session.status}>
          {tCommon(`status.${session.status}`)}
        </span>
        <span className="muted">{tCommon(`roles.${session.role}`)}</span>
      </div>
      <h3 className={styles.title}>
        <Link href={hrefFor(session)}>{session.title}</Link>
      </h3>
      {place ? <p className={styles.place}>{place}</p> : null}
      <SessionProgress sessionId={session.id} role={session.role} status={session.status} />
      <p className={styles.changed}>
        {t('lastChange')} <time dateTime={session.updatedAt.toISOString()}>{since(session.updatedAt, now)}</time>
      </p>
    </li>
  );
}

/**
 * "5 minutes ago" from the message files rather than Intl.RelativeTimeFormat: browsers built with reduced locale
 * data (Debian's Chromium among them) have no relative-time patterns for Azerbaijani and print "-5 s".
 */
function useSinceText() {
  const t = useTranslations('landing.saved.since');
  return (date: Date, now: Date) => {
    const minutes = Math.floor(Math.max(0, now.getTime() - date.getTime()) / 60_000);
    if (minutes < 1) return t('justNow');
    if (minutes < 60) return t('minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t('hours', { count: hours });
    return t('days', { count: Math.floor(hours / 24) });
  };
}

/**
 * The list call returns summaries only; how far a session has come depends on the link's role, so each card
 * asks for its session (the facilitator sees who joined, a participant their own answers).
 */
function SessionProgress({ sessionId, role, status }: { sessionId: string; role: Role; status: ListedSession['status'] }) {
  const t = useTranslations('landing.saved.progress');
  const trpc = useTRPC();
  const details = useQuery({ ...trpc.session.get.queryOptions({ sessionId }), enabled: role !== 'invite', retry: false });
  if (role === 'invite') return <p className={styles.progressText}>{t('notJoined')}</p>;
  if (!details.data) return <p className={styles.progressText}>{details.isError ? '—' : t('loading')}</p>;
  if (role === 'facilitator') {
    if (status === 'draft') return <p className={styles.progressText}>{t('settingUp')}</p>;
    return <p className={styles.progressText}>{t('participants', { count: details.data.participantCount ?? 0 })}</p>;
  }
  const progress = details.data.me?.progress;
  if (!progress) return null;
  const percent = Math.round(progress.fraction * 100);
  const text = t('answered', { answered: progress.answered, required: progress.required, percent });
  return (
    <div className={styles.progress}>
      <div className="progress" role="progressbar" aria-label={t('label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.progressText}>{text}</p>
    </div>
  );
}
