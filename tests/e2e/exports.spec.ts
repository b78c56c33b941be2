import { readFileSync } from 'node:fs';
import { expect as baseExpect, type Download, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { csvRecords } from '../support/csv';
import { expectAccessible } from './fixtures/accessibility';
import { callProcedure, createSession } from './fixtures/api';
import { answerAll, joinAs } from './fixtures/answers';

/**
 * Taking a result to the decision meeting: a finished session's CSV, XLSX and JSON downloads agree with what the
 * results page shows, the JSON opens again as a session with the same result, and the report prints to a PDF
 * that carries the recommendation. Then the model is saved as a template and offered for the next decision.
 */

const SHOTS = 'test-results/screenshots';
/** A shared `next dev` may still be compiling a page met for the first time. */
const expect = baseExpect.configure({ timeout: 30_000 });

/** The on-screen percentage of a share, as the results page formats it in English (one decimal). */
const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

async function downloadBytes(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** A results table as rows of cell texts (row header first), without its header row. */
async function tableRows(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim())),
  );
}

function sheetRecords(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, number) => {
    if (number > 1) out.push(Object.fromEntries(header.map((name, i) => [name, (row.values as unknown[])[i + 1] ?? null])));
  });
  return out;
}

test('a finished session exports CSV, XLSX and JSON that match the screen, re-imports, and prints its report', async ({
  page,
  request,
}) => {
  test.setTimeout(420_000);
  const session = await createSession(request, { title: 'Absheron logistics cluster', question: 'Which regulation strategy should the cluster follow?' });
  const people = [
    { name: 'Aysel Mammadova', group: 'government', importance: [4, 3, 2, 2, 1, 3], seed: 0 },
    { name: 'Ivan Petrov', group: 'enterprises', importance: [5, 2, 1, 3, 1, 4], seed: 1 },
    { name: 'Leyla Aliyeva', group: 'science-education', importance: [3, 3, 2, 4, 2, 2], seed: 2 },
  ];
  for (const person of people) {
    const participant = await joinAs(request, session, person.name, person.group);
    await answerAll(request, session, participant, { importance: person.importance, seed: person.seed, scoring: 'pairwise' });
  }
  const token = session.facilitator.token;
  await callProcedure(
    request,
    'profile.save',
    { sessionId: session.sessionId, profile: { ratings: { 'qualified-personnel': 1, 'innovative-activity': 2 }, regionalPriorities: { digitalization: 0.7 } } },
    token,
  );
  await callProcedure(request, 'session.open', { sessionId: session.sessionId }, token);
  await callProcedure(request, 'session.close', { sessionId: session.sessionId }, token);

  // The results page computes by itself on the first visit; read its figures as tables.
  await page.goto(`/s/${session.sessionId}/results#key=${token}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Ranking of the strategies' })).toBeVisible();
  await expect(page.getByText(/Based on the answers of 3 participants out of 3 who joined/)).toBeVisible();
  await expect(page.getByText('Recommended strategy', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/exports-results-charts.png`, fullPage: true });
  await page.getByRole('radio', { name: 'Tables' }).check();
  const ranking = await tableRows(page, 'Strategies ranked by overall score');
  const weights = await tableRows(page, 'Local and global weight of every criterion');
  const consistency = await tableRows(page, 'Consistency ratio of each set of comparisons');
  expect(ranking).toHaveLength(3);
  expect(weights).toHaveLength(6);
  const recommended = ranking[0]![1]!;
  await page.screenshot({ path: `${SHOTS}/exports-results-tables.png`, fullPage: true });

  // CSV: one zip, a file per table, named after the session.
  const csv = await downloadBytes(page, 'Download the tables (CSV, zip)');
  const today = new Date().toISOString().slice(0, 10);
  expect(csv.download.suggestedFilename()).toBe(`Absheron-logistics-cluster-${today}.csv.zip`);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded: Absheron-logistics-cluster' })).toBeVisible();
  const files = unzipSync(new Uint8Array(csv.bytes));
  const csvRanking = csvRecords(strFromU8(files['06-strategy-ranking.csv']!));
  expect(csvRanking.map((r) => [r.Rank, r.Strategy, percent(Number(r['Overall score']))])).toEqual(
    ranking.map(([rank, name, score]) => [rank, name, score]),
  );
  const csvWeights = csvRecords(strFromU8(files['05-criteria-weights.csv']!));
  expect(csvWeights.map((r) => [r.Criterion, percent(Number(r['Local weight'])), percent(Number(r['Global weight']))])).toEqual(weights);
  const csvParticipants = csvRecords(strFromU8(files['02-participants.csv']!));
  expect(csvParticipants.map((r) => [r.Name, r['Stakeholder group'], r['In the result']])).toEqual([
    ['Aysel Mammadova', 'Government', 'yes'],
    ['Ivan Petrov', 'Enterprises and leading firms', 'yes'],
    ['Leyla Aliyeva', 'Science and education', 'yes'],
  ]);
  // 15 criterion pairs and 6 x 3 strategy pairs, for each of the three.
  expect(csvRecords(strFromU8(files['03-judgments.csv']!))).toHaveLength(3 * 33);

  // XLSX: a sheet per table, numbers at full precision.
  const xlsx = await downloadBytes(page, 'Download the workbook (Excel, XLSX)');
  expect(xlsx.download.suggestedFilename()).toBe(`Absheron-logistics-cluster-${today}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
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
  // The history ends with the close the test made, in words, next to its code.
  const historySheet = sheetRecords(workbook.getWorksheet('Session history')!);
  expect(historySheet.map((r) => r['Action code']).slice(-2)).toEqual(['session.opened', 'session.closed']);
  const xlsxRanking = sheetRecords(workbook.getWorksheet('Strategy ranking')!);
  expect(xlsxRanking.map((r) => [String(r.Rank), r.Strategy, percent(r['Overall score'] as number)])).toEqual(ranking);
  const xlsxWeights = sheetRecords(workbook.getWorksheet('Criterion weights')!);
  expect(xlsxWeights.map((r) => [r.Criterion, percent(r['Local weight'] as number), percent(r['Global weight'] as number)])).toEqual(weights);
  const groupConsistency = sheetRecords(workbook.getWorksheet('Consistency')!).filter((r) => r['Participant key'] === null);
  expect(groupConsistency.map((r) => [r['Set of comparisons'], (r.CR as number).toFixed(3)])).toEqual(consistency.map((row) => [row[0], row[1]]));
  const measures = sheetRecords(workbook.getWorksheet('Measures ranking')!);
  expect(measures.length).toBeGreaterThan(5);

  // JSON: the whole session, which opens again as a new session with the same result.
  const json = await downloadBytes(page, 'Download the session file (JSON)');
  expect(json.download.suggestedFilename()).toBe(`Absheron-logistics-cluster-${today}.json`);
  const backup = JSON.parse(json.bytes.toString('utf8')) as { format: string; session: { status: string }; participants: unknown[] };
  expect(backup).toMatchObject({ format: 'clusterwise.session', session: { status: 'closed' } });
  expect(backup.participants).toHaveLength(3);

  // The report: screen, print emulation, and a PDF that carries the recommendation.
  await page.getByRole('link', { name: 'Open the printable report' }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${session.sessionId}/report$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Absheron logistics cluster' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Recommendation' })).toBeVisible();
  await expect(page.getByText('Recommended strategy', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Participants by stakeholder group' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'The method in plain words' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeVisible();
  const byGroup = await tableRows(page, 'Participants of each stakeholder group and their part in the result');
  expect(byGroup.map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
    ['Enterprises and leading firms', '1', '1', 'Ivan Petrov'],
    ['Government', '1', '1', 'Aysel Mammadova'],
    ['Science and education', '1', '1', 'Leyla Aliyeva'],
  ]);
  await page.screenshot({ path: `${SHOTS}/report-screen.png`, fullPage: true });
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(totalPages).toBeGreaterThan(1);
  // The kicker is set in capitals by CSS, which is what a PDF's text layer holds.
  expect(text).toContain('Recommendation');
  expect(text).toContain('RECOMMENDED STRATEGY');
  expect(text).toContain(`${recommended} ranks first`);
  expect(text).toContain('Absheron logistics cluster');
  expect(text).not.toContain('Print / save as PDF');
  await page.emulateMedia({ media: 'screen' });

  // The same report printed by the server's own Chromium.
  const [serverPdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByRole('button', { name: 'Download as PDF' }).click(),
  ]);
  expect(serverPdf.suggestedFilename()).toBe(`Absheron-logistics-cluster-${today}.pdf`);
  const serverText = (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(await serverPdf.path()))), { mergePages: true })).text;
  expect(serverText).toContain('RECOMMENDED STRATEGY');
  expect(serverText).toContain(`${recommended} ranks first`);
  expect(serverText).not.toContain('Download as PDF');

  // Re-import the JSON through the start page: a new session with the same result.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Open a session file' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Session file (.json)').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: json.bytes });
  await page.getByRole('button', { name: 'Open the session' }).click();
  await expect(page).toHaveURL(/\/s\/[0-9a-f-]{36}\/results$/);
  expect(page.url()).not.toContain(session.sessionId);
  await expect(page.getByRole('heading', { level: 2, name: 'Ranking of the strategies' })).toBeVisible();
  await page.getByRole('radio', { name: 'Tables' }).check();
  expect(await tableRows(page, 'Strategies ranked by overall score')).toEqual(ranking);
  expect(await tableRows(page, 'Local and global weight of every criterion')).toEqual(weights);
  // Computing it again from the imported answers gives the same figures.
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/api/trpc/result.compute') && response.ok()),
    page.getByRole('button', { name: 'Refresh results' }).click(),
  ]);
  expect(await tableRows(page, 'Strategies ranked by overall score')).toEqual(ranking);
});

test('the facilitator saves the model as a template, offered with the seeded models for the next decision', async ({ page, request }) => {
  const session = await createSession(request, { title: 'Template source' });
  const person = await joinAs(request, session, 'Rashad Huseynov', 'finance');
  await answerAll(request, session, person, { importance: [3, 2, 2, 1, 1, 2], seed: 3, scoring: 'pairwise' });
  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Ranking of the strategies' })).toBeVisible();

  await page.getByText('Save this model as a template').click();
  const name = `Logistics clusters ${Date.now()}`;
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByText('Fill this in.')).toBeVisible();
  await expect(page.getByLabel('Template name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Template name').fill(name);
  await page.getByLabel('Description (optional)').fill('The six impact areas, with our own measures.');
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByText(`Saved as “${name}”.`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/template-saved.png`, fullPage: true });
  await expectAccessible(page);
  // The same name again is refused on the field.
  await page.getByLabel('Template name').fill(name);
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByText('A model with this name already exists. Choose another name.')).toBeVisible();

  await page.goto('/new');
  await expect(page.getByRole('radio', { name: /Sustainable competitiveness of the cluster/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Blank model/ })).toBeVisible();
  const saved = page.getByRole('radio', { name: new RegExp(name) });
  await expect(saved).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/template-offered.png`, fullPage: true });
  await expectAccessible(page);
  await page.getByLabel(/^Title of the decision/).fill('Next logistics decision');
  await saved.check();
  await page.getByRole('button', { name: 'Create and continue' }).click();
  await expect(page).toHaveURL(/\/s\/[0-9a-f-]{36}\/setup/);
  await expect(page.getByRole('heading', { level: 1, name: 'Next logistics decision' })).toBeVisible();
});
