import { type APIRequestContext, type BrowserContext, type Page, expect as baseExpect, test } from '@playwright/test';
import { callProcedure } from './fixtures/api';
import { expectAccessible } from './fixtures/accessibility';
import { messagesOf } from './fixtures/messages';

/**
 * The whole journey as new users take it, in English and in Russian: a facilitator creates a session from the
 * default model, edits a criterion, copies the invite; a participant (another browser, on a phone) joins,
 * answers every comparison with the keyboard only, meets an inconsistency warning and takes the suggested fix,
 * scores the options, reloads half-way and resumes, sees their own result; the facilitator reads the results
 * page. Elements are found by role and label; the labels come from the message files of the language under
 * test, so both journeys check the same screens. Every page is checked with axe and photographed as
 * test-results/screenshots/journey-<locale>-<step>.png.
 */

type Locale = 'en' | 'ru';

const SHOTS = 'test-results/screenshots';
/** Pages met for the first time may still be compiling on a shared `next dev`: a patient expect. */
const expect = baseExpect.configure({ timeout: 30_000 });
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Each screen of the journey: checked with axe, then photographed (whole page). */
function recorder(locale: Locale) {
  return async (page: Page, name: string, where: string) => {
    await expectAccessible(page, where);
    await page.screenshot({ path: `${SHOTS}/journey-${locale}-${name}.png`, fullPage: true });
  };
}

/** The answer the participant means for criteria pair (i, j), > 0 favouring i: criterion 5 (index 4) is
 * moderately more important than each other one; the last pair is answered the wrong way round on purpose. */
function plannedPosition(i: number, j: number): number {
  if (i === 4 && j === 5) return -8;
  if (j === 4) return -2;
  if (i === 4) return 2;
  return 0;
}

const LEVELS = [
  'equal',
  'equalToModerate',
  'moderate',
  'moderateToStrong',
  'strong',
  'strongToVeryStrong',
  'veryStrong',
  'veryStrongToExtreme',
  'extreme',
];

/** From the focused question: Tab into the verbal scale (it lands on "equal"), then the keys for the answer. */
async function answerByKeyboard(page: Page, position: number) {
  await page.keyboard.press('Tab');
  if (position === 0) await page.keyboard.press('Space');
  else if (position === -8) await page.keyboard.press('End');
  else if (position === 8) await page.keyboard.press('Home');
  else {
    const key = position > 0 ? 'ArrowUp' : 'ArrowDown';
    for (let step = 0; step < Math.abs(position); step++) await page.keyboard.press(key);
  }
}

async function localStorageToken(page: Page, sessionId: string, role: 'facilitator' | 'participant'): Promise<string> {
  const links = await page.evaluate(() => window.localStorage.getItem('clusterwise.links'));
  const found = (JSON.parse(links ?? '[]') as Array<{ sessionId: string; token: string; role: string }>).find(
    (link) => link.sessionId === sessionId && link.role === role,
  );
  if (!found) throw new Error(`no ${role} link for ${sessionId} in this browser`);
  return found.token;
}

/** The names the participant will read: criteria and strategies of the session, in `locale`. */
async function modelNames(request: APIRequestContext, sessionId: string, token: string, locale: Locale) {
  const session = await callProcedure<{
    model: { criteria: Array<{ name: Record<string, string> }>; alternatives: Array<{ name: Record<string, string> }> };
  }>(request, 'session.get', { sessionId }, token);
  const pick = (name: Record<string, string>) => name[locale] || name.en || Object.values(name)[0] || '';
  return { criteria: session.model.criteria.map((c) => pick(c.name)), strategies: session.model.alternatives.map((a) => pick(a.name)) };
}

const PLAN: Record<Locale, { title: string; region: string; cluster: string; question: string; renamed: string; person: string }> = {
  en: {
    title: 'Absheron petrochemical cluster strategy',
    region: 'Absheron',
    cluster: 'Petrochemicals',
    question: 'Which regulation strategy should the petrochemical cluster follow for the next five years?',
    renamed: 'Environment and green transition',
    person: 'Aysel Mammadova',
  },
  ru: {
    title: 'Стратегия нефтехимического кластера Татарстана',
    region: 'Республика Татарстан',
    cluster: 'Нефтехимия',
    question: 'Какой стратегии регулирования следовать нефтехимическому кластеру в ближайшие пять лет?',
    renamed: 'Экология и зелёный переход',
    person: 'Ильдар Хамитов',
  },
};

/** Rating of strategy s under criterion c (names of the ratings scale), for the participant to choose. */
const RATINGS = [
  ['high', 'very-high', 'moderate'],
  ['moderate', 'high', 'high'],
  ['low', 'moderate', 'high'],
  ['low', 'moderate', 'very-high'],
  ['moderate', 'very-high', 'high'],
  ['high', 'very-high', 'moderate'],
];

for (const locale of ['en', 'ru'] as const) {
  test(`the whole journey in ${locale === 'en' ? 'English' : 'Russian'}`, async ({ browser, request, baseURL }) => {
    test.setTimeout(420_000);
    const m = messagesOf(locale);
    const en = messagesOf('en');
    const plan = PLAN[locale];
    const record = recorder(locale);

    const facilitatorContext: BrowserContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    await facilitatorContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const facilitator = await facilitatorContext.newPage();

    // 1. The landing page; the Russian journey switches the language there with the switcher.
    await facilitator.goto('/');
    if (locale === 'ru') {
      await facilitator.getByLabel(en('common.nav.language')).selectOption('ru');
      await expect(facilitator.getByLabel(m('common.nav.language'))).toHaveValue('ru');
    }
    await expect(facilitator.getByRole('heading', { level: 1, name: m('landing.title') })).toBeVisible();
    await record(facilitator, '01-landing', 'the landing page');
    await facilitator.getByRole('link', { name: m('landing.start') }).first().click();

    // 2. A new decision from the default model.
    await expect(facilitator.getByRole('heading', { level: 1, name: m('setup.new.title') })).toBeVisible();
    await facilitator.getByRole('textbox', { name: m('setup.fields.title.label') }).fill(plan.title);
    await facilitator.getByRole('textbox', { name: m('setup.fields.region.label') }).fill(plan.region);
    await facilitator.getByRole('textbox', { name: m('setup.fields.cluster.label') }).fill(plan.cluster);
    await facilitator.getByRole('textbox', { name: m('setup.fields.question.label') }).fill(plan.question);
    await record(facilitator, '02-new', 'the new-decision form');
    await facilitator.getByRole('button', { name: m('setup.new.create') }).click();

    // 3. Set-up step 1: the question and the cluster.
    await expect(facilitator).toHaveURL(/\/s\/[0-9a-f-]{36}\/setup/);
    const sessionId = /\/s\/([0-9a-f-]{36})\//.exec(facilitator.url())![1]!;
    const stepHeading = (key: string) => facilitator.getByRole('heading', { level: 2, name: new RegExp(m(`setup.steps.${key}.title`)) });
    await expect(stepHeading('details')).toBeVisible();
    await record(facilitator, '03-setup-details', 'set-up step 1');
    const next = async (key: string) => {
      await facilitator.getByRole('button', { name: m('common.actions.next'), exact: true }).focus();
      await facilitator.keyboard.press('Enter');
      await expect(stepHeading(key)).toBeFocused();
    };

    // 4. Step 2: edit a criterion of the default model.
    await next('model');
    const criterionName = facilitator.getByRole('textbox', {
      name: `${m('setup.model.name')} (${m('setup.model.criterionRef', { number: 4 })})`,
      exact: true,
    });
    await criterionName.fill(plan.renamed);
    await facilitator.keyboard.press('Tab');
    await expect(facilitator.getByRole('status').filter({ hasText: new RegExp(`^${m('common.actions.saved')}$`) })).toBeVisible();
    await record(facilitator, '04-setup-model', 'set-up step 2');

    // 5. Step 3: the cluster profile (rated in tests/e2e/profile.spec.ts); step 4: the strategies are rated, and
    // participants see their own and the group's result.
    await next('profile');
    await next('method');
    await facilitator.getByRole('radio', { name: new RegExp(escapeRegExp(m('setup.method.alternativeScoring.options.ratings.name'))) }).check();
    await facilitator.getByRole('radio', { name: new RegExp(escapeRegExp(m('setup.method.participantResults.options.own-and-group.name'))) }).check();
    await expect(facilitator.getByRole('status').filter({ hasText: new RegExp(`^${m('common.actions.saved')}$`) })).toBeVisible();
    await record(facilitator, '05-setup-method', 'set-up step 4');

    // 6. Step 5: copy the invite, open the session for answers.
    await next('invite');
    await facilitator.getByRole('button', { name: m('setup.invite.copyLink'), exact: true }).click();
    const inviteUrl = await facilitator.evaluate(() => navigator.clipboard.readText());
    expect(inviteUrl).toMatch(new RegExp(`/join/${sessionId}#key=[A-Za-z0-9_-]{43}$`));
    await facilitator.getByRole('button', { name: m('setup.invite.open') }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: m('setup.invite.confirmOpen') }).click();
    await expect(facilitator.getByText(m('setup.invite.status.open'), { exact: false })).toBeVisible();
    await record(facilitator, '06-setup-invite', 'set-up step 5');

    const names = await modelNames(request, sessionId, await localStorageToken(facilitator, sessionId, 'facilitator'), locale);
    expect(names.criteria[3]).toBe(plan.renamed);
    const sentence = (i: number, j: number, position: number) => {
      const [a, b] = position >= 0 ? [names.criteria[i]!, names.criteria[j]!] : [names.criteria[j]!, names.criteria[i]!];
      return m('questionnaire.judgment.criteria', { level: LEVELS[Math.abs(position)]!, a, b });
    };

    // 7. The participant, in another browser on a phone, opens the invite and joins.
    const participantContext = await browser.newContext({ viewport: PHONE, locale: 'en-GB', hasTouch: true });
    const participant = await participantContext.newPage();
    await participant.goto(inviteUrl);
    if (locale === 'ru') await participant.getByLabel(en('common.nav.language')).selectOption('ru');
    await expect(participant.getByRole('heading', { level: 1, name: plan.title })).toBeVisible();
    await expect(participant.getByRole('button', { name: m('questionnaire.join.submit') })).toBeVisible();
    await record(participant, '07-join', 'the join page');
    await participant.getByLabel(m('questionnaire.join.nameLabel')).fill(plan.person);
    await participant.getByRole('radio', { name: m('common.stakeholderGroups.science-education') }).check();
    await participant.getByRole('button', { name: m('questionnaire.join.submit') }).click();
    await participant.waitForURL(`**/s/${sessionId}/q`);

    // 8. The cluster profile step, then on with the keyboard.
    await expect(participant.getByRole('heading', { level: 2, name: m('questionnaire.profile.title') })).toBeVisible();
    await record(participant, '08-profile', 'the questionnaire: profile');
    await participant.getByRole('button', { name: m('questionnaire.nav.next'), exact: true }).press('Enter');

    // 9. Every criteria comparison with the keyboard only.
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < names.criteria.length; i++) for (let j = i + 1; j < names.criteria.length; j++) pairs.push([i, j]);
    for (const [index, [i, j]] of pairs.entries()) {
      const question = participant.getByRole('heading', {
        level: 2,
        name: m('questionnaire.pair.question.criteria', { a: names.criteria[i]!, b: names.criteria[j]! }),
      });
      await expect(question).toBeFocused();
      await expect(participant.getByText(m('questionnaire.pair.count', { n: index + 1, count: pairs.length }))).toBeVisible();
      const position = plannedPosition(i, j);
      await answerByKeyboard(participant, position);
      await expect(participant.getByRole('radio', { name: sentence(i, j, position), checked: true })).toBeFocused();
      if (index === 0) await record(participant, '09-comparison', 'the questionnaire: a comparison');
      if (index < pairs.length - 1) await participant.keyboard.press('Enter');
    }

    // 10. The last answer contradicts the others: the warning says so and offers the answer that fits.
    const warning = participant.getByRole('region', { name: m('questionnaire.consistency.title') });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(sentence(4, 5, 2));
    await participant.keyboard.press('Enter');
    await expect(warning.getByRole('heading', { name: m('questionnaire.consistency.title') })).toBeFocused();
    await record(participant, '10-inconsistent', 'the questionnaire: inconsistency warning');
    await participant.keyboard.press('Tab');
    await expect(warning.getByRole('button', { name: m('questionnaire.consistency.apply') })).toBeFocused();
    await participant.keyboard.press('Enter');
    await expect(warning).toBeHidden();
    await expect(participant.getByRole('radio', { name: sentence(4, 5, 2), checked: true })).toBeVisible();
    await record(participant, '11-fixed', 'the questionnaire: inconsistency fixed');
    await participant.getByRole('button', { name: m('questionnaire.nav.next'), exact: true }).press('Enter');

    // 11. Scoring the options; a reload half-way resumes at the same place.
    for (const [c, criterion] of names.criteria.entries()) {
      await expect(
        participant.getByRole('heading', { level: 2, name: m('questionnaire.ratings.question', { criterion }) }),
      ).toBeVisible();
      for (const [s, strategy] of names.strategies.entries()) {
        await participant
          .getByRole('radiogroup', { name: strategy })
          .getByRole('radio', { name: m(`common.rating.${RATINGS[c]![s]!}`), exact: true })
          .check();
      }
      await expect(participant.getByRole('status').filter({ hasText: m('common.actions.saved') })).toBeVisible();
      if (c === 0) await record(participant, '12-ratings', 'the questionnaire: ratings');
      if (c === 2) {
        await participant.reload();
        await expect(
          participant.getByRole('heading', { level: 2, name: m('questionnaire.ratings.question', { criterion: names.criteria[3]! }) }),
        ).toBeVisible();
        await record(participant, '13-resumed', 'the questionnaire after a reload');
        continue;
      }
      const isLast = c === names.criteria.length - 1;
      await participant.getByRole('button', { name: m(isLast ? 'questionnaire.nav.toResult' : 'questionnaire.nav.next'), exact: true }).click();
    }

    // 12. The participant's own result, then the results page as a participant.
    await expect(participant.getByRole('heading', { level: 2, name: m('questionnaire.result.title') })).toBeVisible();
    await expect(participant.getByRole('list', { name: m('questionnaire.result.optionsTitle') }).getByRole('listitem')).toHaveCount(3);
    await record(participant, '14-own-result', 'the questionnaire: own result');
    await participant.goto(`/s/${sessionId}/results`);
    await expect(participant.getByRole('heading', { level: 1, name: m('results.heading') })).toBeVisible();
    await expect(participant.getByRole('radio', { name: m('results.scope.own') })).toBeChecked();
    await expect(participant.getByRole('list', { name: m('results.ranking.chartLabel') }).getByRole('listitem')).toHaveCount(3);
    await record(participant, '15-participant-results', 'the results page (participant)');

    // 13. The facilitator reads the results page: it computes the group result on the first visit.
    await facilitator.getByRole('link', { name: m('setup.invite.resultsLink') }).click();
    await expect(facilitator).toHaveURL(new RegExp(`/s/${sessionId}/results$`));
    await expect(facilitator.getByRole('heading', { level: 1, name: m('results.heading') })).toBeVisible();
    await expect(facilitator.getByText(m('results.summary.groupBasisOf', { included: 1, joined: 1 }), { exact: false })).toBeVisible();
    const ranking = facilitator.getByRole('list', { name: m('results.ranking.chartLabel') });
    await expect(ranking.getByRole('listitem')).toHaveCount(3);
    await expect(facilitator.getByRole('list', { name: m('results.weights.globalChart') }).getByRole('listitem').nth(3)).toContainText(
      plan.renamed,
    );
    await expect(facilitator.getByRole('heading', { level: 2, name: m('results.consistency.title') })).toBeVisible();
    await record(facilitator, '16-results', 'the results page (facilitator)');
    await facilitator.getByRole('radio', { name: m('results.view.tables') }).check();
    await expect(facilitator.getByRole('table', { name: m('results.ranking.tableCaption') }).getByRole('row')).toHaveCount(4);
    await record(facilitator, '17-results-tables', 'the results page as tables');

    await participantContext.close();
    await facilitatorContext.close();
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
