import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { ZodError } from 'zod';
import { csvRecords } from '../support/csv';
import { callerFor, describeOnEveryEngine } from './harness';
import { createAnsweredSession } from './fixtures/flow';

const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const pair = { nodeKey: 'goal', a: 'economic-growth', b: 'social-development' } as const;

/** The code and the input fields a refused call names. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  const error = await call.then(
    () => {
      throw new Error('the call was accepted');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const fields = error.cause instanceof ZodError ? error.cause.issues.map((issue) => issue.path.join('.')) : [];
  return { code: error.code, fields };
}

describeOnEveryEngine('reasons for judgments', (database) => {
  const db = () => database().handle.db;

  it('takes a reason of up to 500 characters for a pair the node compares, and refuses anything else', async () => {
    const { sessionId, participants } = await createAnsweredSession(db(), { count: 1 });
    const me = participants[0]!.caller;
    const longest = 'ä'.repeat(500);
    expect((await me.judgment.saveComment({ sessionId, ...pair, text: longest })).text).toBe(longest);

    expect(await refusal(me.judgment.saveComment({ sessionId, ...pair, text: 'x'.repeat(501) }))).toEqual({ code: 'BAD_REQUEST', fields: ['text'] });
    // Far over the bound: refused before any cleaning.
    expect(await refusal(me.judgment.saveComment({ sessionId, ...pair, text: 'x'.repeat(100_000) }))).toEqual({ code: 'BAD_REQUEST', fields: ['text'] });
    expect((await refusal(me.judgment.saveComment({ sessionId, nodeKey: 'goal', a: 'hubbing', b: 'social-development', text: 'Why' }))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await refusal(me.judgment.saveComment({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'economic-growth', text: 'Why' }))).fields).toEqual([
      'b',
    ]);
    // The refused saves left the accepted one as it was.
    expect((await me.participant.me({ sessionId })).comments.map((c) => c.text)).toEqual([longest]);
  });

  it('stores plain text without control characters, and counts the bound after cleaning', async () => {
    const { sessionId, participants } = await createAnsweredSession(db(), { count: 1 });
    const me = participants[0]!.caller;
    const saved = await me.judgment.saveComment({
      sessionId,
      ...pair,
      text: '  \r\nJobs\u0007 matter more\r\nhere\u0000 <b>than</b> \u202Egrowth\u202C & more\u001B[31m\t \n',
    });
    expect(saved.text).toBe('Jobs matter more\nhere <b>than</b> growth & more[31m');
    // 500 letters plus 20 stripped control characters fit.
    const padded = `${'y'.repeat(250)}${'\u0001'.repeat(20)}${'y'.repeat(250)}`;
    expect((await me.judgment.saveComment({ sessionId, ...pair, text: padded })).text).toBe('y'.repeat(500));
  });

  it('keeps the reason when the answer changes, is withdrawn or re-given in the other order, and clears it on an empty text', async () => {
    const { sessionId, participants } = await createAnsweredSession(db(), { count: 1 });
    const me = participants[0]!.caller;
    await me.judgment.saveComment({ sessionId, ...pair, text: 'Growth pays for the rest' });

    await me.judgment.save({ sessionId, ...pair, position: -5 });
    await me.judgment.save({ sessionId, nodeKey: 'goal', a: pair.b, b: pair.a, position: 3 });
    await me.judgment.remove({ sessionId, ...pair });
    const after = await me.participant.me({ sessionId });
    expect(after.judgments.some((j) => j.nodeKey === 'goal' && [j.a, j.b].sort().join() === [pair.a, pair.b].sort().join())).toBe(false);
    expect(after.comments).toMatchObject([{ nodeKey: 'goal', a: pair.a, b: pair.b, text: 'Growth pays for the rest' }]);

    // The same pair in the other order replaces the reason, never adds a second one.
    await me.judgment.saveComment({ sessionId, nodeKey: 'goal', a: pair.b, b: pair.a, text: 'Second thoughts' });
    expect((await me.participant.me({ sessionId })).comments).toMatchObject([{ a: pair.b, b: pair.a, text: 'Second thoughts' }]);

    expect((await me.judgment.saveComment({ sessionId, ...pair, text: ' \u0007\n ' })).text).toBeNull();
    expect((await me.participant.me({ sessionId })).comments).toEqual([]);
    // Clearing what is not there is not an error.
    expect((await me.judgment.saveComment({ sessionId, ...pair, text: '' })).text).toBeNull();
  });

  it('is frozen with the session: no reason is saved or cleared once it is closed, and the saved ones stay readable', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 1 });
    const me = participants[0]!.caller;
    await me.judgment.saveComment({ sessionId, ...pair, text: 'Before closing' });
    await facilitator.session.close({ sessionId });
    expect((await refusal(me.judgment.saveComment({ sessionId, ...pair, text: 'After closing' }))).code).toBe('PRECONDITION_FAILED');
    expect((await refusal(me.judgment.saveComment({ sessionId, ...pair, text: '' }))).code).toBe('PRECONDITION_FAILED');
    expect((await facilitator.judgment.comments({ sessionId })).map((c) => c.text)).toEqual(['Before closing']);
  });

  it('drops the reasons about pairs a model edit removes, and no others', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 1 });
    const me = participants[0]!.caller;
    await me.judgment.saveComment({ sessionId, ...pair, text: 'About growth' });
    await me.judgment.saveComment({ sessionId, nodeKey: 'economic-growth', a: 'hubbing', b: 'integration', text: 'Under growth' });
    await me.judgment.saveComment({ sessionId, nodeKey: 'goal', a: 'jobs-quality-of-life', b: 'social-development', text: 'Jobs first' });
    const { version } = await facilitator.session.get({ sessionId });
    await facilitator.model.removeCriterion({ sessionId, expectedVersion: version, key: 'economic-growth' });
    expect((await me.participant.me({ sessionId })).comments.map((c) => c.text)).toEqual(['Jobs first']);
  });

  it('shows a reason to its author and the facilitator only', async () => {
    const { sessionId, facilitator, invite, participants } = await createAnsweredSession(db(), { count: 2 });
    const [first, second] = participants;
    await first!.caller.judgment.saveComment({ sessionId, ...pair, text: 'Reason of the first' });
    await second!.caller.judgment.saveComment({ sessionId, nodeKey: 'economic-growth', a: 'hubbing', b: 'integration', text: 'Reason of the second' });
    await second!.caller.judgment.saveComment({ sessionId, ...pair, text: 'Also the second' });

    expect((await first!.caller.judgment.comments({ sessionId })).map((c) => c.text)).toEqual(['Reason of the first']);
    expect((await first!.caller.participant.me({ sessionId })).comments.map((c) => c.text)).toEqual(['Reason of the first']);
    expect((await second!.caller.judgment.comments({ sessionId })).map((c) => c.text)).toEqual(['Also the second', 'Reason of the second']);
    // The facilitator: per pair, goal first, then participants by number.
    expect((await facilitator.judgment.comments({ sessionId })).map((c) => [c.nodeKey, c.participant.displayName, c.text])).toEqual([
      ['goal', 'Participant 1', 'Reason of the first'],
      ['goal', 'Participant 2', 'Also the second'],
      ['economic-growth', 'Participant 2', 'Reason of the second'],
    ]);
    expect((await refusal(invite.judgment.comments({ sessionId }))).code).toBe('FORBIDDEN');
    expect((await refusal(callerFor(db()).judgment.comments({ sessionId }))).code).toBe('UNAUTHORIZED');
    // A participant's export holds their own reasons only.
    const own = await second!.caller.export.tables({ sessionId });
    expect(own.tables.comments.rows.map((r) => r.comment)).toEqual(['Also the second', 'Reason of the second']);
  });

  it('goes into the CSV, XLSX and JSON exports, a formula-like reason written as text', async () => {
    const { sessionId, facilitator, participants } = await createAnsweredSession(db(), { count: 1 });
    const formula = '=HYPERLINK("http://evil.example","click")';
    await participants[0]!.caller.judgment.saveComment({ sessionId, ...pair, text: formula });
    await participants[0]!.caller.judgment.saveComment({ sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'environmental-sustainability', text: '+1, as said' });

    const { tables } = await facilitator.export.tables({ sessionId });
    expect(tables.comments.rows.map((r) => [r.participant, r.node, r.a, r.b, r.comment])).toEqual([
      ['Participant 1', 'Criteria, compared for the goal', 'Economic growth and innovation', 'Social development and integration', formula],
      ['Participant 1', 'Criteria, compared for the goal', 'Economic growth and innovation', 'Environmental sustainability', '+1, as said'],
    ]);

    const files = unzipSync(fromBase64((await facilitator.export.file({ sessionId, format: 'csv' })).base64));
    const csv = csvRecords(strFromU8(files['13-comments.csv']!));
    expect(csv.map((r) => r['Reason'])).toEqual([`'${formula}`, "'+1, as said"]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await facilitator.export.file({ sessionId, format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Reasons')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const reason = sheet.getRow(2).getCell(header.indexOf('Reason') + 1);
    expect(reason.type).toBe(ExcelJS.ValueType.String);
    expect(reason.value).toBe(formula);

    const json = await facilitator.session.export({ sessionId });
    expect(json.participants[0]!.comments.map((c) => c.text)).toEqual([formula, '+1, as said']);
    // An imported copy has the same reasons.
    const copy = await callerFor(db()).session.import({ data: json });
    const copyFacilitator = callerFor(db(), copy.facilitator.token);
    expect((await copyFacilitator.judgment.comments({ sessionId: copy.sessionId })).map((c) => c.text)).toEqual([formula, '+1, as said']);
  });
});
