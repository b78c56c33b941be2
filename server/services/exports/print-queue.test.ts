import { describe, expect, it } from 'vitest';
import { AppError } from '~/server/errors';
import { PrintQueue } from './print-queue';

/** A job that runs until `finish` is called, recording when it started. */
function controlledJob(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, job: async () => (log.push(name), await done, name) };
}

const busy = (call: Promise<unknown>) => expect(call).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'BUSY');

describe('the PDF print queue', () => {
  it('runs one job at a time in arrival order and refuses past its length', async () => {
    const queue = new PrintQueue({ maxWaiting: 2, patienceMs: 10_000 });
    const log: string[] = [];
    const jobs = ['a', 'b', 'c'].map((name) => controlledJob(log, name));
    const runs = jobs.map((j, i) => queue.run(`caller-${i}`, j.job));
    await Promise.resolve();
    expect(queue.waitingCount).toBe(2);
    await busy(queue.run('caller-3', async () => 'd'));
    expect(log).toEqual(['a']);
    jobs[0]!.finish();
    await runs[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['a', 'b']);
    jobs[1]!.finish();
    jobs[2]!.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(queue.waitingCount).toBe(0);
  });

  it('holds one job per caller, running or waiting, and takes the caller again once it is done', async () => {
    const queue = new PrintQueue({ maxWaiting: 5, patienceMs: 10_000 });
    const log: string[] = [];
    const first = controlledJob(log, 'first');
    const running = queue.run('same', first.job);
    await busy(queue.run('same', async () => 'second'));
    first.finish();
    await running;
    expect(await queue.run('same', async () => 'third')).toBe('third');
  });

  it('lets a waiting job give up after its patience, and a failed job free the printer', async () => {
    const queue = new PrintQueue({ maxWaiting: 2, patienceMs: 30 });
    const log: string[] = [];
    const stuck = controlledJob(log, 'stuck');
    const running = queue.run('a', stuck.job);
    await busy(queue.run('b', async () => 'b'));
    expect(queue.waitingCount).toBe(0);
    stuck.finish();
    await running;
    await expect(queue.run('c', async () => Promise.reject(new Error('chromium crashed')))).rejects.toThrow('chromium crashed');
    expect(await queue.run('d', async () => 'd')).toBe('d');
  });
});
