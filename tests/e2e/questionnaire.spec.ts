import { expect, type Page, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { expectAccessible } from './fixtures/accessibility';

/**
 * The participant's journey through the guided questionnaire, as a new user on a phone or a laptop would take
 * it: join from the invite link, answer every criteria comparison with the keyboard only, meet an
 * inconsistency and take the suggested fix, score the options, reload half-way and resume, see the own result.
 */

const SHOTS = 'test-results/screenshots';
/** What the slider says before it is answered (messages questionnaire.pair.notAnswered). */
const NOT_ANSWERED = 'Not answered yet';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const CRITERIA = [
  'Economic growth and innovation',
  'Jobs and quality of life',
  'Social development and integration',
  'Environmental sustainability',
  'Geographic and infrastructural development',
  'International competitiveness',
];
const STRATEGIES = ['Specialization (monoculture)', 'Hubbing', 'Integration'];

async function shot(page: Page, name: string, { phone = false } = {}) {
  if (phone) await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/questionnaire-${name}.png`, fullPage: true });
  if (phone) await page.setViewportSize(DESKTOP);
}

/** The answer the participant means for pair (i, j): position > 0 favours criterion i (the one named first). */
function plannedPosition(i: number, j: number): number {
  // Consistent with weights 1:1:1:1:3:1 (criterion 4 moderately more important than each other), except the
  // last pair, answered the wrong way round on purpose.
  if (i === 4 && j === 5) return -8;
  if (j === 4) return -2;
  if (i === 4) return 2;
  return 0;
}

function sentence(i: number, j: number, position: number): string {
  const [first, second] = position >= 0 ? [CRITERIA[i], CRITERIA[j]] : [CRITERIA[j], CRITERIA[i]];
  const level = { 0: 'equally', 2: 'moderately more', 4: 'strongly more', 8: 'extremely more' }[Math.abs(position)];
  return position === 0
    ? `“${first}” and “${second}” are equally important`
    : `“${first}” is ${level} important than “${second}”`;
}

/** From the focused question: Tab into the scale (it lands on "equal"), then the keys for the planned answer. */
async function answerWithList(page: Page, position: number) {
  await page.keyboard.press('Tab');
  if (position === 0) await page.keyboard.press('Space');
  else if (position === -8) await page.keyboard.press('End');
  else {
    const key = position > 0 ? 'ArrowUp' : 'ArrowDown';
    for (let step = 0; step < Math.abs(position); step++) await page.keyboard.press(key);
  }
}

test('a participant joins, answers by keyboard, resolves an inconsistency, scores, resumes and sees the own result', async ({
  page,
  request,
}) => {
  await page.setViewportSize(DESKTOP);
  const session = await createSession(request, {
    title: 'Kazan petrochemical cluster',
    cluster: 'Petrochemicals',
    region: 'Tatarstan',
    question: 'Which regulation strategy should the cluster follow over the next five years?',
    alternativeScoring: 'ratings',
    participantResults: 'own',
  });
  await callProcedure(
    request,
    'profile.save',
    {
      sessionId: session.sessionId,
      profile: {
        ratings: {
          'innovative-activity': 4,
          'management-quality': 3,
          'cooperation-level': 2,
          'public-policy': 4,
          infrastructure: 3,
          'market-dynamics': 3,
          'leading-enterprises': 5,
          'qualified-personnel': 3,
          'innovation-infrastructure': 2,
          'public-private-partnership': 2,
          'government-support': 4,
        },
        regionalPriorities: { 'import-substitution': 1, 'technological-sovereignty': 0.8, digitalization: 0.4 },
      },
    },
    session.facilitator.token,
  );

  // 1. The invite link: the key leaves the address bar, the form asks for a name and a group.
  await page.goto(session.invite.path);
  await expect(page.getByRole('heading', { level: 1, name: 'Kazan petrochemical cluster' })).toBeVisible();
  await expect(page).not.toHaveURL(/#key=/);
  await expectAccessible(page);
  await shot(page, '01-join');
  await shot(page, '01-join-phone', { phone: true });

  await page.getByRole('button', { name: 'Join and start' }).click();
  await expect(page.getByText('Enter your name.')).toBeVisible();
  await expect(page.getByText('Choose your stakeholder group.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeFocused();
  await shot(page, '02-join-errors');

  await page.getByLabel('Your name').fill('Aysel Mammadova');
  await page.getByRole('radio', { name: 'Science and education' }).check();
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(`**/s/${session.sessionId}/q`);

  // 2. The cluster profile, as the facilitator assessed it.
  await expect(page.getByRole('heading', { level: 2, name: "The cluster's situation" })).toBeVisible();
  await expect(page.getByText('Answering as Aysel Mammadova · Science and education')).toBeVisible();
  await expect(page.getByText('5 · Very strong')).toBeVisible();
  await expectAccessible(page);
  await shot(page, '03-profile');
  await page.getByRole('button', { name: 'Next', exact: true }).press('Enter');

  // The questionnaire's one <h1> is the session's title; each question is an <h2> under it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kazan petrochemical cluster');

  // 3. Every criteria comparison, keyboard only. Pair 2 is answered with the slider, then back to the list.
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < CRITERIA.length; i++) for (let j = i + 1; j < CRITERIA.length; j++) pairs.push([i, j]);
  for (const [index, [i, j]] of pairs.entries()) {
    const question = page.getByRole('heading', {
      level: 2,
      name: `How much more important is “${CRITERIA[i]}” than “${CRITERIA[j]}” for this cluster?`,
    });
    await expect(question).toBeFocused();
    await expect(page.getByText(`Comparison ${index + 1} of 15`)).toBeVisible();
    const position = plannedPosition(i, j);

    if (index === 1) {
      // Switch to the slider: Tab past the scale and the optional reason to "Answer with", arrow to "a slider", back.
      const reason = page.getByText('Add a reason (optional)');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(reason).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('radio', { name: 'a list of answers' })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      const slider = page.getByRole('slider', { name: `Your answer: “${CRITERIA[i]}” or “${CRITERIA[j]}”` });
      await expect(slider).toBeVisible();
      await page.keyboard.press('Shift+Tab');
      await expect(reason).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await expect(slider).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuetext', `“${CRITERIA[j]}” is equally to moderately more important than “${CRITERIA[i]}”`);
      await page.keyboard.press('ArrowLeft');
      await expect(slider).toHaveAttribute('aria-valuetext', sentence(i, j, 0));
      await shot(page, '05-slider');
      await page.keyboard.press('Enter');
      continue;
    }
    if (index === 2) {
      // Still the slider (the choice is remembered); answer, then switch back to the list by keyboard.
      const slider = page.getByRole('slider', { name: `Your answer: “${CRITERIA[i]}” or “${CRITERIA[j]}”` });
      await expect(slider).toHaveAttribute('aria-valuetext', NOT_ANSWERED);
      // An unanswered slider rests in the middle: a tap there answers "equally important".
      await slider.click();
      await expect(slider).toHaveAttribute('aria-valuetext', sentence(i, j, 0));
      await expect(slider).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuetext', sentence(i, j, 0));
      await page.keyboard.press('Tab');
      await expect(page.getByText('Add a reason (optional)')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('radio', { name: 'a slider' })).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await expect(page.getByRole('radio', { name: sentence(i, j, 0) })).toBeFocused();
      await page.keyboard.press('Enter');
      continue;
    }

    if (index === 3) {
      // Next stays in view above the 17 answers, on a desktop and on a phone.
      const before = page.viewportSize()!;
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        const next = (await page.getByRole('button', { name: 'Next', exact: true }).boundingBox())!;
        expect(next.y + next.height).toBeLessThanOrEqual(size.height);
      }
      await page.setViewportSize(before);
    }
    await answerWithList(page, position);
    await expect(page.getByRole('radio', { name: sentence(i, j, position), checked: true })).toBeFocused();
    if (index === 0) {
      await expectAccessible(page);
      await shot(page, '04-pair');
      await shot(page, '04-pair-phone', { phone: true });
      // The numbers behind the words, on request: Saaty's scale reads position 4 as 5 : 1, and the other side 1 : 5.
      const numbers = page.getByRole('checkbox', { name: 'Show the numbers behind the answers' });
      await numbers.check();
      await expect(page.getByRole('radio', { name: `${sentence(i, j, 4)} (5 : 1)` })).toBeVisible();
      await expect(page.getByRole('radio', { name: `${sentence(i, j, -8)} (1 : 9)` })).toBeVisible();
      await expect(page.getByRole('radio', { name: `${sentence(i, j, 0)} (1 : 1)` })).toBeVisible();
      await expect(page.getByText("Each answer stands for a ratio (Saaty's 1–9 scale)")).toBeVisible();
      await shot(page, '04-pair-numbers');
      await numbers.uncheck();
      await expect(page.getByRole('radio', { name: sentence(i, j, 4), exact: true })).toBeVisible();
      await page.getByRole('radio', { name: sentence(i, j, position), checked: true }).focus();
    }
    if (index < pairs.length - 1) await page.keyboard.press('Enter');
  }

  // 4. The last answer contradicts the others: the warning names it and suggests the answer that fits.
  const warning = page.getByRole('region', { name: 'Some of your answers contradict each other' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`You said: ${sentence(4, 5, -8)}.`);
  await expect(warning).toContainText(`Your other answers suggest: ${sentence(4, 5, 2)}.`);

  // Accepted on another question of the node, the suggestion says which question it changed and from what,
  // leads there and back, and can be undone.
  const question = (i: number, j: number) =>
    page.getByRole('heading', { level: 2, name: `How much more important is “${CRITERIA[i]}” than “${CRITERIA[j]}” for this cluster?` });
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(question(3, 5)).toBeFocused();
  await warning.getByRole('button', { name: 'Change to the suggested answer' }).click();
  const changed = page.getByRole('status').filter({ hasText: 'Another answer was changed' });
  await expect(changed.getByRole('heading')).toHaveText('✓ Another answer was changed: “Criteria”, question 15 of 15');
  await expect(changed).toContainText(`Now: ${sentence(4, 5, 2)}`);
  await expect(changed).toContainText(`Before: ${sentence(4, 5, -8)}`);
  await expectAccessible(page);
  await shot(page, '06b-suggestion-applied');
  await changed.getByRole('button', { name: 'Show that question (“Criteria”, question 15 of 15)' }).click();
  await expect(question(4, 5)).toBeFocused();
  await expect(page.getByRole('radio', { name: sentence(4, 5, 2), checked: true })).toBeVisible();
  const here = page.getByRole('status').filter({ hasText: 'This answer was changed to the suggested one' });
  await here.getByRole('button', { name: 'Back to where I was' }).click();
  await expect(question(3, 5)).toBeFocused();
  await changed.getByRole('button', { name: 'Undo this change' }).click();
  await expect(changed).toBeHidden();
  await expect(warning).toContainText(`You said: ${sentence(4, 5, -8)}.`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(question(4, 5)).toBeFocused();
  await page.getByRole('radio', { name: sentence(4, 5, -8), checked: true }).focus();
  // Enter would leave the node: the warning gets the focus instead, so it cannot be missed.
  await page.keyboard.press('Enter');
  await expect(warning.getByRole('heading', { name: 'Some of your answers contradict each other' })).toBeFocused();
  await expectAccessible(page);
  await shot(page, '06-inconsistent');
  await shot(page, '06-inconsistent-phone', { phone: true });

  await page.keyboard.press('Tab');
  await expect(warning.getByRole('button', { name: 'Change to the suggested answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();
  await expect(page.getByRole('radio', { name: sentence(4, 5, 2), checked: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'This answer was changed to the suggested one' })).toContainText(
    `Before: ${sentence(4, 5, -8)}`,
  );
  await expect(page.getByText('Consistent enough (CR 0.00 ≤ 0.10)')).toBeVisible();
  await shot(page, '07-fixed');

  // The overview shows the whole node at once, with the fixed answer in it.
  await page.getByRole('button', { name: 'Show all pairs' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'All comparisons: Criteria' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: `“${CRITERIA[4]}” compared with “${CRITERIA[5]}”` })).toHaveValue('2');
  await expectAccessible(page);
  await shot(page, '08-overview');
  await page.getByRole('button', { name: 'Show all pairs' }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();

  // 5. Scoring the options against each criterion; reload half-way and resume where it was.
  const ratingsPlan: Record<string, string[]> = {
    [CRITERIA[0]!]: ['High', 'Very high', 'Moderate'],
    [CRITERIA[1]!]: ['Moderate', 'High', 'High'],
    [CRITERIA[2]!]: ['Low', 'Moderate', 'High'],
    [CRITERIA[3]!]: ['Low', 'Moderate', 'Very high'],
    [CRITERIA[4]!]: ['Moderate', 'Very high', 'High'],
    [CRITERIA[5]!]: ['High', 'Very high', 'Moderate'],
  };
  for (const [index, criterion] of CRITERIA.entries()) {
    const question = page.getByRole('heading', {
      level: 2,
      name: `How much does each option contribute to “${criterion}”?`,
    });
    await expect(question).toBeVisible();
    for (const [s, strategy] of STRATEGIES.entries()) {
      await page
        .getByRole('radiogroup', { name: strategy })
        .getByRole('radio', { name: ratingsPlan[criterion]![s]!, exact: true })
        .check();
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    if (index === 0) {
      await expectAccessible(page);
      await shot(page, '09-ratings');
      await shot(page, '09-ratings-phone', { phone: true });
    }
    if (index === 2) {
      await page.reload();
      const resumed = page.getByRole('heading', {
        level: 2,
        name: `How much does each option contribute to “${CRITERIA[3]}”?`,
      });
      await expect(resumed).toBeVisible();
      await shot(page, '10-resumed');
      // Going back shows the earlier answers, as saved.
      await page.getByRole('button', { name: 'Back' }).click();
      await expect(page.getByRole('radiogroup', { name: STRATEGIES[2]! }).getByRole('radio', { name: 'High', exact: true })).toBeChecked();
    }
    await page.getByRole('button', { name: index === CRITERIA.length - 1 ? 'See my result' : 'Next', exact: true }).click();
  }

  // 6. The participant's own result: weights and ranking as bars with numbers, CR per node.
  await expect(page.getByRole('heading', { level: 2, name: 'Your own result' })).toBeVisible();
  const weights = page.getByRole('list', { name: 'What matters most to you' });
  await expect(weights.getByRole('listitem')).toHaveCount(6);
  await expect(weights.getByRole('listitem').filter({ hasText: CRITERIA[4]! })).toContainText('37.5%');
  const ranking = page.getByRole('list', { name: 'Your ranking of the options' });
  await expect(ranking.getByRole('listitem')).toHaveCount(3);
  await expect(ranking.getByRole('listitem').first()).toContainText('1. Hubbing');
  await expect(page.getByRole('row', { name: /Criteria 0\.00 Consistent enough/ })).toBeVisible();
  await expectAccessible(page);
  await shot(page, '11-result');
  await shot(page, '11-result-phone', { phone: true });
});

test('a browser that already joined goes straight back to the questionnaire', async ({ page, request }) => {
  const session = await createSession(request);
  await page.goto(session.invite.path);
  await page.getByLabel('Your name').fill('Rustam');
  await page.getByRole('radio', { name: 'Finance' }).check();
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(`**/s/${session.sessionId}/q`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('radio', { name: /are equally important/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.goto(session.invite.path);
  await page.waitForURL(`**/s/${session.sessionId}/q`);
  await expect(page.getByText('Comparison 2 of 15')).toBeVisible();
});

test('the questionnaire reads in Russian and Azerbaijani, options compared pairwise', async ({ page, request, context, baseURL }) => {
  await page.setViewportSize(PHONE);
  const session = await createSession(request, { title: 'Кластер ИТ', alternativeScoring: 'pairwise' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: baseURL! }]);

  await page.goto(session.invite.path);
  await expect(page.getByRole('heading', { level: 2, name: 'Представьтесь' })).toBeVisible();
  await page.getByLabel('Ваше имя').fill('Ильдар');
  await page.getByRole('radio', { name: 'Органы власти' }).check();
  await page.getByRole('button', { name: 'Присоединиться и начать' }).click();
  await page.waitForURL(`**/s/${session.sessionId}/q`);
  await expect(page.getByText('Модератор ещё не описал положение кластера.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Далее', exact: true }).click();

  const question = page.getByRole('heading', {
    level: 2,
    name: 'Насколько «Экономический рост и инновации» важнее, чем «Рабочие места и качество жизни», для этого кластера?',
  });
  await expect(question).toBeFocused();
  // Next on an unanswered comparison skips it; the next question says so, with the way back.
  await page.getByRole('button', { name: 'Далее', exact: true }).click();
  const skippedNote = page.getByRole('status').filter({ hasText: 'Вы пропустили вопрос: «Критерии», вопрос 1 из 15.' });
  await skippedNote.getByRole('button', { name: 'Ответить сейчас' }).click();
  await expect(question).toBeFocused();
  await expect(skippedNote).toBeHidden();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp');
  await expect(
    page.getByRole('radio', { name: '«Экономический рост и инновации» равно — немного важнее, чем «Рабочие места и качество жизни»' }),
  ).toBeChecked();
  await expectAccessible(page);
  await shot(page, '12-ru-pair-phone');
  // Long Russian words wrap: no sideways scrolling from 320 to 430 px, with the list and with the slider.
  for (const mode of ['ползунка', 'списка ответов']) {
    const choice = page.getByRole('radio', { name: mode });
    if (await choice.count()) await choice.check();
    for (const width of [320, 360, 430]) {
      await page.setViewportSize({ width, height: PHONE.height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${mode} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize(PHONE);

  // All pairs at once; a cycle that cannot hold (A > B, B > C, C > A) brings the warning, in Russian.
  await page.getByRole('button', { name: 'Показать все пары' }).click();
  const selects = page.getByRole('main').getByRole('combobox');
  await expect(selects).toHaveCount(15);
  for (let k = 0; k < 15; k++) {
    // Pair order: (0,1) (0,2) … (0,5) (1,2) …; k = 0 is (0,1), k = 1 is (0,2), k = 5 is (1,2).
    await selects.nth(k).selectOption(k === 0 || k === 5 ? '8' : k === 1 ? '-8' : '0');
  }
  const warning = page.getByRole('region', { name: 'Некоторые ваши ответы противоречат друг другу' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Вы ответили:');
  await shot(page, '13-ru-overview-warning-phone');

  // Switch to Azerbaijani on the page itself: the answers stay, the words change.
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('az');
  const warningAz = page.getByRole('region', { name: 'Bəzi cavablarınız bir-birinə ziddir' });
  await expect(warningAz).toBeVisible();
  // Azerbaijani decimals: this Chromium lacks the data, so it is loaded and the page mounted again, in place.
  await expect(warningAz).toContainText('0,10');
  await expect(page.locator('html[data-intl-ready="true"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Bütün müqayisələr: Meyarlar' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, '14-az-overview-warning-phone');
  await warningAz.getByRole('button', { name: 'Cavabımı saxla' }).click();
  await expect(warningAz).toBeHidden();
  await expect(page.getByText('Bir-birinə zidd olan cavabları saxladınız', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'İrəli', exact: true }).click();

  // Past the criteria: the options, compared pairwise under the first criterion (still all pairs, then one).
  await expect(
    page.getByRole('heading', { level: 2, name: 'Bütün müqayisələr: «İqtisadi artım və innovasiya» meyarı baxımından variantlar' }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Bütün cütləri göstər' }).click();
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: '«İqtisadi artım və innovasiya» meyarı baxımından «İxtisaslaşma (monokultura)» «Mərkəzləşdirmə (habbinq)» ilə müqayisədə nə qədər üstündür?',
    }),
  ).toBeFocused();
  await expect(page.getByText('«İqtisadi artım və innovasiya» meyarı baxımından variantlar')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('radio', { name: '«Mərkəzləşdirmə (habbinq)» «İxtisaslaşma (monokultura)» ilə müqayisədə bir qədər üstündür' }),
  ).toBeChecked();
  await expectAccessible(page);
  await shot(page, '15-az-options-pair-phone');
});

test('a browser that also holds the facilitator link sees the cluster profile as context, with no form to change it', async ({ page, request }) => {
  await page.setViewportSize(DESKTOP);
  const session = await createSession(request);
  await callProcedure(
    request,
    'profile.save',
    { sessionId: session.sessionId, profile: { ratings: { 'innovative-activity': 4 }, regionalPriorities: { digitalization: 0.6 } } },
    session.facilitator.token,
  );
  await page.goto(session.invite.path);
  await expect(page.getByLabel('Your name')).toBeVisible();
  // The facilitator opened their own link in this browser earlier.
  await page.evaluate(
    ([sessionId, token]) => {
      const links = JSON.parse(window.localStorage.getItem('clusterwise.links') ?? '[]');
      window.localStorage.setItem('clusterwise.links', JSON.stringify([...links, { sessionId, token, role: 'facilitator' }]));
    },
    [session.sessionId, session.facilitator.token],
  );
  await page.getByLabel('Your name').fill('Leyla');
  await page.getByRole('radio', { name: 'Government' }).check();
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(`**/s/${session.sessionId}/q`);

  // The profile is assessed in the set-up only: here it is the facilitator's assessment, read-only.
  await expect(page.getByRole('heading', { level: 2, name: "The cluster's situation" })).toBeVisible();
  await expect(page.getByText('4 · Strong')).toBeVisible();
  await expect(page.getByText('Only the facilitator can change this profile.')).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Innovative activity' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Digitalization' })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, '16-profile-context-both-links');
});

test('an answer given after the facilitator closed the session says so clearly', async ({ page, request }) => {
  await page.setViewportSize(DESKTOP);
  const session = await createSession(request);
  await page.goto(session.invite.path);
  await page.getByLabel('Your name').fill('Samir');
  await page.getByRole('radio', { name: 'Civil society' }).check();
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(`**/s/${session.sessionId}/q`);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^How much more important is/ })).toBeFocused();

  await callProcedure(request, 'session.close', { sessionId: session.sessionId }, session.facilitator.token);
  await page.getByRole('radio', { name: /is strongly more important than/ }).first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'This session is closed' });
  await expect(alert).toContainText('Your last answer was not saved. This session is closed: answers can no longer be given or changed.');
  await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, '17-session-closed');
});
