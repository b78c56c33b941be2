import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { groupResultOf, ownResultOf } from './fixtures/workshop';
import { SessionExport } from '~/core/contracts/session-export';
import { summarizeResult } from '~/core/model';
import { findChromium } from '~/server/services/exports/report-pdf';
import { csvRecords, parseCsv } from '../support/csv';
import { callerFor, describeOnEveryEngine } from './harness';
import { comparisonNodes, createAnsweredSession } from './fixtures/flow';

const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

async function readWorkbook(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as records keyed by its header row, cell values as exceljs reads them back. */
function sheetRecords(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((name, i) => [name, values[i] ?? null])));
  });
  return out;
}

describeOnEveryEngine('exports: tables, CSV, XLSX and JSON', (database) => {
  const db = () => database().handle.db;

  it('builds the tables from the stored group result and the answers as given', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'Export: Ganja textile cluster', count: 3 });
    const stored = groupResultOf((await facilitator.result.compute({ sessionId })).result);
    const view = await facilitator.session.get({ sessionId });
    const { tables, scope, locale } = await facilitator.export.tables({ sessionId });
    expect({ scope, locale }).toEqual({ scope: 'group', locale: 'en' });

    // Participants: as joined, all three in the result.
    expect(tables.participants.rows.map((p) => [p.key, p.name, p.group, p.effectiveWeight, p.included])).toEqual([
      ['p1', 'Participant 1', 'Enterprises and leading firms', 1, 'yes'],
      ['p2', 'Participant 2', 'Government', 1, 'yes'],
      ['p3', 'Participant 3', 'Enterprises and leading firms', 1, 'yes'],
    ]);
    // 6 criteria compared for the goal (15 pairs), 3 strategies under each of the 6 (3 pairs each): 33 per person.
    const pairs = comparisonNodes(view).reduce((sum, n) => sum + (n.elements.length * (n.elements.length - 1)) / 2, 0);
    expect(pairs).toBe(33);
    expect(tables.participants.rows.every((p) => p.answered === 33 && p.required === 33)).toBe(true);
    expect(tables.judgments.rows).toHaveLength(3 * 33);
    // The ratio is the Saaty scale's reading of the position: p >= 0 -> p + 1, p < 0 -> 1 / (1 - p).
    for (const row of tables.judgments.rows) {
      expect(row.ratio).toBeCloseTo(row.position >= 0 ? row.position + 1 : 1 / (1 - row.position), 12);
      expect(row.preferred).toBe(row.position === 0 ? 'equal' : row.position > 0 ? row.a : row.b);
      expect(row.counts).toBe('yes');
    }
    expect(tables.judgments.rows.find((r) => r.nodeKey === 'goal')?.node).toBe('Criteria, compared for the goal');
    expect(tables.ratings.rows).toEqual([]);

    // Results: exactly the stored numbers, unrounded, in the results page's order.
    expect(tables.strategyRanking.rows.map((r) => [r.rank, r.key, r.score])).toEqual(
      stored.ranking.map((key, i) => [i + 1, key, stored.alternatives[key]]),
    );
    expect(tables.strategyRanking.rows.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(1, 12);
    expect(tables.criteriaWeights.rows.map((r) => r.key)).toEqual(view.model.criteria.map((c) => c.key));
    for (const row of tables.criteriaWeights.rows) {
      expect([row.local, row.global]).toEqual([stored.criteria[row.key]!.local, stored.criteria[row.key]!.global]);
      expect([row.parentKey, row.level]).toEqual(['goal', 1]);
    }
    // Consistency: the combined judgments of every node, then each participant's own (7 pairwise nodes each).
    expect(tables.consistency.rows).toHaveLength(7 * 4);
    const groupGoal = tables.consistency.rows.find((r) => r.nodeKey === 'goal' && r.participantKey === null)!;
    expect(groupGoal).toMatchObject({ whose: 'Group (combined judgments)', cr: stored.nodes.goal!.cr, ri: 1.24 });
    const p2Goal = tables.consistency.rows.find((r) => r.nodeKey === 'goal' && r.participantKey === 'p2')!;
    expect(p2Goal.cr).toBe(stored.participants.find((p) => p.id === 'p2')!.nodes.goal!.cr);
    expect(p2Goal.consistent).toBe(p2Goal.cr <= 0.1 ? 'yes' : 'no');
    // Consensus: the overall value first, then every node.
    expect(tables.consensus.rows[0]).toMatchObject({ nodeKey: null, consensus: stored.overallConsensus });
    expect(tables.consensus.rows.slice(1).map((r) => [r.nodeKey, r.consensus])).toEqual(
      ['goal', ...view.model.criteria.map((c) => c.key)].map((key) => [key, stored.consensus[key]]),
    );
    // Measures: the recommendation's full ranking, whose first entries are what the page shows.
    const recommendation = (await facilitator.result.recommendation({ sessionId, scope: 'group' }))!;
    expect(tables.measuresRanking.rows.length).toBe(view.model.measures.length);
    expect(tables.measuresRanking.rows.slice(0, recommendation.measures.length).map((m) => [m.key, m.score])).toEqual(
      recommendation.measures.map((m) => [m.key, m.score]),
    );
    const scores = tables.measuresRanking.rows.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('renders the same tables to a zip of CSV files and to an XLSX workbook, named after the session', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'Export: files, "quoted"', count: 2 });
    await facilitator.result.compute({ sessionId });
    const { tables } = await facilitator.export.tables({ sessionId });
    const today = new Date().toISOString().slice(0, 10);

    const csv = await facilitator.export.file({ sessionId, format: 'csv' });
    expect(csv.fileName).toBe(`Export-files-quoted-${today}.csv.zip`);
    expect(csv.mimeType).toBe('application/zip');
    const files = unzipSync(fromBase64(csv.base64));
    expect(Object.keys(files)).toEqual([
      '01-session.csv',
      '02-participants.csv',
      '03-judgments.csv',
      '04-ratings.csv',
      '05-criteria-weights.csv',
      '06-strategy-ranking.csv',
      '07-measures-ranking.csv',
      '08-consistency.csv',
      '09-consensus.csv',
      '10-history.csv',
      '11-stakeholder-groups.csv',
      '12-group-distances.csv',
      '13-comments.csv',
    ]);
    // UTF-8 with a byte-order mark, so that Excel reads Cyrillic and Azerbaijani names right.
    expect([...files['06-strategy-ranking.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(files['06-strategy-ranking.csv']!);
    expect(text.startsWith('Rank,Strategy key,Strategy,Overall score\r\n')).toBe(true);
    expect(csvRecords(text).map((r) => [r['Strategy key'], Number(r['Overall score'])])).toEqual(
      tables.strategyRanking.rows.map((r) => [r.key, r.score]),
    );
    const session = parseCsv(strFromU8(files['01-session.csv']!));
    expect(session.find((row) => row[0] === 'Title')).toEqual(['Title', 'Export: files, "quoted"']);
    expect(csvRecords(strFromU8(files['03-judgments.csv']!))).toHaveLength(tables.judgments.rows.length);

    const xlsx = await facilitator.export.file({ sessionId, format: 'xlsx' });
    expect(xlsx.fileName).toBe(`Export-files-quoted-${today}.xlsx`);
    const workbook = await readWorkbook(xlsx.base64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Session',
      'Participants',
      'Judgments',
      'Ratings',
      'Criterion weights',
      'Strategy ranking',
      'Measures ranking',
      'Consistency',
      'Consensus',
      'Session history',
      'Stakeholder groups',
      'Distances between groups',
      'Reasons',
    ]);
    // The history sheet is the session's history as the session tools page reads it: same entries, same order.
    const history = await facilitator.session.history({ sessionId });
    const historySheet = sheetRecords(workbook.getWorksheet('Session history')!);
    expect(historySheet.map((r) => r['Action code'])).toEqual(history.map((h) => h.action));
    expect(historySheet[0]).toMatchObject({ What: 'Session created', Who: 'Facilitator', 'Session version': history[0]!.sessionVersion });
    expect(csvRecords(strFromU8(files['10-history.csv']!)).map((r) => r['Action code'])).toEqual(history.map((h) => h.action));
    const weights = sheetRecords(workbook.getWorksheet('Criterion weights')!);
    expect(weights.map((r) => [r['Criterion key'], r['Global weight']])).toEqual(tables.criteriaWeights.rows.map((r) => [r.key, r.global]));
    expect(workbook.getWorksheet('Criterion weights')!.getColumn(6).numFmt).toBe('0.00%');
    const judgments = sheetRecords(workbook.getWorksheet('Judgments')!);
    expect(judgments).toHaveLength(tables.judgments.rows.length);
    expect(judgments[0]!['Answered at (UTC)']).toBeInstanceOf(Date);
    expect((judgments[0]!['Answered at (UTC)'] as Date).toISOString()).toBe(tables.judgments.rows[0]!.answeredAt);
  });

  it('writes headers and names in the session language', async () => {
    const created = await callerFor(db()).session.create({ title: 'Экспорт по-русски', locale: 'ru' });
    const facilitator = callerFor(db(), created.facilitator.token);
    const { tables } = await facilitator.export.tables({ sessionId: created.sessionId });
    expect(tables.criteriaWeights.title).toBe('Веса критериев');
    expect(tables.strategyRanking.columns.map((c) => c.header)).toEqual(['Место', 'Ключ стратегии', 'Стратегия', 'Общая оценка']);
    expect(tables.session.rows.find((r) => r.field === 'Результат рассчитан (UTC)')?.value).toBe('ещё не рассчитан');
    // Nothing computed yet: the raw data is there, the result tables are empty rather than invented.
    expect(tables.strategyRanking.rows).toEqual([]);
    const xlsx = await facilitator.export.file({ sessionId: created.sessionId, format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/^Экспорт-по-русски-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readWorkbook(xlsx.base64)).worksheets.map((s) => s.name)).toContain('Ранжирование стратегий');
  });

  it('gives a participant only their own answers, and the group result only when it is shared', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 2 });
    const [first] = participants;
    await facilitator.result.compute({ sessionId });
    const own = ownResultOf((await first!.caller.result.computeMine({ sessionId })).result);

    const mine = await first!.caller.export.tables({ sessionId });
    expect(mine.scope).toBe('own');
    expect(mine.tables.participants.rows.map((p) => p.key)).toEqual(['p1']);
    expect(new Set(mine.tables.judgments.rows.map((j) => j.participantKey))).toEqual(new Set(['p1']));
    expect(mine.tables.strategyRanking.rows.map((r) => [r.key, r.score])).toEqual(own.ranking.map((k) => [k, own.alternatives[k]]));
    expect(new Set(mine.tables.consistency.rows.map((r) => r.participantKey))).toEqual(new Set(['p1']));
    expect(mine.tables.consensus.rows).toEqual([]);
    await expect(first!.caller.export.tables({ sessionId, scope: 'group' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(first!.caller.export.file({ sessionId, format: 'json' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(facilitator.export.tables({ sessionId, scope: 'own' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.session.update({ sessionId, expectedVersion: version, participantResults: 'own-and-group' });
    const group = groupResultOf((await facilitator.result.compute({ sessionId })).result);
    const shared = await first!.caller.export.tables({ sessionId, scope: 'group' });
    expect(shared.tables.strategyRanking.rows.map((r) => r.key)).toEqual(group.ranking);
    expect(shared.tables.participants.rows.map((p) => p.key)).toEqual(['p1']);
    // The combined judgments and their own, never the other participant's.
    expect(new Set(shared.tables.consistency.rows.map((r) => r.participantKey))).toEqual(new Set([null, 'p1']));
    expect(JSON.stringify(shared.tables)).not.toContain('Participant 2');
  });

  it('downloads the session JSON that imports back to the same result', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { title: 'Export: round trip', count: 2 });
    const group = await facilitator.result.compute({ sessionId });
    const json = await facilitator.export.file({ sessionId, format: 'json' });
    expect(json.fileName).toMatch(/^Export-round-trip-\d{4}-\d{2}-\d{2}\.json$/);
    const data = SessionExport.parse(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')));
    const imported = await callerFor(db()).session.import({ data });
    const copy = callerFor(db(), imported.facilitator.token);
    // result.get sends the summary (no per-participant detail); the export tables below read the full stored copy.
    expect((await copy.result.get({ sessionId: imported.sessionId })).group?.result).toEqual(summarizeResult(group.result));
    const recomputed = await copy.result.compute({ sessionId: imported.sessionId });
    expect(recomputed.result.ranking).toEqual(group.result.ranking);
    expect((await copy.export.tables({ sessionId: imported.sessionId })).tables.strategyRanking.rows).toEqual(
      (await facilitator.export.tables({ sessionId })).tables.strategyRanking.rows,
    );
  });

  it('refuses a server-side PDF with a clear reason: no result yet, a bad time zone, no Chromium', async () => {
    const created = await callerFor(db()).session.create({ title: 'PDF' });
    const facilitator = callerFor(db(), created.facilitator.token);
    await expect(facilitator.export.reportPdf({ sessionId: created.sessionId, locale: 'en' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('compute the results first'),
    });
    const { sessionId, facilitator: withResult } = await createAnsweredSession(db(), { count: 1 });
    await withResult.result.compute({ sessionId });
    await expect(withResult.export.reportPdf({ sessionId, locale: 'en', timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // The Chromium check itself, with a path where there is none (the machine running the tests has one).
    expect(() => findChromium('/nonexistent/chromium')).toThrow(/no Chromium at \/nonexistent\/chromium\. Install Chromium or set CHROMIUM_PATH/);
  });

  it('keeps a formula-looking name from running in a spreadsheet', async () => {
    const created = await callerFor(db()).session.create({ title: 'Injection' });
    await callerFor(db(), created.invite.token).participant.join({
      sessionId: created.sessionId,
      displayName: '=HYPERLINK("http://x","y")',
      stakeholderGroup: 'finance',
    });
    const facilitator = callerFor(db(), created.facilitator.token);
    const csv = await facilitator.export.file({ sessionId: created.sessionId, format: 'csv' });
    const participants = csvRecords(strFromU8(unzipSync(fromBase64(csv.base64))['02-participants.csv']!));
    expect(participants[0]!.Name).toBe('\'=HYPERLINK("http://x","y")');
  });
});
