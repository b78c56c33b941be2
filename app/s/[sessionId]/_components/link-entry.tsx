'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { AccessToken } from '~/core/contracts/session';
import { serverErrorInfo, useServerErrorText } from '../../../_components/use-error-text';
import { useTRPCClient } from '../../../_trpc/client';
import { takeKeyFromFragment } from '../../../_trpc/link-fragment';
import { readLinks, rememberLink, type StoredLink } from '../../../_trpc/link-tokens';

/** Where each role continues. An invite that has not been used yet goes to the join page. */
export function destinationFor(sessionId: string, role: StoredLink['role']): string {
  if (role === 'facilitator') return `/s/${sessionId}/setup`;
  if (role === 'participant') return `/s/${sessionId}/q`;
  return `/join/${sessionId}`;
}

type Found = { kind: 'fragment'; token: string } | { kind: 'stored'; role: StoredLink['role'] } | { kind: 'none' };

/**
 * What the address said, kept for this page load: the fragment is removed once read, and the tree can mount again
 * before the link's check has answered (a language whose locale data loads after hydration, as Azerbaijani on
 * Debian's Chromium, remounts the page in place), so the second mount must find what the first one read.
 */
const foundOnThisLoad = new Map<string, Found>();

export function LinkEntry({ sessionId }: { sessionId: string }) {
  const t = useTranslations('setup.entry');
  const tErrors = useTranslations('common.errors');
  const errorText = useServerErrorText();
  const router = useRouter();
  const trpcClient = useTRPCClient();
  const [found, setFound] = useState<Found | null>(null);

  useEffect(() => {
    // Strict mode runs effects twice and the tree may mount again; the fragment is gone after the first read.
    let seen = foundOnThisLoad.get(sessionId);
    const key = takeKeyFromFragment();
    if (key !== null) {
      seen = AccessToken.safeParse(key).success ? { kind: 'fragment', token: key } : { kind: 'none' };
    } else if (seen === undefined || seen.kind === 'none') {
      const held = readLinks()
        .filter((link) => link.sessionId === sessionId)
        .sort((a, b) => ['facilitator', 'participant', 'invite'].indexOf(a.role) - ['facilitator', 'participant', 'invite'].indexOf(b.role))[0];
      seen = held ? { kind: 'stored', role: held.role } : { kind: 'none' };
    }
    foundOnThisLoad.set(sessionId, seen);
    setFound(seen);
  }, [sessionId]);

  const token = found?.kind === 'fragment' ? found.token : null;
  // Not trpc.session.get.queryOptions: that cache entry belongs to whatever link the browser already holds for
  // the session, and this answer belongs to the token just read, so it gets a key of its own.
  const check = useQuery({
    queryKey: ['link-entry', sessionId, token],
    queryFn: () => trpcClient.session.get.query({ sessionId }, { context: { token } }),
    enabled: token !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  useEffect(() => {
    if (found?.kind === 'stored') router.replace(destinationFor(sessionId, found.role));
  }, [found, router, sessionId]);

  useEffect(() => {
    if (token === null || !check.data) return;
    const role = check.data.access.role;
    rememberLink({ sessionId, token, role });
    router.replace(destinationFor(sessionId, role));
  }, [check.data, router, sessionId, token]);

  const refused = found?.kind === 'none' || (check.isError && ['UNAUTHORIZED', 'FORBIDDEN'].includes(serverErrorInfo(check.error).code ?? ''));
  if (refused) {
    return (
      <main className="narrow">
        <h1>{t('noAccessTitle')}</h1>
        <p className="notice danger" role="alert">
          {tErrors('forbidden')}
        </p>
        <p className="muted">{t('noAccessHint')}</p>
        <Link className="button" href="/">
          {tErrors('home')}
        </Link>
      </main>
    );
  }
  if (check.isError) {
    return (
      <main className="narrow">
        <h1>{t('failedTitle')}</h1>
        <p className="notice danger" role="alert">
          {errorText(check.error)}
        </p>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => check.refetch()}>
            {t('retry')}
          </button>
          <Link className="button" href="/">
            {tErrors('home')}
          </Link>
        </div>
      </main>
    );
  }
  return (
    <main className="narrow" aria-busy="true">
      <p className="muted" role="status">
        {t('opening')}
      </p>
    </main>
  );
}
