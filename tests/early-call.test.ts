import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyCallScript, fetchWithEarlyCall, TRPC_URL } from '~/app/_trpc/early-call';
import type { StoredLink } from '~/app/_trpc/stored-links';
import type { AppRouter } from '~/server/trpc/root';

/**
 * The questionnaire page's inline script (app/_trpc/early-call.ts) runs as the source the page inlines, in a
 * browser-like global scope: it must start exactly the request the tRPC client makes, with the token only in
 * `authorization`, and the client must take its response once, for that request only.
 */
const SESSION = 'session-1';
const TOKEN = 'participant-token';
const DATA = { session: { id: SESSION }, when: new Date('2024-05-01T00:00:00Z') };

type Sent = { url: string; method: string | undefined; body: unknown; headers: Headers };

function browser({ links, hash = '' }: { links: StoredLink[]; hash?: string }) {
  const sent: Sent[] = [];
  const respond = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), method: init?.method, body: init?.body, headers: new Headers(init?.headers) });
    return new Response(JSON.stringify({ result: { data: superjson.serialize(DATA) } }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  const storage = new Map([['clusterwise.links', JSON.stringify(links)]]);
  vi.stubGlobal('window', { location: { hash }, localStorage: { getItem: (key: string) => storage.get(key) ?? null } });
  vi.stubGlobal('fetch', respond);
  return { sent, respond };
}

function runPageScript() {
  const script = earlyCallScript({ path: 'participant.questionnaire', input: { sessionId: SESSION }, role: 'participant' });
  new Function(script)();
}

/** The questionnaire's own call, as app/_trpc/client.tsx makes it (the token given explicitly). */
function questionnaireCall(token: string) {
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: TRPC_URL,
        transformer: superjson,
        methodOverride: 'POST',
        fetch: fetchWithEarlyCall,
        headers: ({ op }) => ({ authorization: `Bearer ${String(op.context.token)}` }),
      }),
    ],
  });
  return client.participant.questionnaire.query({ sessionId: SESSION }, { context: { token } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the early questionnaire call', () => {
  it('starts the same request the client makes, and the client takes its response instead of asking again', async () => {
    const { sent, respond } = browser({
      links: [
        { sessionId: SESSION, token: 'facilitator-token', role: 'facilitator' },
        { sessionId: SESSION, token: TOKEN, role: 'participant' },
      ],
    });
    runPageScript();
    expect(sent).toHaveLength(1);
    const early = sent[0]!;
    expect(early.url).toBe('/api/trpc/participant.questionnaire');
    expect(early.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);

    const data = await questionnaireCall(TOKEN);
    expect(data).toEqual(DATA);
    expect(respond).toHaveBeenCalledTimes(1);

    // Used once: the next call goes to the server.
    await questionnaireCall(TOKEN);
    expect(respond).toHaveBeenCalledTimes(2);
    expect(sent[1]).toMatchObject({ url: early.url, method: early.method, body: early.body });
  });

  it('starts nothing for a link opened with its key, or without a participant link to this session', () => {
    const participant: StoredLink = { sessionId: SESSION, token: TOKEN, role: 'participant' };
    const cases: Array<{ links: StoredLink[]; hash?: string }> = [
      { links: [participant], hash: '#key=abc' },
      { links: [] },
      { links: [{ ...participant, role: 'invite' }] },
      { links: [{ ...participant, sessionId: 'other' }] },
    ];
    for (const held of cases) {
      const { sent } = browser(held);
      runPageScript();
      expect(sent).toHaveLength(0);
    }
  });

  it('is dropped when the first call is another one, and made again when it failed', async () => {
    const { respond } = browser({ links: [{ sessionId: SESSION, token: TOKEN, role: 'participant' }] });
    runPageScript();
    await questionnaireCall('another-token');
    await questionnaireCall(TOKEN);
    expect(respond).toHaveBeenCalledTimes(3);

    respond.mockRejectedValueOnce(new TypeError('offline'));
    runPageScript();
    expect(await questionnaireCall(TOKEN)).toEqual(DATA);
    expect(respond).toHaveBeenCalledTimes(5);
  });

  it('keeps a session id from closing the script element', () => {
    const script = earlyCallScript({ path: 'participant.questionnaire', input: { sessionId: '</script><script>x()' }, role: 'participant' });
    expect(script).not.toContain('</script>');
  });
});
