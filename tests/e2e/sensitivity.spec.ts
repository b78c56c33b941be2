import { expect as baseExpect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { answerAll, joinAs, readModel } from './fixtures/answers';
import { expectAccessible } from './fixtures/accessibility';

/**
 * The sensitivity graphs on the results page: each chart's numbers are in a table found by its name, the
 * gradient's 100 % row is the strategies' priorities under that criterion (the engine's, read over the API), and
 * a dynamic slider moved with the keyboard re-ranks the strategies live, also to those priorities.
 */

const SHOTS = 'test-results/screenshots';
const expect = baseExpect.configure({ timeout: 20_000 });
const spaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
const percent = (value: number) =>
  spaces(new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value));

type StoredResult = {
  alternatives: Record<string, number>;
  ranking: string[];
  nodes: Record<string, { weights: Record<string, number> }>;
};

test('sensitivity graphs: tables by name, and a dynamic slider moved by keyboard re-ranks the strategies', async ({ page, request }) => {
  test.setTimeout(150_000);
  const session = await createSession(request, { title: 'Shamakhi wine cluster', alternativeScoring: 'ratings', participantResults: 'own-and-group' });
  for (const [seed, person] of [
    { name: 'Nigar Huseynova', group: 'government', importance: [4, 3, 2, 2, 1, 3] },
    { name: 'Oleg Smirnov', group: 'enterprises', importance: [5, 2, 1, 3, 1, 4] },
  ].entries()) {
    const participant = await joinAs(request, session, person.name, person.group);
    await answerAll(request, session, participant, { importance: person.importance, seed, scoring: 'ratings' });
  }
  await callProcedure(request, 'result.compute', { sessionId: session.sessionId }, session.facilitator.token);
  const got = await callProcedure<{ group: { result: StoredResult } }>(request, 'result.get', { sessionId: session.sessionId }, session.facilitator.token);
  const engine = got.group.result;
  const model = await readModel(request, session);
  const criterion = model.criteria[0]!;
  const name = criterion.name.en!;
  const strategyName = (key: string) => model.alternatives.find((a) => a.key === key)!.name.en!;
  const local = engine.nodes[criterion.key]!.weights;
  const byLocal = [...engine.ranking].sort((a, b) => local[b]! - local[a]!);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/s/${session.sessionId}/results#key=${session.facilitator.token}`);
  const section = page.getByRole('region', { name: 'Sensitivity graphs' });
  await expect(section).toBeVisible();

  // Gradient: the chart is named for its criterion, and its table's 100 % row is the priorities under it.
  await section.getByRole('combobox', { name: 'Criterion' }).selectOption(criterion.key);
  const title = `Scores of the strategies as the weight of “${name}” runs from 0% to 100%`;
  await expect(section.getByRole('img', { name: title })).toBeVisible();
  await section.getByText('Show as table').first().click();
  const gradientTable = section.getByRole('table', { name: title });
  const full = gradientTable.getByRole('row').last();
  await expect(full.getByRole('rowheader')).toHaveText('100.0%');
  await expect(full.getByRole('cell')).toHaveText(engine.ranking.map((key) => percent(local[key]!)));

  // Dynamic: the bars start at the computed scores; End puts all the weight on the criterion.
  const bars = section.getByRole('list', { name: 'Scores of the strategies with the weights above' });
  await expect(bars.getByRole('listitem').first()).toContainText(`1. ${strategyName(engine.ranking[0]!)}${percent(engine.alternatives[engine.ranking[0]!]!)}`);
  const slider = section.getByRole('slider', { name: `Weight of “${name}”` });
  await slider.focus();
  await slider.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', '100.0%');
  await expect(bars.getByRole('listitem')).toHaveText(byLocal.map((key, index) => `${index + 1}. ${strategyName(key)}${percent(local[key]!)}`));
  await expect(section.getByRole('status')).toContainText(`With these weights ${strategyName(byLocal[0]!)} ranks first`);
  await page.screenshot({ path: `${SHOTS}/sensitivity-desktop.png`, fullPage: true });
  await section.getByRole('button', { name: 'Back to the computed weights' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', percent(engine.nodes.goal!.weights[criterion.key]!));

  // Tables view: performance adds up to the engine's scores, head-to-head names the two strategies.
  await page.getByRole('radio', { name: 'Tables' }).check();
  const performance = section.getByRole('table', { name: "Weighted scores per criterion (the strategy's priority under it in brackets)" });
  await expect(performance.getByRole('row').last().getByRole('cell')).toHaveText([
    '100.0%',
    ...engine.ranking.map((key) => percent(engine.alternatives[key]!)),
  ]);
  const [first, second] = engine.ranking;
  await expect(section.getByRole('table', { name: `${strategyName(first!)} against ${strategyName(second!)}: weighted scores per criterion` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('radio', { name: 'Charts' }).check();
  await page.setViewportSize({ width: 360, height: 800 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/sensitivity-phone.png`, fullPage: true });
});
