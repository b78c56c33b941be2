/**
 * `npm start` builds only when the sources changed since the last build: a hash of everything `next build`
 * reads (the app's folders, the root's configuration and the lockfile) is kept in the build folder, and a
 * build whose hash matches the sources is served as it is. Run as a script (`npm start`'s prestart) it builds
 * into NEXT_DIST_DIR when needed, with `--always` (`npm run build`) every time; bench/support/app-server.ts
 * uses the same functions.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isRunning, thisProcess } from '../db/pglite-folder.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Folders whose files go into a build. */
const SOURCE_FOLDERS = ['app', 'core', 'server', 'db', 'i18n', 'messages', 'public'];
/** Files at the root that `next build` does not read, or that it writes itself. */
const NOT_BUILD_INPUTS = new Set([
  'next-env.d.ts',
  'tsconfig.tsbuildinfo',
  'server.mjs',
  'playwright.config.ts',
  'vitest.config.ts',
  'eslint.config.mjs',
  'drizzle.config.ts',
]);
/** Files inside the source folders that no build reads. */
const isNotBuilt = (name) => name.endsWith('.md') || /\.test\.tsx?$/.test(name) || name === 'migrations';

export const STAMP_FILE = 'clusterwise-sources.sha256';

/** @param {string} folder @param {string[]} into */
function listFiles(folder, into) {
  if (!existsSync(folder)) return into;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (isNotBuilt(entry.name)) continue;
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) listFiles(entryPath, into);
    else if (entry.isFile()) into.push(entryPath);
  }
  return into;
}

/** The hash of the build's inputs, file names and contents, in a stable order. */
export function sourceHash(root = ROOT) {
  const rootFiles = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !NOT_BUILD_INPUTS.has(entry.name) && !entry.name.endsWith('.md'))
    .map((entry) => path.join(root, entry.name));
  const files = [...rootFiles, ...SOURCE_FOLDERS.flatMap((folder) => listFiles(path.join(root, folder), []))]
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether the build in `distDir` was made from the sources as they are now: `current`, `changed` (a build made
 * from other sources, or one this script did not stamp) or `missing`.
 * @param {string} distDir
 * @returns {'current' | 'changed' | 'missing'}
 */
export function buildState(distDir, hash = sourceHash()) {
  const folder = path.join(ROOT, distDir);
  if (!existsSync(path.join(folder, 'BUILD_ID'))) return 'missing';
  const stampPath = path.join(folder, STAMP_FILE);
  return existsSync(stampPath) && readFileSync(stampPath, 'utf8').trim() === hash ? 'current' : 'changed';
}

const SERVING_PREFIX = 'clusterwise-serving-';

/**
 * server.mjs marks the build it serves, one file per process (several instances may serve one build), removed
 * when it exits: `next build` replaces the folder's files, which would break a server running from it.
 * @param {string} distDir
 */
export function markServing(distDir) {
  const file = path.join(ROOT, distDir, `${SERVING_PREFIX}${process.pid}.json`);
  writeFileSync(file, JSON.stringify(thisProcess()));
  process.once('exit', () => {
    try {
      unlinkSync(file);
    } catch {
      // the folder was rebuilt meanwhile
    }
  });
}

/**
 * The live processes serving the build in `distDir`; marks of processes that are gone are removed.
 * @param {string} distDir
 */
export function serversOf(distDir) {
  const folder = path.join(ROOT, distDir);
  if (!existsSync(folder)) return [];
  const live = [];
  for (const name of readdirSync(folder).filter((n) => n.startsWith(SERVING_PREFIX))) {
    try {
      const holder = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
      if (isRunning(holder)) {
        live.push(holder);
        continue;
      }
    } catch {
      // unreadable: a leftover
    }
    try {
      unlinkSync(path.join(folder, name));
    } catch {
      // removed by someone else
    }
  }
  return live;
}

/** Records that the build now in `distDir` was made from sources hashing to `hash`. */
export function stampBuild(distDir, hash) {
  writeFileSync(path.join(ROOT, distDir, STAMP_FILE), `${hash}\n`);
}

/**
 * Runs `next build` into `distDir` unless the build there is current; the stamp is written only after a build
 * that succeeded, and hashes the sources as they were when it started.
 * @param {string} distDir
 * @param {{ env?: NodeJS.ProcessEnv, stdio?: 'inherit' | 'pipe', always?: boolean }} [options] `always`: build even
 *   when the build is current (`npm run build`)
 * @returns {Promise<'built' | 'reused'>}
 */
export async function buildIfChanged(distDir, { env = process.env, stdio = 'inherit', always = false } = {}) {
  const hash = sourceHash();
  const state = buildState(distDir, hash);
  if (state === 'current' && !always) return 'reused';
  const servers = serversOf(distDir);
  if (servers.length > 0) {
    throw new Error(
      `The build in ${distDir} ${state === 'current' ? 'is current' : 'is out of date'}, but process ${servers.map((p) => p.pid).join(', ')} ` +
        `(server.mjs) is serving from it, and building would replace its files under it. Stop ${servers.length === 1 ? 'it' : 'them'} first, ` +
        'or build into another folder (NEXT_DIST_DIR=.next-other).',
    );
  }
  console.log(
    state === 'missing'
      ? `No production build in ${distDir}: building one (next build, a few minutes on 2 cores)...`
      : state === 'changed'
        ? `The sources changed since the build in ${distDir}: building again (a few minutes on 2 cores)...`
        : `Building into ${distDir} (next build)...`,
  );
  await new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: ROOT,
      env: { ...env, NEXT_DIST_DIR: distDir },
      stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`next build exited with ${code}${output ? `:\n${output}` : ''}`))));
  });
  stampBuild(distDir, hash);
  return 'built';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { env } = await import('../server/env.js');
  try {
    const outcome = await buildIfChanged(env.NEXT_DIST_DIR, { always: process.argv.includes('--always') });
    if (outcome === 'reused') console.log(`The build in ${env.NEXT_DIST_DIR} is current (sources unchanged since it was built): not building.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
