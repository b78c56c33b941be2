import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionExport } from '~/core/contracts/session-export';
import { comparable } from './fixtures/flow';
import { runAppProcess, startAppProcess } from './fixtures/spawn-app';

type Written = { sessionId: string; facilitatorToken: string; participantTokens: string[]; exported: SessionExport };

// Each test starts Node processes that load the app: slow on a loaded machine, so more than the default 30 s.
describe('the embedded database across app processes [PGlite folder]', { timeout: 120_000 }, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'clusterwise-restart-'));
  // A nested path, as under data/: PGlite does not create parent folders, createDb must.
  const dataDir = path.join(folder, 'data', 'pglite');
  let written: Written | undefined;
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps every session and answer when the app process exits and a new one starts', async () => {
    written = await runAppProcess<Written>(['write', dataDir]);
    expect(written.exported.participants.map((p) => p.judgments.length)).toEqual([33, 33]);

    const reread = await runAppProcess<{ exported: SessionExport; progress: { isComplete: boolean } }>([
      'read',
      dataDir,
      written.sessionId,
      written.facilitatorToken,
      written.participantTokens[0]!,
    ]);
    expect(comparable(reread.exported)).toEqual(comparable(written.exported));
    expect(reread.progress.isComplete).toBe(true);
  });

  it('leaves a save killed mid-way either not there at all or whole', async () => {
    if (!written) throw new Error('the first test wrote nothing');
    const big = structuredClone(written.exported);
    big.session.title = 'Killed while importing';
    const answers = big.participants[0]!;
    big.participants = Array.from({ length: 300 }, (_, i) => ({ ...answers, key: `p${i + 1}`, displayName: `Clone ${i + 1}` }));
    big.session.participantSeq = 300;
    big.results = [];
    const file = path.join(folder, 'big-export.json');
    writeFileSync(file, JSON.stringify(big));

    const importing = startAppProcess(['import', dataDir, file]);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (importing.lines.some((line) => line.includes('"started"'))) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    importing.child.kill('SIGKILL');
    await importing.done;

    const after = await runAppProcess<{ titles: string[]; participants: number; judgments: number }>(['count-sessions', dataDir]);
    const wasImported = after.titles.includes('Killed while importing');
    console.log(`import killed after it had ${wasImported ? 'committed' : 'not committed'}; the folder is consistent`);
    expect(after.titles.filter((t) => t === 'Survives restarts')).toHaveLength(1);
    expect(after).toEqual({
      titles: wasImported ? ['Killed while importing', 'Survives restarts'] : ['Survives restarts'],
      participants: wasImported ? 302 : 2,
      judgments: wasImported ? 302 * 33 : 2 * 33,
    });
  });
});
