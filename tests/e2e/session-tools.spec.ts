import { expect as baseExpect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { joinAs } from './fixtures/answers';
import { expectAccessible } from './fixtures/accessibility';

const SHOTS = 'test-results/screenshots';
const expect = baseExpect.configure({ timeout: 20_000 });

test.use({ locale: 'en-GB' });

test('the facilitator copies, closes, reopens, re-links, removes, reads the history and deletes from the session tools', async ({ page, request, baseURL }) => {
  const session = await createSession(request, { title: 'Sumgait chemical cluster' });
  const token = session.facilitator.token;
  await callProcedure(request, 'session.open', { sessionId: session.sessionId }, token);
  const nigar = await joinAs(request, session, 'Nigar Huseynova', 'government');
  await joinAs(request, session, 'Oleg Smirnov', 'enterprises');

  await page.goto(`/s/${session.sessionId}#key=${token}`);
  await page.waitForURL(/\/setup/);
  await page.goto(`/s/${session.sessionId}/manage`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sumgait chemical cluster' })).toBeVisible();
  await expect(page.getByText('Open.', { exact: true })).toBeVisible();

  // A copy is named apart, and its links stay in this browser.
  const copyTitle = page.getByLabel('Title of the copy');
  await expect(copyTitle).toHaveValue('Sumgait chemical cluster (copy)');
  await copyTitle.fill('Sumgait chemical cluster 2027');
  await page.getByRole('button', { name: 'Make the copy' }).click();
  await expect(page.getByText('"Sumgait chemical cluster 2027" was created')).toBeVisible();

  // Closing asks first, and a closed session keeps its participants.
  await page.getByRole('button', { name: 'Close the session' }).click();
  await page.getByRole('dialog', { name: 'Close the session?' }).getByRole('button', { name: 'Close the session' }).click();
  await expect(page.getByText('Closed.', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove (Oleg Smirnov)' })).toBeDisabled();
  await page.getByRole('button', { name: 'Reopen the session' }).click();
  await page.getByRole('dialog', { name: 'Reopen the session?' }).getByRole('button', { name: 'Reopen the session' }).click();
  await expect(page.getByText('Open.', { exact: true })).toBeVisible();

  // A new personal link replaces the old one.
  await page.getByRole('button', { name: 'New personal link (Nigar Huseynova)' }).click();
  const newLink = page.getByLabel('New personal link of Nigar Huseynova');
  await expect(newLink).toHaveValue(new RegExp(`/s/${session.sessionId}.*#key=`));
  const newToken = /#key=([A-Za-z0-9_-]+)/.exec(await newLink.inputValue())![1]!;
  await expect(callProcedure(request, 'participant.me', { sessionId: session.sessionId }, nigar.token)).rejects.toThrow(/401|403/);
  await callProcedure(request, 'participant.me', { sessionId: session.sessionId }, newToken);

  // Removing asks first and takes the person out of the list.
  await page.getByRole('button', { name: 'Remove (Oleg Smirnov)' }).click();
  await page.getByRole('dialog', { name: 'Remove Oleg Smirnov?' }).getByRole('button', { name: 'Remove' }).click();
  const people = page.getByRole('table', { name: 'Participants, their answers and actions' });
  await expect(people.getByRole('row')).toHaveCount(2);
  await expect(people).not.toContainText('Oleg Smirnov');

  // The history says who did what, newest first, and filters.
  const history = page.getByRole('table', { name: 'History of the session, newest first' });
  await page.reload();
  await expect(history.getByRole('row').nth(1)).toContainText('Participant removed');
  await expect(history.getByRole('row').nth(1)).toContainText('Oleg Smirnov');
  for (const what of ['New personal link issued', 'Session reopened', 'Session closed', 'Session opened for answers', 'Session created']) {
    await expect(history.getByRole('row', { name: new RegExp(what) }).first()).toBeVisible();
  }
  await page.getByLabel('Show').selectOption({ label: 'Participants' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await page.getByLabel('Containing the words').fill('Nigar');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('1 of 6 changes shown, newest first.')).toBeVisible();
  await page.getByLabel('Containing the words').fill('');
  await page.getByLabel('Show').selectOption({ label: 'Every change' });

  // The download carries the history sheet.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download with the tables (XLSX)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SHOTS}/session-tools-en-1366.png`, fullPage: true });
  await expectAccessible(page);
  for (const locale of ['ru', 'az']) {
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sumgait chemical cluster' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/session-tools-${locale}-360.png`, fullPage: true });
  }
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();

  // Deleting needs the title typed back exactly.
  const confirm = page.getByLabel('To confirm, type the title: Sumgait chemical cluster');
  const deleteButton = page.getByRole('button', { name: 'Delete for good' });
  await confirm.fill('Sumgait chemical');
  await expect(deleteButton).toBeDisabled();
  await confirm.fill('Sumgait chemical cluster');
  await deleteButton.click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(callProcedure(request, 'session.get', { sessionId: session.sessionId }, token)).rejects.toThrow(/40[134]/);
});
