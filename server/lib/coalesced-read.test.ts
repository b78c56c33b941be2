import { describe, expect, it } from 'vitest';
import { transformer } from '~/server/trpc/transformer';
import { createCoalescedRead, isSharedResult } from './coalesced-read';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read of a counter that a test bumps, which takes `ms` and records when each read started. */
function counterSource(ms: number) {
  const source = { value: 0, starts: [] as number[], running: 0, mostAtOnce: 0 };
  const load = async () => {
    source.starts.push(performance.now());
    source.running += 1;
    source.mostAtOnce = Math.max(source.mostAtOnce, source.running);
    const seen = source.value;
    await sleep(ms);
    source.running -= 1;
    return seen;
  };
  return { source, load };
}

describe('createCoalescedRead', () => {
  it('starts a read for the first caller at once, and gives everyone who asks meanwhile one shared read after it', async () => {
    const read = createCoalescedRead<number>({ minIntervalMs: 0 });
    const { source, load } = counterSource(20);
    source.value = 7;
    const values = await Promise.all(Array.from({ length: 5 }, () => read('a', load)));
    expect(values).toEqual([7, 7, 7, 7, 7]);
    expect(source.starts).toHaveLength(2);
    expect(source.mostAtOnce).toBe(1);
  });

  it('answers a caller that arrives during a read with a later read, which sees what changed meanwhile', async () => {
    const read = createCoalescedRead<number>({ minIntervalMs: 0 });
    const { source, load } = counterSource(30);
    const first = read('a', load);
    await sleep(5);
    source.value = 1;
    const second = read('a', load);
    const third = read('a', load);
    expect(await first).toBe(0);
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    expect(source.starts).toHaveLength(2);
    expect(source.mostAtOnce).toBe(1);
  });

  it('starts reads of one key at least minIntervalMs apart, and keys apart independently', async () => {
    const read = createCoalescedRead<number>({ minIntervalMs: 60 });
    const { source, load } = counterSource(1);
    const other = counterSource(1);
    await read('a', load);
    await read('a', load);
    await read('a', load);
    await read('b', other.load);
    expect(source.starts).toHaveLength(3);
    const gaps = source.starts.slice(1).map((start, i) => start - source.starts[i]!);
    // Timers may fire a millisecond early by performance.now().
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(58);
    expect(other.source.starts[0]! - source.starts[2]!).toBeLessThan(40);
  });

  it('hands a failure to the callers of that read only', async () => {
    const read = createCoalescedRead<number>({ minIntervalMs: 0 });
    let isFailing = true;
    const load = async () => {
      await sleep(10);
      if (isFailing) throw new Error('database gone');
      return 5;
    };
    const failed = read('a', load);
    const failedToo = read('a', load);
    await expect(failed).rejects.toThrow('database gone');
    await expect(failedToo).rejects.toThrow('database gone');
    isFailing = false;
    expect(await read('a', load)).toBe(5);
  });

  it('marks what it hands to several callers as shared, which the API serializes once for all their responses', async () => {
    const read = createCoalescedRead<{ at: Date; n: number }>({ minIntervalMs: 0 });
    const load = async () => ({ at: new Date(0), n: 3 });
    // The first caller gets a read of its own; the two who ask while it runs share the next one.
    const [, a, b] = await Promise.all([read('k', load), read('k', load), read('k', load)]);
    expect(a).toBe(b);
    expect(isSharedResult(a)).toBe(true);
    expect(isSharedResult({ at: new Date(0), n: 3 })).toBe(false);
    const once = transformer.output.serialize(a);
    expect(transformer.output.serialize(b)).toBe(once);
    expect(transformer.output.deserialize(once)).toEqual({ at: new Date(0), n: 3 });
  });
});
