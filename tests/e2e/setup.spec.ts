import { type Page, expect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { expectAccessible } from './fixtures/accessibility';

const SHOTS = 'test-results/screenshots';

function savedState(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Saved$/ });
}

/** Moves on with the keyboard only, and checks that the focus landed on the new step's heading. */
async function nextStepByKeyboard(page: Page, heading: RegExp, next = 'Next') {
  await page.getByRole('button', { name: next, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
}

test.use({ locale: 'en-GB' });

test('a facilitator starts a decision from the default model, edits it, sets the method and invites', async ({
  page,
  context,
  baseURL,
}) => {
  // The whole journey, with six axe scans, against a dev server that compiles on first visit.
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

  // Landing: what it does, the way in, and (in a fresh browser) the empty list of saved sessions.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: "Decide your cluster's policy together" })).toBeVisible();
  await expect(page.getByText('No sessions on this device yet', { exact: false })).toBeVisible();
  await expectAccessible(page, 'the landing page');
  await page.screenshot({ path: `${SHOTS}/setup-0-landing-empty.png`, fullPage: true });
  await page.getByRole('link', { name: 'Start a decision' }).first().click();

  // New decision: the title is required, and says so next to the field.
  await expect(page.getByRole('heading', { level: 1, name: 'Start a decision' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Cluster policy: regulation strategy/ })).toBeChecked();
  await page.getByRole('button', { name: 'Create and continue' }).click();
  const title = page.getByRole('textbox', { name: /Title of the decision/ });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Fill this in\./);
  await expect(title).toBeFocused();
  await page.keyboard.type('Absheron petrochemical cluster strategy');
  await page.getByRole('textbox', { name: 'Region' }).fill('Absheron');
  await page.getByRole('textbox', { name: 'Cluster or industry' }).fill('Petrochemicals');
  await page
    .getByRole('textbox', { name: 'The question for the stakeholders' })
    .fill('Which regulation strategy should the petrochemical cluster follow for the next five years?');
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the new-decision form');
  await page.screenshot({ path: `${SHOTS}/setup-1-new.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create and continue' }).click();

  // Step 1: the question and the cluster, saved field by field.
  await expect(page).toHaveURL(/\/s\/[0-9a-f-]{36}\/setup/);
  await expect(page.getByRole('heading', { level: 1, name: 'Absheron petrochemical cluster strategy' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /The question and the cluster/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Set-up progress' })).toHaveAttribute('aria-valuenow', '1');
  const region = page.getByRole('textbox', { name: 'Region' });
  await expect(region).toHaveValue('Absheron');
  await region.fill('Absheron economic region');
  await page.keyboard.press('Tab');
  await expect(savedState(page)).toBeVisible();
  // An emptied title is refused next to the field and blocks the next step until it is fixed.
  const setupTitle = page.getByRole('textbox', { name: /Title of the decision/ });
  await setupTitle.fill('');
  await page.keyboard.press('Tab');
  await expect(setupTitle).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /The question and the cluster/ })).toBeVisible();
  await expect(setupTitle).toBeFocused();
  await page.keyboard.type('Absheron petrochemical cluster strategy');
  await page.keyboard.press('Tab');
  await expect(setupTitle).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'set-up step 1');
  await page.screenshot({ path: `${SHOTS}/setup-2-details.png`, fullPage: true });

  // Step 2: criteria and strategies.
  await nextStepByKeyboard(page, /Criteria and strategies/);
  await expect(page.getByRole('progressbar', { name: 'Set-up progress' })).toHaveAttribute('aria-valuenow', '2');
  const goal = page.getByRole('textbox', { name: 'Name (Goal)', exact: true });
  await expect(goal).toHaveValue("Choose the regulation strategy that best moves this cluster's region toward sustainable development");
  await goal.fill('Choose the regulation strategy for the petrochemical cluster');
  await page.keyboard.press('Tab');
  await expect(savedState(page)).toBeVisible();
  const environment = page.getByRole('textbox', { name: 'Name (criterion 4)', exact: true });
  await expect(environment).toHaveValue('Environmental sustainability');
  await environment.fill('Environment and green transition');
  await page.keyboard.press('Tab');
  await expect(savedState(page)).toBeVisible();
  // The renamed criterion has no name in the other languages yet (the old translations are cleared): give the
  // Russian one; Azerbaijani readers are told they see the English name.
  const translations = page.getByText('Name in other languages (0 of 2 given) (criterion 4)');
  await translations.click();
  const azerbaijani = page.getByRole('textbox', { name: 'Name in Azərbaycanca (criterion 4)' });
  await expect(azerbaijani).toHaveAccessibleDescription('Not given: readers in Azərbaycanca see “Environment and green transition”, marked as another language.');
  await page.getByRole('textbox', { name: 'Name in Русский (criterion 4)' }).fill('Экология и зелёный переход');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Name in other languages (1 of 2 given) (criterion 4)')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name in Русский (criterion 4)' })).toHaveAccessibleDescription('Given.');
  await expect(environment).toHaveValue('Environment and green transition');

  // Add a criterion with the keyboard, move it up, then remove it after confirming.
  await page.getByRole('textbox', { name: 'New criterion', exact: true }).fill('Digital transformation');
  await page.keyboard.press('Enter');
  const added = page.getByRole('textbox', { name: 'Name (criterion 7)', exact: true });
  await expect(added).toHaveValue('Digital transformation');
  // Two presses in a row, faster than the server answers: the second builds on the first.
  await page.getByRole('button', { name: 'Up (criterion 7)', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Up (criterion 6)', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Up (criterion 5)', exact: true })).toBeFocused();
  await expect(savedState(page)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name (criterion 5)', exact: true })).toHaveValue('Digital transformation');
  await expect(page.getByRole('textbox', { name: 'Name (criterion 6)', exact: true })).toHaveValue('Geographic and infrastructural development');

  // Nest it under "Economic growth and innovation", as a sub-criterion.
  await page.getByRole('button', { name: 'Move under… (criterion 5)', exact: true }).click();
  await page.getByRole('combobox', { name: 'Place under (criterion 5)', exact: true }).selectOption({ label: '1 Economic growth and innovation' });
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const nested = page.getByRole('textbox', { name: 'Name (criterion 1.1)', exact: true });
  await expect(nested).toHaveValue('Digital transformation');
  await expect(nested).toBeFocused();
  await expect(page.getByText('Only one sub-criterion', { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/setup-3-model-nested.png`, fullPage: true });

  await page.getByRole('button', { name: 'Remove (criterion 1.1)', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove “Digital transformation”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/setup-3-model-confirm.png` });
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Name (criterion 1.1)', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: /Criteria/ })).toBeFocused();

  // Limits come back as a message next to the item: a decision keeps at least two strategies.
  await page.getByRole('button', { name: 'Remove (strategy 3)', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Name (strategy 3)', exact: true })).toHaveCount(0);
  const removeSecond = page.getByRole('button', { name: 'Remove (strategy 2)', exact: true });
  await removeSecond.click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(removeSecond).toHaveAccessibleDescription(/at least two strategies/);

  // The rename survived a reload, and the wizard comes back on the same step.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /Criteria and strategies/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name (criterion 4)', exact: true })).toHaveValue('Environment and green transition');
  await expect(page.getByText('Name in other languages (1 of 2 given) (criterion 4)')).toBeVisible();
  await expect(goal).toHaveValue('Choose the regulation strategy for the petrochemical cluster');
  await expectAccessible(page, 'set-up step 2');
  await page.screenshot({ path: `${SHOTS}/setup-3-model.png`, fullPage: true });

  // Step 3: the cluster profile, assessed by the facilitator here (tests/e2e/profile.spec.ts goes through it).
  await nextStepByKeyboard(page, /The cluster profile/);
  await expect(page.getByRole('progressbar', { name: 'Set-up progress' })).toHaveAttribute('aria-valuenow', '3');

  // Step 4: method settings, each saved as it is chosen.
  await nextStepByKeyboard(page, /How answers are gathered and computed/);
  await expect(page.getByRole('radio', { name: /Eigenvector/ })).toBeChecked();
  await expect(page.getByRole('group', { name: 'How priorities are calculated' })).toBeVisible();
  const ratings = page.getByRole('radio', { name: /Ratings \(quicker\)/ });
  await page.getByRole('radio', { name: /Compare in pairs/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(ratings).toBeChecked();
  await expect(savedState(page)).toBeVisible();
  // All ten judgment scales are offered, each described; the Monte Carlo model is a choice said in words.
  await expect(page.getByRole('group', { name: 'Judgment scale' }).getByRole('radio')).toHaveCount(10);
  await expect(page.getByRole('radio', { name: /Adaptive balanced/ })).toHaveAccessibleDescription(/about 90% of the weight/);
  await expect(page.getByRole('radio', { name: /How divided the group is/ })).toBeChecked();
  const estimate = page.getByRole('radio', { name: /How sure the group's result is/ });
  await estimate.check();
  await expect(savedState(page)).toBeVisible();
  // The specialists' settings are folded away, explained, and saved the same way.
  await page.getByText('Advanced settings (for methods specialists)').click();
  await expect(page.getByRole('radio', { name: /Saaty \(1980\)/ })).toBeChecked();
  await page.getByRole('radio', { name: /Ideal \(best = 100%\)/ }).check();
  await expect(savedState(page)).toBeVisible();
  await page.reload();
  await page.getByText('Advanced settings (for methods specialists)').click();
  await expect(page.getByRole('radio', { name: /Ideal \(best = 100%\)/ })).toBeChecked();
  await expect(ratings).toBeChecked();
  await expect(estimate).toBeChecked();
  await expectAccessible(page, 'set-up step 3');
  await page.screenshot({ path: `${SHOTS}/setup-4-method.png`, fullPage: true });

  // Step 5: the invite link, its QR code and the copy button.
  await nextStepByKeyboard(page, /Invite the stakeholders/);
  const link = page.getByRole('textbox', { name: 'Participant link' });
  await expect(link).toHaveValue(/^http:\/\/[^/]+\/join\/[0-9a-f-]{36}#key=[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('img', { name: 'QR code of the participant link' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
  await expectAccessible(page, 'set-up step 4');
  await page.screenshot({ path: `${SHOTS}/setup-5-invite.png`, fullPage: true });

  // Opening the session fixes the model; the criteria step says so.
  await page.getByRole('button', { name: 'Open the session for answers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Open for answers' }).click();
  await expect(page.getByText('Participants can join and answer now.', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the results page' })).toHaveAttribute('href', /\/results$/);
  await page.getByRole('button', { name: /Step 2/ }).click();
  await expect(page.getByText('The model is fixed.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name (criterion 4)', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/setup-6-model-locked.png`, fullPage: true });

  // Back on the landing page the session is listed, open, and leads back to its set-up.
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Absheron petrochemical cluster strategy' }) });
  await expect(card).toContainText('Open');
  await expect(card).toContainText('Facilitator');
  await expect(card).toContainText('No participants yet');
  await expectAccessible(page, 'the landing page with a session');
  await page.screenshot({ path: `${SHOTS}/setup-7-landing-saved.png`, fullPage: true });
  await card.getByRole('link', { name: 'Absheron petrochemical cluster strategy' }).click();
  await expect(page).toHaveURL(/\/setup/);
});

test('the facilitator link opens the set-up on a phone, in Russian', async ({ page, context, request, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: baseURL! }]);
  const session = await createSession(request, { title: 'Кластер ИКТ Баку', region: 'Баку', cluster: 'ИКТ' });
  await page.goto(session.facilitator.path);
  await expect(page).toHaveURL(new RegExp(`/s/${session.sessionId}/setup$`));
  expect(page.url()).not.toContain('#key=');
  await expect(page.getByRole('heading', { level: 2, name: /Вопрос и кластер/ })).toBeVisible();
  await expectAccessible(page, 'set-up step 1 on a phone');
  await page.screenshot({ path: `${SHOTS}/setup-phone-1-details.png` });
  await nextStepByKeyboard(page, /Критерии и стратегии/, 'Далее');
  await expect(page.getByRole('textbox', { name: 'Название (критерий 4)', exact: true })).toHaveValue('Экологическая устойчивость');
  await expectAccessible(page, 'set-up step 2 on a phone');
  await page.screenshot({ path: `${SHOTS}/setup-phone-2-model.png`, fullPage: true });
  await page.getByRole('heading', { level: 3, name: /Критерии/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/setup-phone-2-model-top.png` });
  await nextStepByKeyboard(page, /Профиль кластера/, 'Далее');
  await nextStepByKeyboard(page, /Как собираются и обрабатываются ответы/, 'Далее');
  await page.screenshot({ path: `${SHOTS}/setup-phone-3-method.png` });
  await nextStepByKeyboard(page, /Пригласите участников/, 'Далее');
  // This browser got only the facilitator link: the invite link lives where the session was created.
  await expect(page.getByText('Ссылка для участников хранится только в браузере', { exact: false })).toBeVisible();
  // A new participant link can be made here; the old one stops working.
  await page.getByRole('button', { name: 'Создать новую ссылку для участников' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Создать ссылку', exact: true }).click();
  const renewed = page.getByRole('textbox', { name: 'Ссылка для участников' });
  await expect(renewed).toHaveValue(new RegExp(`/join/${session.sessionId}#key=[A-Za-z0-9_-]{43}$`));
  await expect(renewed).toBeFocused();
  expect(await renewed.inputValue()).not.toContain(session.invite.token);
  await expect(callProcedure(request, 'session.get', { sessionId: session.sessionId }, session.invite.token)).rejects.toThrow(/403/);
  await page.getByText('Ваша ссылка модератора (никому не передавайте)').click();
  await expect(page.getByRole('textbox', { name: 'Ссылка модератора' })).toHaveValue(/#key=/);
  await expectAccessible(page, 'set-up step 4 on a phone');
  await page.screenshot({ path: `${SHOTS}/setup-phone-4-invite.png` });
});

test('a session link without its key says the link does not open the session', async ({ page }) => {
  await page.goto('/s/2f1c1a4e-7d0b-4c55-9d51-3b0b7f0c2a11');
  await expect(page.getByRole('heading', { level: 1, name: 'This link does not open the session' })).toBeVisible();
  await expect(page.getByText('This link does not open this session. Ask the facilitator for a new link.')).toBeVisible();
  await page.goto('/s/2f1c1a4e-7d0b-4c55-9d51-3b0b7f0c2a11/setup');
  await expect(page.getByText('This link does not open this session. Ask the facilitator for a new link.')).toBeVisible();
  await expectAccessible(page, 'the no-access page');
});

test('a change made elsewhere meanwhile is reported, reloaded, and the edit can be made again', async ({ page, request }) => {
  const session = await createSession(request, { title: 'Ganja agri-food cluster' });
  await page.goto(session.facilitator.path);
  const region = page.getByRole('textbox', { name: 'Region' });
  await expect(region).toBeVisible();

  // A co-facilitator renames the session from another device while this page still shows version 1.
  await callProcedure(
    request,
    'session.update',
    { sessionId: session.sessionId, expectedVersion: session.version, title: 'Ganja agri-food cluster 2026' },
    session.facilitator.token,
  );
  await region.fill('Ganja-Dashkasan');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this session a moment ago.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Ganja agri-food cluster 2026' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Title of the decision/ })).toHaveValue('Ganja agri-food cluster 2026');
  // What was typed is kept; leaving the field again saves it on the new version.
  await expect(region).toHaveValue('Ganja-Dashkasan');
  await region.focus();
  await page.keyboard.press('Tab');
  await expect(savedState(page)).toBeVisible();
  await expect(page.getByText('Someone else changed this session a moment ago.', { exact: false })).toBeHidden();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Region' })).toHaveValue('Ganja-Dashkasan');
});
