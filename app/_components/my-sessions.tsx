'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readLinks } from '../_trpc/link-tokens';
import { useTRPC } from '../_trpc/client';

export function MySessions() {
  const trpc = useTRPC();
  const [tokens, setTokens] = useState<string[] | null>(null);
  useEffect(() => setTokens(readLinks().map((link) => link.token)), []);
  const sessions = useQuery({
    ...trpc.session.list.queryOptions({ tokens: tokens ?? [] }),
    enabled: tokens !== null && tokens.length > 0,
  });
  if (tokens === null) return null;
  if (tokens.length === 0) {
    return <p className="muted">No sessions yet. A session link you open on this device will be listed here.</p>;
  }
  if (sessions.isPending) return <p className="muted">Loading your sessions…</p>;
  if (sessions.isError) return <p className="muted">Your sessions could not be loaded: {sessions.error.message}</p>;
  return (
    <div className="grid">
      {sessions.data.map((session) => (
        <section className="card" key={`${session.id}-${session.role}`}>
          <span className="status">
            {session.status} · {session.role}
          </span>
          <h3>{session.title}</h3>
          <p className="muted">{[session.cluster, session.region].filter(Boolean).join(', ')}</p>
        </section>
      ))}
    </div>
  );
}
