import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, expect as baseExpect, test } from '@playwright/test';
import type { ClusterProfileDefinition } from '~/core/contracts/profile';
import { callProcedure, createSession } from './fixtures/api';
import { answerAll, joinAs, readModel } from './fixtures/answers';
import { expectAccessible } from './fixtures/accessibility';
import { type Locale, messagesOf } from './fixtures/messages';

/**
 * The cluster profile, in English, Russian and Azerbaijani: the facilitator rates it in the set-up's own step
 * with their link alone (nobody joins), and the results page and the report open with its diagnosis, warning
 * where a strategy leans on a factor rated weak. Labels come from the message and seed files of the language
 * under test. Screens are checked with axe and photographed at 1366 and 360 px.
 */

const SHOTS = 'test-results/screenshots';
/** Pages met for the first time may still be compiling on a shared `next dev`. */
const expect = baseExpect.configure({ timeout: 30_000 });
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 800 };
const DEFINITION: ClusterProfileDefinition = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'db', 'seed', 'profile', 'cluster-profile.v2.json'), 'utf8'),
);

const RATINGS = { infrastructure: 2, 'leading-enterprises': 1, 'market-dynamics': 5, 'cooperation-level': 4 } as const;
const PRIORITY = { key: 'digitalization', level: 4 } as const;

async function photograph(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1366.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/${name}-360.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.setViewportSize(DESKTOP);
}

for (const locale of ['en', 'ru', 'az'] as const satisfies Locale[]) {
  test(`${locale}: the facilitator assesses the profile in the set-up without joining, and the results and report open with its diagnosis`, async ({
    page,
    context,
    request,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const m = messagesOf(locale);
    const text = (value: Record<string, string>) => value[locale]!;
    const factor = (key: string) => text(DEFINITION.factors.find((f) => f.key === key)!.name);
    const label = (rating: number) => text(DEFINITION.ratingLabels[rating - 1]!);
    const needs = (strategy: string, key: string) => text(DEFINITION.strategyReliance!.find((r) => r.strategy === strategy && r.factor === key)!.needs);

    await page.setViewportSize(DESKTOP);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    const session = await createSession(request, { title: `Profile ${locale}`, alternativeScoring: 'ratings', participantResults: 'own-and-group' });
    const model = await readModel(request, session);
    const strategy = (key: string) => text(model.alternatives.find((a) => a.key === key)!.name);

    // The set-up, step 3: the cluster profile, with the facilitator's link only.
    await page.goto(session.facilitator.path);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(m('setup.steps.details.title')) })).toBeVisible();
    await page.getByRole('button', { name: new RegExp(m('setup.steps.profile.short')) }).click();
    const step = page.getByRole('region', { name: new RegExp(m('setup.steps.profile.title')) });
    await expect(step.getByRole('heading', { level: 2 })).toBeFocused();
    // The paper's explanation of each factor is beside its scale, and what leans on it.
    const infrastructure = step.getByRole('group', { name: factor('infrastructure'), exact: true });
    await expect(infrastructure).toHaveAccessibleDescription(new RegExp(needs('hubbing', 'infrastructure')));
    await expect(infrastructure.getByText(text(DEFINITION.factors.find((f) => f.key === 'infrastructure')!.description))).toBeVisible();

    for (const [key, rating] of Object.entries(RATINGS)) {
      await step
        .getByRole('group', { name: factor(key), exact: true })
        .getByRole('radio', { name: m('questionnaire.profile.ratingValue', { value: rating, label: label(rating) }) })
        .check();
    }
    const priorityName = text(DEFINITION.regionalPriorities.find((p) => p.key === PRIORITY.key)!.name);
    await step.getByRole('combobox', { name: priorityName }).selectOption({ label: m(`questionnaire.profile.priorityLevels.${PRIORITY.level}`) });
    await expect(step.getByRole('status').filter({ hasText: new RegExp(`^${m('common.actions.saved')}$`) })).toBeVisible();
    await expect(step.getByText(m('setup.profile.rated', { rated: 4, total: DEFINITION.factors.length }))).toBeVisible();
    await expectAccessible(page, `the profile step (${locale})`);
    await photograph(page, `profile-${locale}-setup`);

    await expect
      .poll(async () => {
        const saved = await callProcedure<{ ratings: Record<string, number>; regionalPriorities: Record<string, number> } | null>(
          request,
          'profile.get',
          { sessionId: session.sessionId },
          session.facilitator.token,
        );
        return saved && { ratings: saved.ratings, regionalPriorities: saved.regionalPriorities };
      })
      .toEqual({ ratings: RATINGS, regionalPriorities: { [PRIORITY.key]: PRIORITY.level / 5 } });
    // Assessing the profile made nobody a participant.
    const before = await callProcedure<{ participantCount: number }>(request, 'session.get', { sessionId: session.sessionId }, session.facilitator.token);
    expect(before.participantCount).toBe(0);

    // Two stakeholders answer; the facilitator computes the group result.
    for (const [seed, person] of [
      { name: 'Aysel Mammadova', group: 'government', importance: [4, 3, 2, 2, 1, 3] },
      { name: 'Ivan Petrov', group: 'enterprises', importance: [5, 2, 1, 3, 1, 4] },
    ].entries()) {
      const participant = await joinAs(request, session, person.name, person.group);
      await answerAll(request, session, participant, { importance: person.importance, seed, scoring: 'ratings' });
    }
    await callProcedure(request, 'result.compute', { sessionId: session.sessionId }, session.facilitator.token);
    const after = await callProcedure<{ participantCount: number }>(request, 'session.get', { sessionId: session.sessionId }, session.facilitator.token);
    expect(after.participantCount).toBe(2);

    const hubbingWarning = m('results.diagnosis.warning', {
      strategy: strategy('hubbing'),
      needs: needs('hubbing', 'infrastructure'),
      factor: factor('infrastructure'),
      rating: 2,
      max: 5,
      label: label(2),
    });
    const specializationWarning = m('results.diagnosis.warning', {
      strategy: strategy('specialization'),
      needs: needs('specialization', 'leading-enterprises'),
      factor: factor('leading-enterprises'),
      rating: 1,
      max: 5,
      label: label(1),
    });
    const rated = (key: keyof typeof RATINGS) => m('results.diagnosis.factorRating', { factor: factor(key), rating: RATINGS[key], max: 5, label: label(RATINGS[key]) });

    for (const where of ['results', 'report'] as const) {
      await page.goto(`/s/${session.sessionId}/${where}`);
      const diagnosis = page.getByRole('region', { name: m('results.diagnosis.title') });
      await expect(diagnosis).toBeVisible();
      // The result opens with the diagnosis: its section comes before the recommendation's (the results page's
      // export tools sit above both).
      await expect(page.getByRole('region', { name: m('results.recommendation.title') })).toBeVisible();
      const headings = await page.locator('main section h2').allTextContents();
      expect(headings.indexOf(m('results.diagnosis.title'))).toBeGreaterThanOrEqual(0);
      expect(headings.indexOf(m('results.diagnosis.title'))).toBeLessThan(headings.indexOf(m('results.recommendation.title')));
      await expect(diagnosis.getByRole('heading', { level: 3, name: m('results.diagnosis.strengths') })).toBeVisible();
      await expect(diagnosis).toContainText(rated('market-dynamics'));
      await expect(diagnosis).toContainText(rated('cooperation-level'));
      await expect(diagnosis.getByRole('heading', { level: 3, name: m('results.diagnosis.missing') })).toBeVisible();
      await expect(diagnosis).toContainText(rated('leading-enterprises'));
      await expect(diagnosis.getByText(hubbingWarning)).toBeVisible();
      await expect(diagnosis.getByText(specializationWarning)).toBeVisible();
      // Integration leans on cooperation, rated 4: no warning for it.
      await expect(diagnosis.getByText(m('results.diagnosis.warningLabel'))).toHaveCount(2);
      await expectAccessible(page, `the ${where} page's diagnosis (${locale})`);
      await photograph(page, `profile-${locale}-${where}`);
      await diagnosis.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/profile-${locale}-${where}-diagnosis-1366.png` });
    }
  });
}
