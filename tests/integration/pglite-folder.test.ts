import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgliteFolderError, createDb } from '~/db/client';
import { migrateDb } from '~/db/migrate';
import { LOCK_FILE_NAME } from '~/db/pglite-folder.js';
import { sessions } from '~/db/schema';
import { runAppProcess, startAppProcess } from './fixtures/spawn-app';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** `npm run db:setup` on `folder`, as a separate process: its exit code and what it printed. */
function runDbSetup(folder: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'db/setup.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: folder },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

function waitForLine(lines: string[], needle: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const line = lines.find((l) => l.includes(needle));
      if (line) {
        clearInterval(poll);
        resolve(line);
      } else if (Date.now() - started > 90_000) {
        clearInterval(poll);
        reject(new Error(`no line with ${needle}`));
      }
    }, 20);
  });
}

function lockOf(folder: string) {
  return JSON.parse(readFileSync(path.join(folder, LOCK_FILE_NAME), 'utf8')) as { pid: number; startTime: string | null };
}

// Each test starts Node processes that load the app: slow on a loaded machine, so more than the default 30 s.
describe('one process per PGlite folder', { timeout: 120_000 }, () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'clusterwise-lock-'));
  // Other users (the read-only check runs as one when this runs as root) must reach the folders inside.
  chmodSync(scratch, 0o755);
  // Nested, as data/pglite is: PGlite does not create parent folders.
  const folder = path.join(scratch, 'data', 'pglite');
  let holderPid: number | undefined;
  let holderSession: string | undefined;
  const holder = startAppProcess(['hold', folder]);
  afterAll(() => {
    holder.child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('refuses a second process on a held folder, db:setup included, naming the folder and the process holding it', async () => {
    const line = JSON.parse(await waitForLine(holder.lines, '"holding"')) as { pid: number; sessionId: string };
    holderPid = line.pid;
    holderSession = line.sessionId;
    expect(lockOf(folder).pid).toBe(holderPid);

    const setup = await runDbSetup(folder);
    expect(setup.code).toBe(1);
    expect(setup.output).toContain(`The database folder ${folder} is in use by process ${holderPid}`);
    expect(setup.output).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const second = startAppProcess(['count-sessions', folder], { isFailureExpected: true });
    expect(await second.done).not.toBe(0);
    expect(second.stderr()).toContain(`is in use by process ${holderPid}`);

    let refused: unknown;
    try {
      createDb(folder);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(PgliteFolderError);
    expect(refused).toMatchObject({ code: 'FOLDER_IN_USE', folder, holder: { pid: holderPid } });
    // The holder was never disturbed: its lock is still its own.
    expect(lockOf(folder).pid).toBe(holderPid);
  });

  it('takes over the lock of a process that was killed, with every write it acknowledged', async () => {
    expect(holderPid).toBeDefined();
    holder.child.kill('SIGKILL');
    await holder.done;
    // SIGKILL runs no exit handler: the dead process's lock file is still there.
    expect(lockOf(folder).pid).toBe(holderPid);

    const after = await runAppProcess<{ titles: string[] }>(['count-sessions', folder]);
    expect(after.titles).toContain('Written by the holder');
    expect(holderSession).toBeDefined();
    // The process that took over released the lock when it closed the database.
    expect(existsSync(path.join(folder, LOCK_FILE_NAME))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to another process, or that cannot be read, and not a live one', async () => {
    const lockFile = path.join(folder, LOCK_FILE_NAME);
    // The parent process is alive, but started at another time than the lock says: the pid was reused.
    writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, startTime: 'another-boot:1', host: hostname(), command: 'node', since: '2026-01-01T00:00:00.000Z' }));
    const taken = createDb(folder);
    expect(lockOf(folder)).toMatchObject({ pid: process.pid });
    await migrateDb(taken);
    expect((await taken.db.select({ title: sessions.title }).from(sessions)).map((s) => s.title)).toContain('Written by the holder');

    // While this process holds it, even this process cannot open the folder a second time.
    expect(() => createDb(folder)).toThrow(/is in use by process \d+ \(this same process/);
    await taken.close();
    expect(existsSync(lockFile)).toBe(false);

    // A half-written lock left by a crash long ago is stale too.
    writeFileSync(lockFile, '{"pid":');
    utimesSync(lockFile, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const again = createDb(folder);
    expect(lockOf(folder).pid).toBe(process.pid);
    await again.close();

    // The same pid with the start time it has now is a live holder: refused.
    writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, startTime: null, host: hostname(), command: 'node', since: 'now' }));
    expect(() => createDb(folder)).toThrow(new RegExp(`is in use by process ${process.ppid}`));
    rmSync(lockFile);
  });

  it('says a folder this user may not write cannot be written, instead of failing inside PGlite', async () => {
    const messageFor = async (target: string) => {
      if (isRoot) {
        // Root writes anywhere, so the check runs as another user: the lock module (which needs nothing but Node)
        // copied where that user can read it, since the project's own folder may not be readable to others.
        const copy = path.join(scratch, 'pglite-folder.js');
        copyFileSync(path.join(ROOT, 'db', 'pglite-folder.js'), copy);
        return new Promise<string>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--input-type=module', '-e', `import { lockPgliteFolder } from ${JSON.stringify(copy)}; lockPgliteFolder(${JSON.stringify(target)});`],
            { cwd: scratch, uid: NOBODY, gid: NOBODY, stdio: ['ignore', 'ignore', 'pipe'] },
          );
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) => resolve(code === 0 ? 'opened' : stderr));
        });
      }
      try {
        createDb(target);
      } catch (error) {
        return (error as Error).message;
      }
      return 'opened';
    };

    // An existing folder owned by someone else, and a missing folder under one.
    const foreign = path.join(scratch, 'foreign');
    mkdirSync(foreign);
    chmodSync(foreign, 0o555);
    for (const target of [foreign, path.join(foreign, 'data', 'pglite')]) {
      const message = await messageFor(target);
      expect(message).toContain(`The database folder ${target} cannot be written: permission denied`);
      expect(message).not.toContain('PGlite failed to initialize');
    }

    // A folder this user may write, holding a database another user created (`sudo npm start` once).
    if (isRoot) {
      chmodSync(folder, 0o777);
      const message = await messageFor(folder);
      expect(message).toContain(`The database folder ${folder} cannot be written: ${folder}/`);
      expect(message).toContain('permission denied (this process runs as uid 65534)');
    }
  });
});
