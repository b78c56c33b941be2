import { readFileSync } from 'node:fs';
import { expect as baseExpect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { callProcedure, createSession } from './fixtures/api';
import { answerAll, joinAs } from './fixtures/answers';
import { expectAccessible } from './fixtures/accessibility';

/**
 * The results page on data set up over the API: what the facilitator and the participants see, in charts and in
 * tables, and the states around it (nothing yet, not shared, no link).
 */

const SHOTS = 'test-results/screenshots';
/** A shared `next dev` may still be compiling a page met for the first time. */
const expect = baseExpect.configure({ timeout: 20_000 });

test('the facilitator computes the group result and reads it as charts and as tables', async ({ page, request }) => {
  // Three axe passes over the whole results page (which now carries the sensitivity graphs too) take about 40 s
  // each on a loaded 2-core machine.
  test.setTimeout(240_000);
  const session = await createSession(request, { title: 'Ganja tech-park cluster', alternativeScoring: 'ratings', participantResults: 'own-and-group' });
  const people = [
    { name: 'Aysel Mammadova', group: 'government', importance: [4, 3, 2, 2, 1, 3] },
    { name: 'Ivan Petrov', group: 'enterprises', importance: [5, 2, 1, 3, 1, 4] },
    // Contradicts itself: the first criterion is placed below the second, but above everything the second beats.
    { name: 'Leyla Aliyeva', group: 'science-education', importance: [1, 6, 2, 5, 0, 3] },
  ];
  for (const [seed, person] of people.entries()) {
    const participant = await joinAs(request, session, person.name, person.group);
    await answerAll(request, session, participant, { importance: person.importance, seed, scoring: 'ratings' });
  }
  await joinAs(request, session, 'Late Joiner', 'finance');

  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  // A first visit computes by itself; the token is taken out of the address bar.
  await expect(page.getByRole('heading', { level: 2, name: 'Ranking of the strategies' })).toBeVisible();
  expect(page.url()).not.toContain('#key=');
  await expect(page.getByText(/Based on the answers of 3 participants out of 4 who joined/)).toBeVisible();

  const ranking = page.getByRole('list', { name: 'Overall score of each strategy' });
  await expect(ranking.getByRole('listitem')).toHaveCount(3);
  await expect(ranking.getByRole('listitem').first()).toContainText(/^1\. .+\d+\.\d%$/);
  await expect(page.getByRole('list', { name: 'Global weight of each criterion' }).getByRole('listitem')).toHaveCount(6);
  await expect(page.getByText('taken from the table Saaty (1980)', { exact: false })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Consistency ratio of each set of comparisons' })).toContainText('RI(6) = 1.24');
  await expect(page.getByText(/^Overall consensus: \d+\.\d% \(/)).toBeVisible();
  const who = page.getByRole('table', { name: 'Participants and whether their answers are in the result' });
  await expect(who.getByRole('row', { name: /Aysel Mammadova/ })).toContainText('✓ Included');
  await expect(who.getByRole('row', { name: /Late Joiner/ })).toContainText('✗ Not yet: too few answers under Criteria, compared for the goal');
  // Stakeholder groups side by side: one person each here, which the section says in words.
  const distances = page.getByRole('table', { name: /^Distance from the whole group and between groups: Saaty's compatibility index S/ });
  await expect(distances.getByRole('row', { name: /^Government vs Whole group/ })).toContainText(/\d\.\d\d(\d*)?, (not )?compatible/);
  await expect(page.getByText("Fewer than 2 people, so one person's view rather than a group's: Enterprises and leading firms, Government, Science and education, Finance.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/results-facilitator-charts.png`, fullPage: true });
  await expectAccessible(page);

  // The same figures as tables, chosen with the keyboard.
  await page.getByRole('radio', { name: 'Charts' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Tables' })).toBeChecked();
  const rankingTable = page.getByRole('table', { name: 'Strategies ranked by overall score' });
  await expect(rankingTable.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table', { name: 'Local and global weight of every criterion' }).getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('table', { name: 'Consistency ratio of each set of comparisons' })).toContainText('CR');
  await page.screenshot({ path: `${SHOTS}/results-facilitator-tables.png`, fullPage: true });
  await expectAccessible(page);

  // New answers make the stored result stale until it is refreshed.
  const latecomer = await joinAs(request, session, 'Rashad Huseynov', 'finance');
  await answerAll(request, session, latecomer, { importance: [2, 2, 2, 2, 2, 2], seed: 7, scoring: 'ratings' });
  await page.reload();
  await expect(page.getByText('The answers or the model have changed since these results were computed.')).toBeVisible();
  await page.getByRole('button', { name: 'Refresh results' }).click();
  await expect(page.getByText(/Based on the answers of 4 participants out of 5 who joined/)).toBeVisible();
  await expect(page.getByText('The answers or the model have changed since these results were computed.')).toBeHidden();

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/results-facilitator-phone.png`, fullPage: true });
  await expectAccessible(page);
});

test('a participant above the CR limit is named as left out, with the reason, and the count leaves them out', async ({ page, request }) => {
  const session = await createSession(request, { title: 'Lankaran agro cluster', alternativeScoring: 'pairwise', maxCr: 0.1 });
  for (const [seed, name] of ['Aysel Mammadova', 'Ivan Petrov'].entries()) {
    const participant = await joinAs(request, session, name, 'government');
    await answerAll(request, session, participant, { importance: [4, 3, 2, 2, 1, 3], seed, scoring: 'pairwise', strategies: 'equal' });
  }
  // Contradicts themselves: a cycle among the criteria, and the first placed far above the second besides.
  const contradictory = await joinAs(request, session, 'Nigar Quliyeva', 'civil-society');
  await answerAll(request, session, contradictory, { importance: [0, 8, 0, 8, 0, 8], seed: 1, scoring: 'pairwise', strategies: 'equal' });
  await callProcedure(
    request,
    'judgment.save',
    { sessionId: session.sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'jobs-quality-of-life', position: 8 },
    contradictory.token,
  );

  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Ranking of the strategies' })).toBeVisible();
  await expect(page.getByText(/Based on the answers of 2 participants out of 3 who joined/)).toBeVisible();
  await expect(page.getByText('2 participants are included; 1 is left out.')).toBeVisible();
  const who = page.getByRole('table', { name: 'Participants and whether their answers are in the result' });
  await expect(who.getByRole('row', { name: /Nigar Quliyeva/ })).toContainText(
    /✗ Left out: CR \d+\.\d\d under Criteria, compared for the goal is above the limit 0\.10/,
  );
  await expect(who.getByRole('row', { name: /Aysel Mammadova/ })).toContainText('✓ Included');
  await page.screenshot({ path: `${SHOTS}/results-cr-limit.png`, fullPage: true });
  await expectAccessible(page);

  // The report says the same.
  await page.goto(`/s/${session.sessionId}/report`);
  const byGroup = page.getByRole('table', { name: 'Participants of each stakeholder group and their part in the result' });
  await expect(byGroup).toContainText(/Nigar Quliyeva \(Left out: CR \d+\.\d\d under Criteria, compared for the goal is above the limit 0\.10\)/);
});

test('a participant sees their own result and, when shared, the group result', async ({ page, request }) => {
  const session = await createSession(request, { title: 'Sumgait chemical cluster', alternativeScoring: 'pairwise', participantResults: 'own-and-group' });
  const me = await joinAs(request, session, 'Nigar', 'civil-society');
  // Strongly contradictory on purpose: a cycle among the criteria.
  await answerAll(request, session, me, { importance: [0, 8, 0, 8, 0, 8], seed: 1, scoring: 'pairwise' });
  await callProcedure(request, 'judgment.save', { sessionId: session.sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'jobs-quality-of-life', position: 8 }, me.token);
  await callProcedure(request, 'judgment.save', { sessionId: session.sessionId, nodeKey: 'goal', a: 'jobs-quality-of-life', b: 'social-development', position: 8 }, me.token);
  await callProcedure(request, 'judgment.save', { sessionId: session.sessionId, nodeKey: 'goal', a: 'economic-growth', b: 'social-development', position: -8 }, me.token);

  // Every answer is in: the questionnaire opens on the own result, which leads to the shared group result.
  await page.goto(`/s/${session.sessionId}/q#key=${me.token}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Your own result' })).toBeVisible();
  await page.getByRole('link', { name: "See the group's result" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${session.sessionId}/results$`));
  await expect(page.getByRole('radio', { name: 'Your answers' })).toBeChecked();
  await expect(page.getByText('Based on your own answers only.')).toBeVisible();
  await expect(page.getByText(/sets? of comparisons (is|are) above 0\.10/)).toBeVisible();
  await expect(page.getByText('⚠ above 0.10: inconsistent').first()).toBeVisible();
  const worst = page.getByText(/^Show the judgments that contradict the others most \(\d+ sets of comparisons\)$/);
  await worst.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'The judgments that contradict the others most — Criteria, compared for the goal' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the questionnaire' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/results-participant-own.png`, fullPage: true });
  await expectAccessible(page);

  await page.getByRole('radio', { name: 'The whole group' }).check();
  await expect(page.getByText('The facilitator has not computed the group result yet.')).toBeVisible();
  await callProcedure(request, 'result.compute', { sessionId: session.sessionId }, session.facilitator.token);
  await page.reload();
  await page.getByRole('radio', { name: 'The whole group' }).check();
  await expect(page.getByText(/combines everyone's answers/)).toBeVisible();
  await expect(page.getByRole('button', { name: /results/ })).toHaveCount(0);
  await expectAccessible(page);
});

test('the states around the results: nothing yet, not shared, no link', async ({ page, request }) => {
  const empty = await createSession(request, { title: 'Empty session' });
  await page.goto(`/s/${empty.sessionId}/results#key=${empty.facilitator.token}`);
  await expect(page.getByRole('heading', { level: 2, name: 'No results yet' })).toBeVisible();
  await expect(page.getByText('Nobody has joined yet: share the invite link.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/results-empty.png`, fullPage: true });
  await expectAccessible(page);

  const closed = await createSession(request, { title: 'Private results', participantResults: 'none' });
  const participant = await joinAs(request, closed, 'Farid', 'finance');
  await page.goto(`/s/${closed.sessionId}/results#key=${participant.token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results are not shared with participants' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/results-not-shared.png`, fullPage: true });
  await expectAccessible(page);

  await page.context().clearCookies();
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`/s/${empty.sessionId}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'This page needs your session link' })).toBeVisible();
  await expectAccessible(page);
});

test('the results read in Russian and Azerbaijani', async ({ page, context, request, baseURL }) => {
  const session = await createSession(request, { title: 'Кластер', alternativeScoring: 'ratings' });
  const participant = await joinAs(request, session, 'Олег', 'enterprises');
  await answerAll(request, session, participant, { importance: [3, 2, 1, 1, 2, 3], seed: 2, scoring: 'ratings' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: baseURL! }]);
  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Результаты' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Рейтинг стратегий' })).toBeVisible();
  await expect(page.getByText('из таблицы Саати (1980)', { exact: false })).toBeVisible();
  await expect(page.getByText(/По ответам 1 участника из 1 присоединившегося\./)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/results-ru.png`, fullPage: true });
  await expectAccessible(page);

  await page.getByLabel('Язык').selectOption('az');
  await expect(page.getByRole('heading', { level: 1, name: 'Nəticələr' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Strategiyaların reytinqi' })).toBeVisible();

  // Azerbaijani dates and numbers as Node's full ICU data writes them ("3 dekabr 2026", "25,5%"), although
  // this Chromium has no Azerbaijani data of its own.
  const stored = await callProcedure<{ group: { computedAt: string; result: { alternatives: Record<string, number> } } }>(
    request,
    'result.get',
    { sessionId: session.sessionId },
    session.facilitator.token,
  );
  // The day and the time separately: ICU versions join them differently ("3 dekabr 2026 13:19", "…/13:19").
  const computedAt = new Date(stored.group.computedAt);
  const azDate = new Intl.DateTimeFormat('az', { day: 'numeric', month: 'long', year: 'numeric' }).format(computedAt);
  const azTime = new Intl.DateTimeFormat('az', { hour: '2-digit', minute: '2-digit' }).format(computedAt);
  const azPercent = (value: number) => new Intl.NumberFormat('az', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const topScore = Math.max(...Object.values(stored.group.result.alternatives));
  expect(azDate).toMatch(/^\d{1,2} [a-zəığöüşç]+ \d{4}$/);
  expect(azPercent(0.255)).toBe('25,5%');
  await expect(page.locator('html[data-intl-ready="true"]')).toHaveCount(1);
  await expect(page.getByText(`${azDate} ${azTime}`, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(azPercent(topScore), { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/\d{4} M\d{2} \d/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/results-az.png`, fullPage: true });
  await expectAccessible(page);

  // The report printed by the server's Chromium writes them the same way.
  await page.goto(`/s/${session.sessionId}/report#key=${session.facilitator.token}`);
  await expect(page.locator('main[data-report-ready="true"]')).toBeVisible();
  const [serverPdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByRole('button', { name: 'PDF kimi yükləyin' }).click(),
  ]);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(await serverPdf.path()))), { mergePages: true });
  expect(text).toContain(`${azDate} ${azTime}`);
  expect(text).toContain(azPercent(topScore));
  expect(text).not.toMatch(/\d{4} M\d{2} \d/);
});
