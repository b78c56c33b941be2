import { expect as baseExpect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { answerAll, joinAs } from './fixtures/answers';

/**
 * A participant gives a reason for a judgment and the facilitator reads it on the dashboard; the results page shows
 * the goal's comparisons as a matrix table with the most inconsistent judgments marked.
 */

const SHOTS = 'test-results/screenshots';
const expect = baseExpect.configure({ timeout: 20_000 });

test('a reason written in the questionnaire reaches the dashboard; the results page has the comparison matrix', async ({ browser, request }) => {
  const session = await createSession(request, { title: 'Sumgait chemicals cluster' });
  // Contradicts itself on the goal, so the matrix has cells to mark.
  const other = await joinAs(request, session, 'Leyla Aliyeva', 'science-education');
  await answerAll(request, session, other, { importance: [1, 6, 2, 5, 0, 3], seed: 0, scoring: 'pairwise', strategies: 'equal' });

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await phone.newPage();
  await page.goto(session.invite.path);
  await page.getByLabel('Your name').fill('Rustam Guliyev');
  await page.getByRole('radio', { name: 'Finance' }).check();
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(`**/s/${session.sessionId}/q`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('radio', { name: /are equally important/ }).click();
  await page.getByText('Add a reason (optional)').click();
  const reason = page.getByLabel('Why did you answer this way?');
  await reason.fill('=1+1 Both matter <b>equally</b> here');
  await page.getByRole('button', { name: 'Save reason' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reason saved.' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/comments-questionnaire-phone.png`, fullPage: true });
  // Over the bound: a clear error, and nothing to save.
  await reason.fill('x'.repeat(501));
  await expect(page.getByRole('alert').filter({ hasText: 'A reason can have' })).toContainText('at most 500 characters: shorten it by 1');
  await expect(page.getByRole('button', { name: 'Save reason' })).toBeDisabled();
  await phone.close();

  const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const facilitator = await desk.newPage();
  await facilitator.goto(`/s/${session.sessionId}#key=${session.facilitator.token}`);
  await facilitator.waitForURL(/\/setup/);
  await facilitator.goto(`/s/${session.sessionId}/dashboard`);
  const reasons = facilitator.getByRole('region', { name: 'Reasons for judgments' });
  await expect(reasons.getByRole('listitem').filter({ hasText: /^Rustam Guliyev \(Finance\):/ })).toContainText('=1+1 Both matter <b>equally</b> here');
  await reasons.screenshot({ path: `${SHOTS}/comments-dashboard.png` });

  await callProcedure(request, 'result.compute', { sessionId: session.sessionId }, session.facilitator.token);
  await facilitator.goto(`/s/${session.sessionId}/results`);
  const matrix = facilitator.getByRole('table', { name: /^Criteria, compared for the goal: the group's aggregated judgments/ });
  await expect(matrix.getByRole('columnheader')).toHaveCount(6);
  await expect(matrix.getByRole('rowheader')).toHaveCount(6);
  await expect(matrix.getByRole('cell').filter({ hasText: 'most inconsistent no. 1' })).toHaveCount(2);
  await matrix.screenshot({ path: `${SHOTS}/comments-matrix.png` });
  await facilitator.setViewportSize({ width: 360, height: 800 });
  await facilitator.getByRole('region', { name: /^Criteria, compared for the goal: the group's/ }).screenshot({ path: `${SHOTS}/comments-matrix-phone.png` });
  await desk.close();
});
