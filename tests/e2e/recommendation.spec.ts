import { expect as baseExpect, type APIRequestContext, test } from '@playwright/test';
import { callProcedure, type CreatedSession, createSession } from './fixtures/api';
import { answerAll, joinAs, readModel } from './fixtures/answers';
import { expectAccessible } from './fixtures/accessibility';

/**
 * The recommendation on the results page: the numbers it shows are the engine's (read back over the API), the
 * what-if slider crosses a reported threshold with the keyboard and the first place changes on screen, the
 * section reads in Russian, and the facilitator's own measure, added in the set-up, is recommended with its
 * reasons.
 */

const SHOTS = 'test-results/screenshots';
/** A shared `next dev` may still be compiling a page met for the first time. */
const expect = baseExpect.configure({ timeout: 20_000 });

type Recommendation = {
  strategy: {
    strategy: string;
    score: number;
    runnerUp: string | null;
    margin: number;
    isTie: boolean;
    probabilityFirst: number | null;
    ranking: Array<{ key: string; probabilityFirst: number | null }>;
    nearestThreshold: { criterion: string; weight: number; threshold: number; direction: 'rises' | 'falls'; newTop: string } | null;
  };
  rankProbability: { samples: number } | null;
  measures: Array<{ key: string; score: number }>;
};

/** Spaces as the browser's and Node's number formats may differ (no-break, narrow no-break). */
const spaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
const percent = (locale: string, value: number) =>
  spaces(new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value));
const points = (locale: string, share: number) =>
  spaces(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(share * 1000) / 10));

/** A draft session with the facilitator's own measure, a cluster profile, three participants' answers and a group result. */
async function decidedSession(request: APIRequestContext, title: string): Promise<{ session: CreatedSession; ownMeasure: string }> {
  const session = await createSession(request, { title, alternativeScoring: 'ratings', participantResults: 'own-and-group' });
  const { version } = await callProcedure<{ version: number }>(request, 'session.get', { sessionId: session.sessionId }, session.facilitator.token);
  const model = await readModel(request, session);
  const added = await callProcedure<{ key: string }>(
    request,
    'model.addMeasure',
    {
      sessionId: session.sessionId,
      expectedVersion: version,
      family: 'public-support',
      name: { en: 'Cluster skills academy', ru: 'Академия навыков кластера' },
      rationale: { en: 'Trains the people every strategy needs.', ru: 'Готовит людей, которые нужны любой стратегии.' },
      criteria: model.criteria.map((c) => c.key),
      answersWeaknesses: ['qualified-personnel'],
      servesPriorities: ['digitalization'],
      strategyFit: Object.fromEntries(model.alternatives.map((a) => [a.key, 1])),
    },
    session.facilitator.token,
  );
  await callProcedure(
    request,
    'profile.save',
    {
      sessionId: session.sessionId,
      profile: { ratings: { 'qualified-personnel': 1, 'cooperation-level': 2, 'market-dynamics': 4 }, regionalPriorities: { digitalization: 0.8, 'economic-security': 0.4 } },
    },
    session.facilitator.token,
  );
  const people = [
    { name: 'Aysel Mammadova', group: 'government', importance: [4, 3, 2, 2, 1, 3] },
    { name: 'Ivan Petrov', group: 'enterprises', importance: [5, 2, 1, 3, 1, 4] },
    { name: 'Leyla Aliyeva', group: 'science-education', importance: [2, 4, 2, 5, 1, 3] },
  ];
  for (const [seed, person] of people.entries()) {
    const participant = await joinAs(request, session, person.name, person.group);
    await answerAll(request, session, participant, { importance: person.importance, seed, scoring: 'ratings' });
  }
  await callProcedure(request, 'result.compute', { sessionId: session.sessionId }, session.facilitator.token);
  return { session, ownMeasure: added.key };
}

test('the recommendation shows the engine’s numbers, and the what-if slider crosses the reported threshold', async ({ page, request }) => {
  test.setTimeout(180_000);
  const { session, ownMeasure } = await decidedSession(request, 'Ganja agri-food cluster');
  const engine = await callProcedure<Recommendation>(request, 'result.recommendation', { sessionId: session.sessionId, scope: 'group' }, session.facilitator.token);
  const model = await readModel(request, session);
  const strategyName = (key: string) => model.alternatives.find((a) => a.key === key)!.name.en!;
  const criterionName = (key: string) => model.criteria.find((c) => c.key === key)!.name.en!;
  const { strategy } = engine;
  expect(engine.measures[0]!.key).toBe(ownMeasure);

  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  const section = page.getByRole('region', { name: 'Recommendation' });
  await expect(section).toBeVisible();

  // The verdict: the strategy, its score, its lead and how often it came first, as the engine computed them.
  await expect(section.getByText(strategyName(strategy.strategy), { exact: true })).toBeVisible();
  const facts = section.getByRole('definition');
  await expect(facts.nth(0)).toHaveText(percent('en', strategy.score));
  await expect(facts.nth(1)).toHaveText(`${points('en', strategy.margin)} percentage points`);
  await expect(facts.nth(2)).toHaveText(`${percent('en', strategy.probabilityFirst!)} of 2,000 trials (spread of the room)`);

  // The explanation quotes the same numbers and the nearest threshold.
  const explanation = section.getByRole('region', { name: 'In plain words' });
  await expect(explanation).toContainText(
    `${strategyName(strategy.strategy)} ranks first with ${percent('en', strategy.score)}, ${points('en', strategy.margin)} percentage points ahead of ${strategyName(strategy.runnerUp!)}.`,
  );
  const nearest = strategy.nearestThreshold!;
  await expect(explanation).toContainText(
    `It stays first unless the weight of “${criterionName(nearest.criterion)}” ${nearest.direction === 'rises' ? 'rises above' : 'falls below'} ${percent('en', nearest.threshold)} (now ${percent('en', nearest.weight)}); then ${strategyName(nearest.newTop)} would take first place.`,
  );
  await expect(explanation).toContainText(
    `When each answer is varied as much as the participants disagree on it, ${strategyName(strategy.strategy)} comes first in ${percent('en', strategy.probabilityFirst!)} of the trials (how divided the room is).`,
  );
  await expect(explanation).toContainText('Start with “Cluster skills academy”,');

  // The facilitator's measure comes first, with reasons that quote the profile and the fit.
  const first = section.getByRole('listitem', { name: '1. Cluster skills academy' });
  await expect(first).toContainText(`Score ${percent('en', engine.measures[0]!.score)}`);
  await expect(first).toContainText('Trains the people every strategy needs.');
  await expect(first).toContainText('Strengthens a weak point of the cluster: “Qualified personnel');
  await expect(first).toContainText('(rated 1 of 5: Very weak).');
  await expect(first).toContainText(`Fits the recommended strategy “${strategyName(strategy.strategy)}” well (fit 100.0%).`);
  await first.getByText('How this score is made').click();
  await expect(first.getByRole('table', { name: 'The score of “Cluster skills academy”, part by part' })).toContainText('Weak points strengthened');
  await page.screenshot({ path: `${SHOTS}/recommendation-desktop.png`, fullPage: true });
  await expectAccessible(page);

  // Every measure on request, in the server's order, the first five unchanged.
  const measureList = section.getByRole('list').filter({ has: page.getByRole('listitem', { name: /^1\. / }) });
  await expect(measureList.getByRole('listitem', { name: /^\d+\. / })).toHaveCount(engine.measures.length);
  const all = await callProcedure<Recommendation>(
    request,
    'result.recommendation',
    { sessionId: session.sessionId, scope: 'group', measureCount: 50 },
    session.facilitator.token,
  );
  expect(all.measures.length).toBeGreaterThan(engine.measures.length);
  await section.getByRole('button', { name: `Show all ${all.measures.length} measures` }).click();
  await expect(section.getByRole('status').filter({ hasText: `All ${all.measures.length} measures are shown` })).toBeVisible();
  await expect(measureList.getByRole('listitem', { name: /^\d+\. / })).toHaveCount(all.measures.length);
  const last = all.measures[all.measures.length - 1]!;
  await expect(measureList.getByRole('listitem', { name: /^\d+\. / }).last()).toContainText(`Score ${percent('en', last.score)}`);
  expect(all.measures.slice(0, engine.measures.length).map((m) => m.key)).toEqual(engine.measures.map((m) => m.key));

  // Robustness: the threshold table says the same as the explanation.
  const robustness = page.getByRole('region', { name: 'How sure is the first place?' });
  const thresholds = robustness.getByRole('table', { name: `Weights at which ${strategyName(strategy.strategy)} would lose first place` });
  await expect(thresholds.getByRole('row', { name: new RegExp(criterionName(nearest.criterion)) })).toContainText(
    `${nearest.direction === 'rises' ? 'rises above' : 'falls below'} ${percent('en', nearest.threshold)} (${strategyName(nearest.newTop)} comes first)`,
  );
  const chances = robustness.getByRole('list', { name: 'How often each strategy ranked first' });
  await expect(chances.getByRole('listitem').first()).toContainText(percent('en', strategy.probabilityFirst!));

  // The what-if view starts on the nearest threshold's criterion; the keyboard walks the slider up to it.
  const slider = robustness.getByRole('slider', { name: `Weight of “${criterionName(nearest.criterion)}”` });
  await expect(robustness.getByRole('combobox', { name: 'Criterion' })).toHaveValue(nearest.criterion);
  const outcome = robustness.getByRole('status').filter({ hasText: /^At / });
  await expect(outcome).toHaveText(`At ${percent('en', nearest.weight)}, ${strategyName(strategy.strategy)} still ranks first.`);
  const start = Math.round(nearest.weight * 1000) / 10;
  const target = nearest.threshold * 100;
  const direction = nearest.direction === 'rises' ? 1 : -1;
  // The last 0.1 % step that stays on this side of the threshold, and the one that crosses it.
  const before = Math.floor(Math.abs(target - start) * 10 - 1e-6);
  // Page Up/Down move a tenth of the range (10 points, a hundred steps), the arrows one step of 0.1 point.
  // Each press names the slider, which keeps the focus there even if a dev server's hot update re-renders.
  for (let big = 0; big < Math.floor(before / 100); big++) await slider.press(direction > 0 ? 'PageUp' : 'PageDown');
  for (let step = 0; step < before % 100; step++) await slider.press(direction > 0 ? 'ArrowRight' : 'ArrowLeft');
  const beforeValue = Math.round((start + (direction * before) / 10) * 10) / 10;
  await expect(slider).toHaveValue(String(beforeValue));
  await expect(outcome).toHaveText(`At ${percent('en', beforeValue / 100)}, ${strategyName(strategy.strategy)} still ranks first.`);
  await slider.press(direction > 0 ? 'ArrowRight' : 'ArrowLeft');
  const pastValue = Math.round((beforeValue + direction / 10) * 10) / 10;
  await expect(outcome).toHaveText(
    `At ${percent('en', pastValue / 100)}, ${strategyName(nearest.newTop)} ranks first instead of ${strategyName(strategy.strategy)}.`,
  );
  const live = robustness.getByRole('list', { name: `Scores of the strategies with “${criterionName(nearest.criterion)}” at ${percent('en', pastValue / 100)}` });
  await expect(live.getByRole('listitem').first()).toContainText(`1. ${strategyName(nearest.newTop)}`);
  await outcome.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/recommendation-what-if-flipped.png` });

  // The number field moves the same weight; the reset button brings back the computed one.
  const number = robustness.getByRole('spinbutton', { name: `Weight of “${criterionName(nearest.criterion)}” in percent` });
  await expect(number).toHaveValue(String(pastValue));
  await robustness.getByRole('button', { name: 'Back to the computed weights' }).click();
  await expect(outcome).toHaveText(`At ${percent('en', nearest.weight)}, ${strategyName(strategy.strategy)} still ranks first.`);
  await expect(slider).toHaveValue(String(start));

  // Tables instead of charts: the chances as a table with the number of trials.
  await page.getByRole('radio', { name: 'Tables' }).check();
  const chanceTable = robustness.getByRole('table', { name: 'Share of the trials in which each strategy ranked first' });
  await expect(chanceTable.getByRole('row', { name: new RegExp(strategyName(strategy.strategy)) })).toContainText(
    String(Math.round(strategy.probabilityFirst! * 2000)),
  );
  await expectAccessible(page);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/recommendation-phone.png`, fullPage: true });
  await robustness.getByRole('heading', { name: 'Try other weights' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/recommendation-phone-what-if.png` });
  await expectAccessible(page);
});

test('the recommendation reads in Russian', async ({ page, context, request, baseURL }) => {
  test.setTimeout(120_000);
  const { session } = await decidedSession(request, 'Кластер агропищевой промышленности');
  const engine = await callProcedure<Recommendation>(request, 'result.recommendation', { sessionId: session.sessionId, scope: 'group' }, session.facilitator.token);
  const model = await readModel(request, session);
  const name = (key: string) => model.alternatives.find((a) => a.key === key)!.name.ru!;
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ru', url: baseURL! }]);
  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  const section = page.getByRole('region', { name: 'Рекомендация' });
  await expect(section.getByText('Рекомендуемая стратегия')).toBeVisible();
  const explanation = section.getByRole('region', { name: 'Простыми словами' });
  const { strategy } = engine;
  const text = spaces((await explanation.textContent()) ?? '');
  expect(text).toContain(`Первое место занимает стратегия «${name(strategy.strategy)}» с ${percent('ru', strategy.score)}`);
  expect(text).toContain(`больше, чем у стратегии «${name(strategy.runnerUp!)}».`);
  expect(text).toContain('Начать стоит с мер «Академия навыков кластера»');
  await expect(section.getByRole('listitem', { name: '1. Академия навыков кластера' })).toContainText('Укрепляет слабую сторону кластера');
  await expect(page.getByRole('heading', { level: 3, name: 'Попробуйте другие веса' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/recommendation-ru.png`, fullPage: true });
  await expectAccessible(page);
});

test('the facilitator adds, edits and removes measures in the set-up', async ({ page, request }) => {
  test.setTimeout(180_000);
  const session = await createSession(request, { title: 'Sumgait chemical park', alternativeScoring: 'ratings', participantResults: 'own-and-group' });
  // The facilitator link stores its key in this browser; a dev server may compile the set-up on first visit.
  await page.goto(session.facilitator.path);
  await expect(page).toHaveURL(/\/setup/, { timeout: 90_000 });
  await page.goto(`/s/${session.sessionId}/setup?step=model`);
  const measures = page.getByRole('region', { name: /Support measures/ });
  await expect(measures.getByRole('heading', { level: 3, name: /Support measures \(\d+\)/ })).toBeVisible({ timeout: 60_000 });

  // Add: the name and at least one criterion are required, and the form says so.
  await measures.getByRole('button', { name: 'Add a measure' }).click();
  const form = measures.getByRole('form', { name: 'New measure' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await form.getByRole('button', { name: 'Add measure' }).click();
  await expect(form.getByText('Choose at least one criterion.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Name' }).fill('Chemical park test bed');
  await form.getByRole('textbox', { name: 'Why it helps' }).fill('Lets members try new processes before they invest.');
  await form.getByRole('combobox', { name: 'Kind of measure' }).selectOption({ label: 'Digital business transformation' });
  await form.getByRole('group', { name: 'Criteria it serves' }).getByRole('checkbox', { name: 'Economic growth and innovation' }).check();
  await form.getByRole('group', { name: 'Criteria it serves' }).getByRole('checkbox', { name: 'Environmental sustainability' }).check();
  const fit = form.getByRole('group', { name: 'How well it fits each strategy' });
  await fit.getByRole('spinbutton', { name: 'Integration' }).fill('90');
  await fit.getByRole('spinbutton', { name: 'Specialization' }).fill('40');
  await form.getByRole('group', { name: 'Internal factors' }).getByRole('checkbox', { name: 'Innovative activity' }).check();
  await form.getByRole('group', { name: 'Regional priorities it serves' }).getByRole('checkbox', { name: 'Technological sovereignty' }).check();
  await page.screenshot({ path: `${SHOTS}/setup-measure-form.png`, fullPage: false });
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Add measure' }).click();
  await expect(form).toBeHidden();
  const added = measures.getByRole('listitem').filter({ hasText: 'Chemical park test bed' });
  await expect(added).toContainText('your own');
  await expect(added).toContainText('Digital business transformation · serves 2 criteria');
  let saved = await readMeasures(request, session);
  const mine = saved.find((m) => m.name.en === 'Chemical park test bed')!;
  expect(mine).toMatchObject({
    origin: 'custom',
    family: 'digital-transformation',
    criteria: ['economic-growth', 'environmental-sustainability'],
    answersWeaknesses: ['innovative-activity'],
    servesPriorities: ['technological-sovereignty'],
  });
  expect(mine.strategyFit).toMatchObject({ integration: 0.9, specialization: 0.4, hubbing: 0 });

  // Edit a catalogue measure's fit, with the keyboard.
  const first = saved[0]!;
  const row = measures.getByRole('listitem').filter({ hasText: first.name.en! }).first();
  await row.getByRole('button', { name: 'Edit (measure 1)' }).click();
  const edit = measures.getByRole('form', { name: `Edit “${first.name.en}”` });
  await edit.getByRole('group', { name: 'How well it fits each strategy' }).getByRole('spinbutton', { name: 'Hubbing' }).fill('15');
  await edit.getByRole('button', { name: 'Save measure' }).press('Enter');
  await expect(edit).toBeHidden();
  await expect(row.getByRole('button', { name: 'Edit (measure 1)' })).toBeFocused();
  saved = await readMeasures(request, session);
  expect(saved[0]!.strategyFit.hubbing).toBe(0.15);
  expect(saved[0]!.name).toEqual(first.name);

  // Remove one, after confirming.
  const count = saved.length;
  await row.getByRole('button', { name: 'Remove (measure 1)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(measures.getByRole('heading', { level: 3, name: `Support measures (${count - 1})` })).toBeVisible();
  expect((await readMeasures(request, session)).map((m) => m.key)).not.toContain(first.key);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await measures.getByRole('heading', { level: 3, name: /Support measures/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/setup-measures-phone.png` });
});

type StoredMeasure = {
  key: string;
  origin: string;
  family: string;
  name: Record<string, string>;
  criteria: string[];
  answersWeaknesses: string[];
  servesPriorities: string[];
  strategyFit: Record<string, number>;
};

async function readMeasures(request: APIRequestContext, session: CreatedSession): Promise<StoredMeasure[]> {
  const got = await callProcedure<{ model: { measures: StoredMeasure[] } }>(request, 'session.get', { sessionId: session.sessionId }, session.facilitator.token);
  return got.model.measures;
}
