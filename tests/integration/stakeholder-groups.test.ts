import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { SessionExport } from '~/core/contracts/session-export';
import { csvRecords } from '../support/csv';
import { callerFor, describeOnEveryEngine } from './harness';
import { answerEverything, createAnsweredSession } from './fixtures/flow';
import { groupResultOf } from './fixtures/workshop';

/** Saaty's compatibility index written out from its definition, (1/n^2) sum_ij (w_i/w_j)(v_j/v_i), for the check. */
function saatyS(w: number[], v: number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) for (let j = 0; j < w.length; j++) sum += ((w[i]! / w[j]!) * v[j]!) / v[i]!;
  return sum / (w.length * w.length);
}

describeOnEveryEngine('stakeholder groups side by side', (database) => {
  const db = () => database().handle.db;

  it('stores the comparison with the group result; result.get, the tables, CSV, XLSX and JSON carry the same figures', { timeout: 120_000 }, async () => {
    // p1, p3, p5 enterprises; p2, p4 government; then one person from finance.
    const { sessionId, facilitator, invite } = await createAnsweredSession(db(), { title: 'Groups', count: 5 });
    const financier = await invite.participant.join({ sessionId, displayName: 'Participant 6', stakeholderGroup: 'finance' });
    const financeCaller = callerFor(db(), financier.token);
    await answerEverything(financeCaller, await financeCaller.session.get({ sessionId }), 6);

    const stored = groupResultOf((await facilitator.result.compute({ sessionId })).result);
    const comparison = stored.stakeholderGroups!;
    expect(comparison.measures).toEqual({ priorities: 'saaty-compatibility-index', compatibilityLimit: 1.1, ranking: 'kendall-tau-b' });
    expect(comparison.groups.map((g) => [g.group, g.members, g.included, g.isSmall])).toEqual([
      ['enterprises', 3, 3, false],
      ['government', 2, 2, false],
      ['finance', 1, 1, true],
    ]);
    expect(comparison.whole.included).toBe(6);
    expect(comparison.pairs.map((p) => `${p.a}/${p.b}`)).toEqual(['enterprises/government', 'enterprises/finance', 'government/finance']);

    // A group of one is that person's own result (AIJ of one matrix is that matrix).
    const finance = comparison.groups.find((g) => g.group === 'finance')!;
    const own = stored.participants.find((p) => p.id === financier.participantKey)!;
    for (const [key, score] of Object.entries(own.alternatives!)) expect(finance.alternatives![key]).toBeCloseTo(score, 12);
    // Each group's distance from the whole, against the definition: criteria (the six leaves) and strategies.
    const leaves = Object.keys(comparison.whole.places.criteria);
    expect(leaves).toHaveLength(6);
    for (const g of comparison.groups) {
      const s = saatyS(leaves.map((k) => g.criteria![k]!), leaves.map((k) => stored.criteria[k]!.global));
      expect(g.toWhole!.criteriaCompatibility).toBeCloseTo(s, 12);
      const strategies = stored.ranking;
      expect(g.toWhole!.strategiesCompatibility).toBeCloseTo(saatyS(strategies.map((k) => g.alternatives![k]!), strategies.map((k) => stored.alternatives[k]!)), 12);
    }
    // Disagreements only between groups of at least 2 people: here, enterprises and government, if they differ.
    for (const d of comparison.disagreements) expect([d.a, d.b].sort()).toEqual(['enterprises', 'government']);

    // result.get sends the comparison as stored (its size follows the groups, not the people).
    const page = await facilitator.result.get({ sessionId });
    expect(groupResultOf(page.group!.result as never).stakeholderGroups).toEqual(comparison);

    // Export tables: the whole group, then each group, each criterion and strategy; and the distances.
    const { tables } = await facilitator.export.tables({ sessionId });
    const figures = tables.stakeholderGroups.rows;
    expect(new Set(figures.map((r) => r.groupKey))).toEqual(new Set(['all', 'enterprises', 'government', 'finance']));
    for (const g of comparison.groups) {
      for (const [key, weight] of Object.entries(g.criteria!)) {
        expect(figures.find((r) => r.groupKey === g.group && r.key === key)).toMatchObject({ weight, place: g.places!.criteria[key] ?? null });
      }
      for (const [key, score] of Object.entries(g.alternatives!)) {
        expect(figures.find((r) => r.groupKey === g.group && r.key === key)).toMatchObject({ weight: score, place: g.places!.strategies[key] });
      }
    }
    expect(figures.find((r) => r.groupKey === 'finance')!.fewerThanTwo).toBe('yes');
    const distances = tables.groupDistances.rows;
    expect(distances.map((r) => `${r.aKey}/${r.bKey}`)).toEqual([
      'enterprises/all',
      'government/all',
      'finance/all',
      'enterprises/government',
      'enterprises/finance',
      'government/finance',
    ]);
    expect(distances[0]).toMatchObject({
      criteriaCompatibility: comparison.groups[0]!.toWhole!.criteriaCompatibility,
      strategiesTau: comparison.groups[0]!.toWhole!.strategiesTau,
    });
    expect(distances[3]!.criteriaTau).toBe(comparison.pairs[0]!.criteriaTau);

    // CSV and XLSX: the same numbers, unrounded.
    const files = unzipSync(new Uint8Array(Buffer.from((await facilitator.export.file({ sessionId, format: 'csv' })).base64, 'base64')));
    const csvDistances = csvRecords(strFromU8(files['12-group-distances.csv']!));
    expect(csvDistances.map((r) => Number(r["Criteria: Saaty's compatibility index S"]))).toEqual(distances.map((r) => r.criteriaCompatibility));
    const csvFigures = csvRecords(strFromU8(files['11-stakeholder-groups.csv']!));
    expect(csvFigures.map((r) => Number(r['Weight or score (global)']))).toEqual(figures.map((r) => r.weight));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await facilitator.export.file({ sessionId, format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Distances between groups')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = header.indexOf("Strategies: Kendall's tau-b") + 1;
    expect(distances.map((_, i) => sheet.getRow(i + 2).getCell(column).value)).toEqual(distances.map((r) => r.strategiesTau));

    // JSON: the session file carries the stored comparison, and imports back to it.
    const json = await facilitator.export.file({ sessionId, format: 'json' });
    const data = SessionExport.parse(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')));
    const exported = data.results.find((r) => r.scope === 'group')!;
    expect(groupResultOf(exported.result).stakeholderGroups).toEqual(comparison);
    const imported = await callerFor(db()).session.import({ data });
    const copy = await callerFor(db(), imported.facilitator.token).result.get({ sessionId: imported.sessionId });
    expect(groupResultOf(copy.group!.result as never).stakeholderGroups).toEqual(comparison);
  });

  it("gives a participant the groups of 2 or more, never the figures of a group that is one person's answers", async () => {
    const { sessionId, facilitator, invite, participants } = await createAnsweredSession(db(), { count: 4 });
    const financier = await invite.participant.join({ sessionId, displayName: 'Participant 5', stakeholderGroup: 'finance' });
    const financeCaller = callerFor(db(), financier.token);
    await answerEverything(financeCaller, await financeCaller.session.get({ sessionId }), 5);
    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({ sessionId, expectedVersion: version, participantResults: 'own-and-group' });
    await facilitator.result.compute({ sessionId });
    const seen = await participants[0]!.caller.result.get({ sessionId });
    const comparison = groupResultOf(seen.group!.result as never).stakeholderGroups!;
    const finance = comparison.groups.find((g) => g.group === 'finance')!;
    expect(finance).toMatchObject({ included: 1, isSmall: true, criteria: null, alternatives: null, places: null, toWhole: null });
    expect(comparison.pairs.map((p) => `${p.a}/${p.b}`)).toEqual(['enterprises/government']);
    expect(comparison.groups.find((g) => g.group === 'government')!.criteria).not.toBeNull();
  });
});
