import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One writer per PGlite folder. PGlite is PostgreSQL in one process without PostgreSQL's postmaster, so two
 * processes on one folder both run and both acknowledge writes, and one of them loses its writes at the next
 * restart. A lock file in the folder, created with O_EXCL before PGlite opens it, gives the folder
 * PostgreSQL's own `postmaster.pid` semantics: it names the process holding it (pid and start time), a second
 * process is refused at once with that name, and a lock whose process is gone (a crash, a SIGKILL) is taken over.
 *
 * Plain JavaScript, because server.mjs (the production server, run by plain Node before Next loads anything)
 * takes the lock at start-up too.
 */

export const DEFAULT_DATA_DIR = path.join('data', 'pglite');
export const MEMORY_URL = 'memory://';
export const LOCK_FILE_NAME = 'clusterwise.lock';

/** @param {string | undefined} url */
export function isPostgresUrl(url) {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/**
 * The PGlite folder `url` (DATABASE_URL) names, as an absolute path, or null when it names PostgreSQL or
 * in-memory PGlite. Absent: data/pglite under the working folder.
 * @param {string | undefined} url
 * @returns {string | null}
 */
export function pgliteFolderOf(url) {
  if (isPostgresUrl(url) || url === MEMORY_URL) return null;
  // The folder is only known at run time; without the ignore hint Turbopack would trace the whole project into
  // the server output to cover every path it might be.
  return path.resolve(/*turbopackIgnore: true*/ url?.replace(/^file:(\/\/)?/, '') || DEFAULT_DATA_DIR);
}

/** Why a PGlite folder could not be opened, in words that say what to do; `code` tells the cases apart. */
export class PgliteFolderError extends Error {
  /**
   * @param {'FOLDER_IN_USE' | 'FOLDER_NOT_WRITABLE'} code
   * @param {string} message
   * @param {{ folder: string, holder?: LockHolder }} details
   */
  constructor(code, message, { folder, holder }) {
    super(message);
    this.name = 'PgliteFolderError';
    this.code = code;
    this.folder = folder;
    this.holder = holder;
  }
}

/**
 * What the lock file holds.
 * @typedef {{ pid: number, startTime: string | null, host: string, command: string, since: string }} LockHolder
 */

/**
 * The start of process `pid` as the kernel counts it (boot id and clock ticks since boot, from /proc), so a
 * lock whose pid was reused by another process after a reboot or a crash is not mistaken for a live one.
 * Null where /proc is not there (macOS): then liveness alone decides.
 * @param {number} pid
 * @returns {string | null}
 */
function processStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${bootId}:${fields[19]}`;
  } catch {
    return null;
  }
}

/**
 * This process as a lock file names it.
 * @returns {LockHolder}
 */
export function thisProcess() {
  return {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: hostname(),
    command: process.argv.slice(1).map((arg) => path.basename(arg)).join(' ').slice(0, 200) || 'node',
    since: new Date().toISOString(),
  };
}

/**
 * Whether the process a lock file names still runs: same pid, and the same start time where /proc tells it.
 * @param {LockHolder} holder
 */
export function isRunning(holder) {
  // A lock written on another machine (a shared network folder) cannot be checked from here: it holds.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM') return false;
  }
  const startTime = processStartTime(holder.pid);
  return holder.startTime === null || startTime === null || startTime === holder.startTime;
}

/**
 * @param {string} file
 * @returns {LockHolder | 'unreadable' | 'gone'}
 */
function readHolder(file) {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed?.pid === 'number') return parsed;
    return 'unreadable';
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return 'gone';
    return 'unreadable';
  }
}

/** @param {unknown} error */
function isPermissionError(error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * @param {string} folder
 * @param {unknown} error
 * @param {string} [what]
 */
function notWritable(folder, error, what = folder) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  const reason = code === 'EROFS' ? 'it is on a read-only file system' : 'permission denied';
  const user = typeof process.getuid === 'function' ? ` (this process runs as uid ${process.getuid()})` : '';
  return new PgliteFolderError(
    'FOLDER_NOT_WRITABLE',
    `The database folder ${folder} cannot be written: ${what === folder ? '' : `${what}: `}${reason}${user}. ` +
      'PGlite writes every file in its folder: give this user write access to the folder and everything in it, ' +
      'or point DATABASE_URL at a folder it may write.',
    { folder },
  );
}

/**
 * @param {string} folder
 * @param {LockHolder} holder
 */
function inUse(folder, holder) {
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  const self = holder.pid === process.pid && holder.host === hostname() ? ' (this same process: the folder is already open here)' : '';
  return new PgliteFolderError(
    'FOLDER_IN_USE',
    `The database folder ${folder} is in use by process ${holder.pid}${where}${self} (${holder.command}, since ${holder.since}). ` +
      'Only one process at a time may open a PGlite folder: stop that process first, or give this one another folder ' +
      'with DATABASE_URL; to run several app instances on one database, use PostgreSQL (DATABASE_URL=postgres://...).',
    { folder, holder },
  );
}

/**
 * Every file and folder PGlite will write must be writable: a folder created by another user (`sudo npm
 * start` once) otherwise opens and then fails on the first write, deep inside PostgreSQL.
 * @param {string} folder
 */
function assertEverythingWritable(folder) {
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const entryPath = path.join(dir, entry.name);
      try {
        accessSync(entryPath, constants.W_OK);
      } catch (error) {
        if (isPermissionError(error)) throw notWritable(folder, error, entryPath);
        throw error;
      }
      if (entry.isDirectory()) walk(entryPath);
    }
  };
  walk(folder);
}

/**
 * The locks this process holds, by folder. On globalThis because Next may load this module in more than one
 * bundle of one process. `reservedForApp`: taken by server.mjs at start-up for the app to open later.
 * @type {Map<string, { file: string, holder: LockHolder, reservedForApp: boolean, isOpen: boolean }>}
 */
const held = (/** @type {any} */ (globalThis).clusterwisePgliteLocks ??= new Map());

let releasesOnExit = false;
function releaseAllOnExit() {
  if (releasesOnExit) return;
  releasesOnExit = true;
  // Ends of the process that skip 'exit' (SIGKILL, a crash, a signal without a handler) leave the file behind;
  // the next process finds its pid gone and takes it over.
  process.once('exit', () => {
    for (const folder of [...held.keys()]) removeLock(folder);
  });
}

/** @param {string} folder */
function removeLock(folder) {
  const lock = held.get(folder);
  if (!lock) return;
  held.delete(folder);
  const onDisk = readHolder(lock.file);
  if (typeof onDisk === 'object' && onDisk.pid === lock.holder.pid && onDisk.since === lock.holder.since) {
    try {
      unlinkSync(lock.file);
    } catch {
      // Already gone, or the folder became read-only: the next process finds the pid gone.
    }
  }
}

/**
 * Creates `file` holding `content` only if there is none (O_EXCL): the one atomic step every contender races on.
 * @param {string} file
 * @param {string} content
 * @returns {boolean} false when the file already exists
 */
function createExclusive(file, content) {
  let fd;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A lock file this young that cannot be read is most likely being written by its creator this very moment. */
const UNREADABLE_GRACE_MS = 2_000;

/**
 * Removes the lock file of a process that is gone, under a guard file so that two processes taking over the
 * same stale lock at once cannot remove each other's fresh one: only the guard's holder removes, and only
 * the content it judged stale.
 * @param {string} file
 * @param {LockHolder | 'unreadable'} stale
 * @returns {boolean} whether the caller should try to create the lock again now
 */
function removeStaleLock(file, stale) {
  const guard = `${file}.takeover`;
  const me = JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid), host: hostname(), command: 'takeover', since: new Date().toISOString() });
  if (!createExclusive(guard, me)) {
    const guardHolder = readHolder(guard);
    // A guard left by a process that died while taking over (a window of microseconds): clear it.
    if (guardHolder !== 'gone' && (guardHolder === 'unreadable' || !isRunning(guardHolder))) {
      try {
        unlinkSync(guard);
      } catch {
        // someone else cleared it
      }
    }
    return true;
  }
  try {
    const now = readHolder(file);
    const isSame =
      now === 'gone' ||
      (now === 'unreadable' && stale === 'unreadable') ||
      (typeof now === 'object' && typeof stale === 'object' && now.pid === stale.pid && now.since === stale.since);
    if (isSame && now !== 'gone') unlinkSync(file);
    return true;
  } finally {
    unlinkSync(guard);
  }
}

/**
 * Takes the lock of the PGlite `folder` for this process, creating the folder (and its parents, which PGlite
 * does not) if missing. Throws a PgliteFolderError naming the folder and the holder when another live
 * process has it, or saying that the folder cannot be written. `reservedForApp`: taken by the server at
 * start-up so the app's own opening of the folder in this process (createDb) finds it waiting.
 * @param {string} folder an absolute path
 * @param {{ reservedForApp?: boolean }} [options]
 * @returns {{ folder: string, release(): void }}
 */
export function lockPgliteFolder(folder, { reservedForApp = false } = {}) {
  const mine = held.get(folder);
  if (mine) {
    if (mine.reservedForApp && !mine.isOpen && !reservedForApp) {
      mine.isOpen = true;
      return { folder, release: () => void (mine.isOpen = false) };
    }
    throw inUse(folder, mine.holder);
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if (isPermissionError(error)) throw notWritable(folder, error);
    throw error;
  }
  const file = path.join(folder, LOCK_FILE_NAME);
  const holder = thisProcess();
  for (let attempt = 0; ; attempt += 1) {
    let isCreated;
    try {
      isCreated = createExclusive(file, `${JSON.stringify(holder)}\n`);
    } catch (error) {
      if (isPermissionError(error)) throw notWritable(folder, error);
      throw error;
    }
    if (isCreated) break;
    const existing = readHolder(file);
    if (existing === 'gone') continue;
    const isYoungAndUnreadable = existing === 'unreadable' && Date.now() - safeMtime(file) < UNREADABLE_GRACE_MS;
    if (typeof existing === 'object' && isRunning(existing)) throw inUse(folder, existing);
    if (isYoungAndUnreadable || attempt >= 50) {
      throw inUse(folder, typeof existing === 'object' ? existing : { pid: 0, startTime: null, host: hostname(), command: 'unknown (the lock file is being written)', since: 'now' });
    }
    try {
      removeStaleLock(file, existing);
    } catch (error) {
      if (isPermissionError(error)) throw notWritable(folder, error);
      throw error;
    }
  }
  held.set(folder, { file, holder, reservedForApp, isOpen: !reservedForApp });
  releaseAllOnExit();
  try {
    assertEverythingWritable(folder);
  } catch (error) {
    removeLock(folder);
    throw error;
  }
  return {
    folder,
    release() {
      const lock = held.get(folder);
      if (lock && !lock.reservedForApp) removeLock(folder);
      else if (lock) lock.isOpen = false;
    },
  };
}

/** @param {string} file */
function safeMtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
