/**
 * The production server (`npm start`): Next's request handler behind a plain Node HTTP server, because only
 * here is the socket known. Route handlers see headers, which anyone can write; so every request's client
 * address headers are replaced by the one address worked out from the socket and TRUST_PROXY
 * (server/client-address.js) before Next sees it. It also listens on PORT and HOSTNAME, and holds the PGlite
 * folder's lock from start-up on, so a second server on the same folder stops at once with the holder's pid.
 * `next dev` does without it (see README, "Running it in public").
 */
import { createServer } from 'node:http';
import { hostname as machineName, networkInterfaces } from 'node:os';

// Before Next or React load: they pick their production builds by it, as `next start` makes them do.
process.env.NODE_ENV = 'production';

const { env } = await import('./server/env.js');
const { PgliteFolderError, lockPgliteFolder, pgliteFolderOf } = await import('./db/pglite-folder.js');
const { compileTrustProxy, rewriteClientHeaders } = await import('./server/client-address.js');
const { markServing } = await import('./scripts/build-if-changed.mjs');

const port = env.PORT ?? 3000;
// A HOSTNAME that is just this machine's name was exported by the shell or container, not chosen.
const listenOn = env.HOSTNAME && env.HOSTNAME !== machineName() ? env.HOSTNAME : undefined;

const folder = pgliteFolderOf(env.DATABASE_URL);
if (folder) {
  try {
    lockPgliteFolder(folder, { reservedForApp: true });
  } catch (error) {
    if (!(error instanceof PgliteFolderError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: import.meta.dirname, hostname: listenOn ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();
markServing(env.NEXT_DIST_DIR);

const trust = compileTrustProxy(env.TRUST_PROXY);
// Tells the app (server/trpc/context.ts) that X-Forwarded-For was set here from the socket.
globalThis.clusterwiseClientAddressFromSocket = true;

const server = createServer((request, response) => {
  rewriteClientHeaders(request, trust);
  void handle(request, response);
});

server.once('error', (error) => {
  console.error(`Cannot listen on ${listenOn ?? 'every interface'} port ${port}: ${error.message}`);
  process.exit(1);
});

server.listen(port, listenOn, () => {
  const where = listenOn ? [listenOn] : ['localhost', ...lanAddresses()];
  console.log(`Clusterwise is serving on ${where.map((host) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`).join(', ')}`);
  console.log(
    `Client addresses: ${env.TRUST_PROXY === 'off' ? 'the socket (TRUST_PROXY=off, no proxy in front)' : `through the proxies TRUST_PROXY=${env.TRUST_PROXY} trusts`}; ` +
      `rate limits ${env.RATE_LIMITS === 'off' ? 'OFF (RATE_LIMITS=off)' : 'on'}; database: ${folder ? `PGlite ${folder}` : 'PostgreSQL'}.`,
  );
});

/** The addresses phones on the same network can reach this machine at. */
function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}

let isStopping = false;
function stop(signal) {
  if (isStopping) return;
  isStopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  server.closeIdleConnections();
  // Live event streams never end on their own: give answers in flight a moment, then cut what is left.
  setTimeout(() => server.closeAllConnections(), 2_000).unref();
  setTimeout(() => process.exit(0), 5_000).unref();
  server.once('close', () => {
    // The app's database (server/db.ts), closed cleanly once no request needs it; the exit releases its lock.
    const closing = globalThis.clusterwiseDb?.close() ?? Promise.resolve();
    void closing.catch(() => undefined).finally(() => process.exit(0));
  });
}
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
