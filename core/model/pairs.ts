/**
 * Pair identity: one pair of elements of a node, whichever way round a person was shown it. Judgments are stored
 * as given (the pair in the order shown and a scale position, positive when the first is preferred), so every
 * reader that compares, counts or tallies answers goes through these.
 */

/** The pair's key, the same for (a, b) and (b, a); stored with every judgment (`judgments.pair_key`). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** A judgment's position read the other way round (b over a); never -0, which JSON and tallies would tell apart. */
export function flipPosition(position: number): number {
  return position === 0 ? 0 : -position;
}

export function isSamePair(x: { a: string; b: string }, y: { a: string; b: string }): boolean {
  return (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
}

/** The position of a judgment given as (aKey over bKey) read as (first over second); null when it is another pair. */
export function positionAs(judgment: { aKey: string; bKey: string; position: number }, first: string, second: string): number | null {
  if (judgment.aKey === first && judgment.bKey === second) return judgment.position;
  if (judgment.aKey === second && judgment.bKey === first) return flipPosition(judgment.position);
  return null;
}

/** Index pairs (i < j) of a node's elements in the order they are asked: (0,1), (0,2), ... (1,2), ... */
export function indexPairs(count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j]);
  return pairs;
}

/** True when the judged pairs link every element, directly or through others: what incomplete-matrix methods need. */
export function isConnected(elements: readonly string[], pairs: ReadonlyArray<readonly [string, string]>): boolean {
  if (elements.length <= 1) return true;
  const parent = new Map(elements.map((e) => [e, e]));
  const find = (e: string): string => {
    let root = e;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(e, root);
    return root;
  };
  for (const [a, b] of pairs) {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const first = find(elements[0]!);
  return elements.every((e) => find(e) === first);
}
