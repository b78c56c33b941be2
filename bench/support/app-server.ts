import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildIfChanged } from '../../scripts/build-if-changed.mjs';

/**
 * The app's production server as a child process, for the benchmarks (bench/*.bench.ts) and the browser test
 * that kills an app instance (tests/e2e/instance-kill.spec.ts): free ports, database set-up, `next build` into a
 * folder of one's own, server.mjs (what `npm start` runs), a graceful stop and a SIGKILL.
 */

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/**
 * Builds the app into `distDir` (NEXT_DIST_DIR, see server/env.js) when there is no build there or the sources
 * changed since (the hash `npm start` keeps, scripts/build-if-changed.mjs); otherwise keeps it. A folder of
 * one's own, because other people's `next dev` and builds use `.next` at the same time.
 */
export async function ensureProductionBuild(distDir: string): Promise<'built' | 'reused'> {
  // next build points next-env.d.ts at its own folder's route types; everyone else's typecheck reads that file,
  // so it goes back to what the shared build wrote as soon as this build is done.
  const nextEnvPath = join(ROOT, 'next-env.d.ts');
  const nextEnvBefore = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, 'utf8') : null;
  try {
    return await buildIfChanged(distDir, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'pipe' });
  } finally {
    if (nextEnvBefore !== null && readFileSync(nextEnvPath, 'utf8').includes(`./${distDir}/`)) writeFileSync(nextEnvPath, nextEnvBefore);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a command in the project folder; its output is kept and shown only if it fails. */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Migrates and seeds the database `env.DATABASE_URL` names (db/setup.ts), as `npm start` does first. */
export function setUpDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  return runCommand(join(BIN, 'tsx'), ['db/setup.ts'], env);
}

export type AppServer = {
  baseUrl: string;
  port: number;
  pid: number;
  /** SIGTERM to the server's process group, SIGKILL after 5 s; resolves once nothing of it is left. */
  stop(): Promise<void>;
  /** SIGKILL to the server's process group at once, as a crash or an OOM killer would. */
  kill(): Promise<void>;
};

/** Every server started here and not yet stopped: killed when this process exits, however it exits. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) signalGroup(pid, 'SIGKILL');
});

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function waitForGroupExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    if (!signalGroup(pid, 0)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !signalGroup(pid, 0);
}

/** Ready: the API answers a query that reads the database (pages are not needed by everyone who starts a server). */
async function waitUntilAnswering(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server.mjs exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/trpc/catalogue.models`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server.mjs did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
}

/**
 * server.mjs (what `npm start` runs) on 127.0.0.1 with `env` (DATABASE_URL and the like), serving the build in `distDir`; resolves
 * once it answers. It runs in a process group of its own, so stopping it ends its workers too and nothing else.
 */
export async function startAppServer({
  env,
  distDir = '.next',
  port,
  timeoutMs = 60_000,
}: {
  env: NodeJS.ProcessEnv;
  distDir?: string;
  port?: number;
  timeoutMs?: number;
}): Promise<AppServer> {
  const chosenPort = port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  // BENCH_CPU_PROF_DIR=<folder>: each app instance writes a V8 CPU profile there when it stops (for profiling a scenario).
  const profiling = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profiling, 'server.mjs'], {
    cwd: ROOT,
    env: { ...env, PORT: String(chosenPort), HOSTNAME: '127.0.0.1', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('server.mjs could not be started');
  running.add(pid);
  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (!running.has(pid)) return;
    signalGroup(pid, signal);
    if (!(await waitForGroupExit(pid, signal === 'SIGTERM' ? 5000 : 2000))) {
      signalGroup(pid, 'SIGKILL');
      await waitForGroupExit(pid, 2000);
    }
    running.delete(pid);
  };
  const server: AppServer = { baseUrl, port: chosenPort, pid, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
  try {
    await waitUntilAnswering(baseUrl, child, timeoutMs);
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}
