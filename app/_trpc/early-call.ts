import type { inferRouterInputs } from '@trpc/server';
import superjson from 'superjson';
import type { AppRouter } from '~/server/trpc/root';
import { keyInFragment, LINKS_STORAGE_KEY, parseLinks, type StoredLink } from './stored-links';

/**
 * One tRPC call started by an inline script in the page's HTML, while the page's JavaScript is still loading,
 * and handed to the tRPC client when the page makes that very call after hydration (client.tsx passes
 * `fetchWithEarlyCall` to its link). The page's data then arrives with the scripts instead of after them.
 *
 * The script sends exactly the request the client would send: POST to the same URL, the same superjson body,
 * and the link's token only in `authorization`, read from the links this browser keeps (never from the URL).
 * A link opened with `#key=` starts nothing: the page first asks the server which role that key has.
 *
 * Not a client module: the page (a server component) inlines the source of `startEarlyCall`, which must stay
 * self-contained (no imports, no outside names); it gets the link helpers of stored-links.ts as arguments.
 */

/** Where the tRPC client sends its calls. */
export const TRPC_URL = '/api/trpc';

type Inputs = inferRouterInputs<AppRouter>;
/** A procedure's path as the client sends it: `participant.questionnaire`. */
type ProcedurePath = { [R in keyof Inputs & string]: `${R}.${keyof Inputs[R] & string}` }[keyof Inputs & string];

type EarlyCall = { url: string; body: string; authorization: string; response: Promise<Response | null> };

declare global {
  interface Window {
    __clusterwiseEarlyCall?: EarlyCall;
  }
}

type ScriptArgs = { url: string; body: string; sessionId: string; role: StoredLink['role']; storageKey: string };

/** Runs in the browser, as the page's inline script. Self-contained: see above. */
function startEarlyCall(args: ScriptArgs, parse: typeof parseLinks, fragmentKey: typeof keyInFragment): void {
  if (fragmentKey(window.location.hash)) return;
  let links: StoredLink[];
  try {
    links = parse(window.localStorage.getItem(args.storageKey));
  } catch {
    return;
  }
  const link = links.find((held) => held.sessionId === args.sessionId && held.role === args.role);
  if (!link) return;
  const authorization = 'Bearer ' + link.token;
  const headers = { 'content-type': 'application/json', authorization };
  window.__clusterwiseEarlyCall = {
    url: args.url,
    body: args.body,
    authorization,
    response: fetch(args.url, { method: 'POST', headers, body: args.body }).catch(() => null),
  };
}

/** JSON that is safe inside a <script> element, whatever the strings in it hold. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The source of the inline script that starts query `path` with `input`, sent with this browser's `role` link
 * to the session `input.sessionId`: the token the page itself will send it with.
 */
export function earlyCallScript({
  path,
  input,
  role,
}: {
  path: ProcedurePath;
  input: { sessionId: string };
  role: StoredLink['role'];
}): string {
  const args: ScriptArgs = {
    url: `${TRPC_URL}/${path}`,
    body: JSON.stringify(superjson.serialize(input)),
    sessionId: input.sessionId,
    role,
    storageKey: LINKS_STORAGE_KEY,
  };
  return `(${startEarlyCall.toString()})(${scriptJson(args)},${parseLinks.toString()},${keyInFragment.toString()});`;
}

/**
 * The tRPC client's fetch. The page's first call takes the early call's response when it is that same call (URL,
 * body and token), else the early call is dropped: it is used at most once, and only for the first call, so a
 * later visit never gets an old answer. A failed early call is simply made again.
 */
export const fetchWithEarlyCall: typeof fetch = (input, init) => {
  const early = typeof window === 'undefined' ? undefined : window.__clusterwiseEarlyCall;
  if (early) {
    window.__clusterwiseEarlyCall = undefined;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const isSame =
      url === early.url &&
      init?.method === 'POST' &&
      init.body === early.body &&
      new Headers(init.headers).get('authorization') === early.authorization;
    if (isSame) return early.response.then((response) => response ?? fetch(input, init));
  }
  return fetch(input, init);
};
