import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect as baseExpect, test } from '@playwright/test';
import { type GroupHierarchyResult, evaluate, positionToRatio, ratioToNearestPosition } from '../../core/index';
import type { Problem } from '../../core/contracts/problem';
import { type CreatedSession, callProcedure, createSession } from './fixtures/api';
import { expectAccessible } from './fixtures/accessibility';

/**
 * A live workshop as a room runs it: a facilitator and five participants, each in a browser context of their own,
 * and a projector. The facilitator opens the room on the dashboard and starts live mode; each participant joins
 * by room code on one screen and votes on the pairs the facilitator puts before the room; the projector shows
 * how many answered, then the distribution and the group value; one pair is re-voted; the round is closed; the
 * dashboard's figures are checked against the engine (`evaluate`) run in this test on the same answers, and
 * against the round result the server stored. A second round on one node shows how the result moved. Every
 * screen is checked with axe and photographed as test-results/screenshots/workshop-<step>.png.
 */

const SHOTS = 'test-results/screenshots';
/** Pages met for the first time may still be compiling on a shared `next dev`: a patient expect. */
const expect = baseExpect.configure({ timeout: 30_000 });
const DESKTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

type ModelView = {
  criteria: Array<{ key: string; name: { en: string } }>;
  alternatives: Array<{ key: string; name: { en: string } }>;
};
type SessionView = { model: ModelView; settings: { methodSettings: Record<string, string> } };
type Judgment = { nodeKey: string; a: string; b: string; position: number };

const PEOPLE = [
  { name: 'Aysel Mammadova', group: 'Government', importance: [4, 3, 2, 2, 1, 3], strategies: [3, 1, 0] },
  { name: 'Ivan Petrov', group: 'Enterprises and leading firms', importance: [5, 2, 1, 3, 1, 4], strategies: [2, 3, 0] },
  { name: 'Leyla Aliyeva', group: 'Science and education', importance: [2, 4, 2, 3, 1, 2], strategies: [3, 0, 2] },
  { name: 'Rashad Huseynov', group: 'Finance', importance: [3, 3, 3, 1, 2, 2], strategies: [1, 2, 0] },
  { name: 'Nigar Quliyeva', group: 'Civil society', importance: [1, 3, 4, 5, 2, 1], strategies: [2, 0, 1] },
];
/** What each person answers live on the first three criteria pairs (a over b, -8..8), and on the re-vote of the third. */
const LIVE_VOTES = [
  [2, 4, 3],
  [1, 3, 5],
  [-2, 2, 4],
  [3, 5, 1],
  [0, 6, -3],
];
const REVOTE = [2, 3, 2, 3, 2];
/** The second round asks the criteria again; everyone answers its first pair this way. */
const ROUND_TWO_FIRST = [2, 2, 1, 2, 3];

async function shoot(page: Page, name: string, where: string, { isFullPage = true }: { isFullPage?: boolean } = {}) {
  await expectAccessible(page, where);
  await page.screenshot({ path: `${SHOTS}/workshop-${name}.png`, fullPage: isFullPage });
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

/** The criteria pairs under the goal in the order the room goes through them. */
function goalPairs(model: ModelView): Array<[string, string]> {
  const keys = model.criteria.map((c) => c.key);
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.push([keys[i]!, keys[j]!]);
  return pairs;
}

/**
 * Everything each participant answers besides the live pairs, saved over the API in self-paced mode before the
 * room goes live (as people who answered the questionnaire earlier): the other criteria pairs from their
 * importance profile, and the strategies compared under every criterion (from their liking of each strategy, varied
 * by criterion), so the group result is computable and ranks the strategies apart.
 */
function backgroundAnswers(model: ModelView, person: number): Judgment[] {
  const importance = PEOPLE[person]!.importance;
  const keys = model.criteria.map((c) => c.key);
  const out: Judgment[] = [];
  goalPairs(model).forEach(([a, b], index) => {
    if (index < 3) return;
    const position = Math.max(-8, Math.min(8, importance[keys.indexOf(a)]! - importance[keys.indexOf(b)]!));
    out.push({ nodeKey: 'goal', a, b, position });
  });
  const strategies = model.alternatives.map((s) => s.key);
  const liking = PEOPLE[person]!.strategies;
  keys.forEach((criterion, c) => {
    let k = 0;
    for (let i = 0; i < strategies.length; i++) {
      for (let j = i + 1; j < strategies.length; j++) {
        const position = Math.max(-8, Math.min(8, liking[i]! - liking[j]! + ((person + c + k) % 3) - 1));
        out.push({ nodeKey: criterion, a: strategies[i]!, b: strategies[j]!, position });
        k += 1;
      }
    }
  });
  return out;
}

/** The group problem the server should have solved: the same answers, the session's method settings, AIJ. */
function groupProblem(model: ModelView, methodSettings: Record<string, string>, answers: Judgment[][]): Problem {
  return {
    method: methodSettings.method as Problem['method'],
    randomIndex: methodSettings.randomIndex as Problem['randomIndex'],
    scale: methodSettings.scale as Problem['scale'],
    completion: methodSettings.completion as Problem['completion'],
    synthesis: methodSettings.synthesis as Problem['synthesis'],
    aggregation: methodSettings.aggregation as Problem['aggregation'],
    monteCarlo: false,
    criteria: model.criteria.map((c) => ({ id: c.key })),
    alternatives: model.alternatives.map((a) => a.key),
    participants: answers.map((judgments, index) => {
      const nodes = ['goal', ...model.criteria.map((c) => c.key)];
      return {
        id: `p${index + 1}`,
        weight: 1,
        comparisons: Object.fromEntries(
          nodes.map((node) => [
            node,
            { judgments: judgments.filter((j) => j.nodeKey === node).map(({ a, b, position }) => ({ a, b, position })) },
          ]),
        ),
      };
    }),
  };
}

const percent = (value: number) => new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const twoDecimals = (value: number) => new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** The weighted (here: equal) geometric mean of the answers' ratios, as the projector's group value. */
function groupRatio(positions: number[]): number {
  return Math.exp(positions.reduce((sum, p) => sum + Math.log(positionToRatio(p, 'saaty')), 0) / positions.length);
}

async function participantToken(page: Page, sessionId: string): Promise<string> {
  const links = await page.evaluate(() => JSON.parse(window.localStorage.getItem('clusterwise.links') ?? '[]'));
  const link = (links as Array<{ sessionId: string; role: string; token: string }>).find((l) => l.sessionId === sessionId && l.role === 'participant');
  if (!link) throw new Error('the participant link was not stored');
  return link.token;
}

/** Every phone answers the question on its screen (the radio for `position`, from the top: 8 … -8) and sees it recorded. */
async function voteAll(phones: Page[], positions: number[], question: string) {
  for (const [index, phone] of phones.entries()) {
    await expect(phone.getByRole('heading', { level: 1 })).toContainText(question);
    const scale = phone.getByRole('radiogroup', { name: new RegExp(question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await scale.getByRole('radio').nth(8 - positions[index]!).click();
    await expect(phone.getByRole('status').filter({ hasText: 'Answer recorded' })).toBeVisible();
  }
}

async function open(session: CreatedSession, request: APIRequestContext) {
  await callProcedure(request, 'session.open', { sessionId: session.sessionId }, session.facilitator.token);
}

test('a facilitator runs a live workshop with five phones and a projector', async ({ browser, request }) => {
  test.setTimeout(480_000);
  const session = await createSession(request, { title: 'Sumgait chemical cluster: live workshop' });
  await open(session, request);
  const view = await callProcedure<SessionView>(request, 'session.get', { sessionId: session.sessionId }, session.facilitator.token);
  const model = view.model;
  const nameOf = (key: string) => [...model.criteria, ...model.alternatives].find((e) => e.key === key)!.name.en;
  const pairs = goalPairs(model).slice(0, 3);
  const questionOf = ([a, b]: [string, string]) => `How much more important is “${nameOf(a)}” than “${nameOf(b)}” for this cluster?`;

  // The facilitator opens their link, finds the workshop in the set-up's invite step, opens the room.
  const { context: facilitatorContext, page: facilitator } = await newPage(browser, DESKTOP);
  await facilitator.goto(session.facilitator.path);
  await facilitator.waitForURL(/\/setup/);
  await facilitator.goto(`/s/${session.sessionId}/setup?step=invite`);
  await facilitator.getByRole('link', { name: 'Run a live workshop' }).click();
  await facilitator.waitForURL(`**/s/${session.sessionId}/dashboard`);
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Sumgait chemical cluster: live workshop' })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Open the room' }).click();
  const joinAddress = await facilitator.getByRole('textbox', { name: 'Join address' }).inputValue();
  const roomCode = joinAddress.split('/w/')[1]!;
  expect(roomCode).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
  await expect(facilitator.getByRole('img', { name: /QR code of the join address/ })).toBeVisible();
  await expect(facilitator.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  // The projector needs only the room code.
  const { context: projectorContext, page: projector } = await newPage(browser, PROJECTOR);
  await projector.goto(`/w/${roomCode}/screen`);
  await expect(projector.getByText(roomCode.slice(0, 3) + ' ' + roomCode.slice(3))).toBeVisible();
  await expect(projector.getByRole('img', { name: /QR code to join the workshop/ })).toBeVisible();
  await expect(projector.getByText('Nobody has joined yet')).toBeVisible();
  await shoot(projector, 'projector-waiting', 'the projector before anyone joined', { isFullPage: false });

  // Five phones join by code, one screen each; the first one checks the errors next to the fields.
  const phoneContexts: BrowserContext[] = [];
  const phones: Page[] = [];
  for (const [index, person] of PEOPLE.entries()) {
    const { context, page: phone } = await newPage(browser, PHONE);
    phoneContexts.push(context);
    phones.push(phone);
    if (index === 0) {
      await phone.goto('/w');
      await phone.getByLabel('Room code').fill('ZZZ-ZZ1');
      await phone.getByRole('button', { name: 'Join' }).click();
      await expect(phone.getByText('A room code has six characters: letters and the digits 2 to 9.')).toBeVisible();
      await expect(phone.getByText('Enter your name.')).toBeVisible();
      await expect(phone.getByText('Choose your stakeholder group.')).toBeVisible();
      await expect(phone.getByLabel('Room code')).toHaveAttribute('aria-invalid', 'true');
      await phone.getByLabel('Room code').fill('ZZZ-ZZZ');
      await phone.getByLabel('Your name').fill(person.name);
      await phone.getByRole('radio', { name: person.group }).check();
      await phone.getByRole('button', { name: 'Join' }).click();
      await expect(phone.getByText('No open workshop has this code.', { exact: false })).toBeVisible();
      await shoot(phone, 'phone-join-errors', 'the join screen with errors');
      await phone.getByLabel('Room code').fill(roomCode.toLowerCase());
    } else {
      await phone.goto(`/w/${roomCode}`);
      await expect(phone.getByRole('heading', { level: 1, name: 'Sumgait chemical cluster: live workshop' })).toBeVisible();
      await expect(phone.getByText(`Room code: ${roomCode}`)).toBeVisible();
      await phone.getByLabel('Your name').fill(person.name);
      await phone.getByRole('radio', { name: person.group }).check();
      if (index === 1) await shoot(phone, 'phone-join', 'the join screen');
    }
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.waitForURL(`**/w/${roomCode}/vote`);
    await expect(phone.getByRole('heading', { level: 1, name: 'Answer at your own pace' })).toBeVisible();
  }
  await expect(phones[0]!.getByRole('link', { name: 'Open the questionnaire' })).toHaveAttribute('href', `/s/${session.sessionId}/q`);
  await expect(projector.getByText('5 people have joined')).toBeVisible();
  const participantsTable = facilitator.getByRole('table', { name: 'Participants with their progress, consistency and weight' });
  await expect(participantsTable.getByRole('row')).toHaveCount(6);

  // What they answered earlier at their own pace: everything but the three pairs the room votes on live.
  const answers: Judgment[][] = [];
  for (const [index, phone] of phones.entries()) {
    const token = await participantToken(phone, session.sessionId);
    const background = backgroundAnswers(model, index);
    for (const judgment of background) {
      await callProcedure(request, 'judgment.save', { sessionId: session.sessionId, ...judgment }, token);
    }
    answers.push(background);
  }
  await expect(participantsTable.getByRole('row', { name: /Aysel Mammadova/ })).toContainText('30 of 33 answered');

  // Live mode: the room votes pair by pair as the facilitator advances.
  await facilitator.getByRole('button', { name: 'Start live mode' }).click();
  await expect(facilitator.getByRole('heading', { level: 3, name: `${nameOf(pairs[0]![0])} vs ${nameOf(pairs[0]![1])}` })).toBeVisible();
  for (const [pairIndex, pair] of pairs.entries()) {
    if (pairIndex > 0) await facilitator.getByRole('button', { name: 'Next question' }).click();
    await expect(projector.getByRole('heading', { level: 1 })).toHaveText(questionOf(pair));
    await expect(projector.getByText('0 of 5 answered')).toBeVisible();
    if (pairIndex === 0) await shoot(phones[0]!, 'phone-vote', 'a phone before voting');
    await voteAll(phones, LIVE_VOTES.map((votes) => votes[pairIndex]!), questionOf(pair));
    await expect(projector.getByText('5 of 5 answered')).toBeVisible();
    await expect(facilitator.getByText('5 of 5 answered')).toBeVisible();
    if (pairIndex === 0) await shoot(projector, 'projector-voting', 'the projector while the room votes', { isFullPage: false });
  }
  const [thirdA, thirdB] = pairs[2]!;

  // Reveal the third pair: its distribution and group value on the projector and on the phones.
  await facilitator.getByRole('button', { name: 'Reveal the answers' }).click();
  const firstVote = LIVE_VOTES.map((votes) => votes[2]!);
  const firstRatio = groupRatio(firstVote);
  await expect(projector.getByRole('heading', { name: 'The room’s answers' })).toBeVisible();
  await expect(projector.getByText(`group value ${twoDecimals(firstRatio)} : 1`, { exact: false })).toBeVisible();
  const firstPosition = ratioToNearestPosition(firstRatio, 'saaty');
  expect(firstPosition).toBeGreaterThan(0);
  await expect(projector.getByText(`“${nameOf(thirdA)}” is`, { exact: false }).first()).toBeVisible();
  const distribution = projector.getByRole('figure');
  await expect(distribution.getByRole('listitem')).toHaveCount(17);
  for (const position of new Set(firstVote)) {
    const count = firstVote.filter((p) => p === position).length;
    await expect(distribution.getByRole('listitem').nth(8 - position)).toContainText(`${count}`);
  }
  await shoot(projector, 'projector-revealed', 'the projector with the answers revealed', { isFullPage: false });
  await expect(phones[2]!.getByRole('heading', { name: 'The group’s answer' })).toBeVisible();
  await expect(phones[2]!.getByText(`Your answer: “${nameOf(thirdA)}” is strongly more important than “${nameOf(thirdB)}”`)).toBeVisible();
  await shoot(phones[2]!, 'phone-revealed', 'a phone with the answers revealed');

  // After discussion, the third pair is voted again; the first vote is cleared.
  await facilitator.getByRole('button', { name: 'Re-vote this question' }).click();
  await facilitator.getByRole('dialog', { name: 'Re-vote this question?' }).getByRole('button', { name: 'Clear and re-vote' }).click();
  await expect(projector.getByText('0 of 5 answered')).toBeVisible();
  await voteAll(phones, REVOTE, questionOf(pairs[2]!));
  await expect(projector.getByText('5 of 5 answered')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Reveal the answers' }).click();
  await expect(projector.getByText(`group value ${twoDecimals(groupRatio(REVOTE))} : 1`, { exact: false })).toBeVisible();
  await shoot(facilitator, 'dashboard-live', 'the dashboard during live voting');
  await facilitator.screenshot({ path: `${SHOTS}/workshop-dashboard-live-top.png` });

  for (const [index, votes] of LIVE_VOTES.entries()) {
    const live = pairs.map(([a, b], k) => ({ nodeKey: 'goal', a, b, position: k === 2 ? REVOTE[index]! : votes[k]! }));
    answers[index] = [...live, ...answers[index]!];
  }

  // Close the round; its result is stored and shown.
  await facilitator.getByRole('button', { name: 'Close round 1' }).click();
  await facilitator.getByRole('dialog', { name: 'Close round 1?' }).getByRole('button', { name: 'Close the round' }).click();
  await expect(facilitator.getByRole('heading', { level: 4, name: 'Round 1', exact: true })).toBeVisible();
  await expect(phones[0]!.getByRole('heading', { level: 1, name: 'Round 1 is closed' })).toBeVisible();

  // The dashboard's figures are the engine's on the same answers, and the round's stored result.
  const expected = evaluate(groupProblem(model, view.settings.methodSettings, answers)) as GroupHierarchyResult;
  const stored = await callProcedure<{ rounds: Array<{ number: number; result: { ranking: string[]; alternatives: Record<string, number>; overallConsensus: number } | null }> }>(
    request,
    'workshop.rounds',
    { sessionId: session.sessionId },
    session.facilitator.token,
  );
  const roundOne = stored.rounds.find((round) => round.number === 1)!.result!;
  expect(roundOne.ranking).toEqual(expected.ranking);
  for (const key of expected.ranking) expect(roundOne.alternatives[key]).toBeCloseTo(expected.alternatives[key]!, 12);
  expect(roundOne.overallConsensus).toBeCloseTo(expected.overallConsensus, 12);

  const ranking = facilitator.getByRole('list', { name: 'Ranking of the strategies' });
  await expect(ranking.getByRole('listitem')).toHaveCount(expected.ranking.length);
  for (const [index, key] of expected.ranking.entries()) {
    const row = ranking.getByRole('listitem').nth(index);
    await expect(row).toContainText(`${index + 1}.`);
    await expect(row).toContainText(nameOf(key));
    await expect(row).toContainText(percent(expected.alternatives[key]!));
  }
  await expect(facilitator.getByText(`Consensus of the group: ${percent(expected.overallConsensus)}`)).toBeVisible();
  await expect(facilitator.getByText(`Based on 5 participants of 5 who joined.`)).toBeVisible();
  const goalConsensus = facilitator.getByRole('table', { name: 'Consensus per node' }).getByRole('row', { name: /Criteria/ });
  await expect(goalConsensus).toContainText(percent(expected.consensus.goal!));
  const widest = facilitator.getByRole('list', { name: 'Widest disagreement' }).getByRole('listitem').first();
  await expect(widest).toContainText(/ vs .+: answers spread ×\d+\.\d\d/);
  await shoot(facilitator, 'dashboard-round-closed', 'the dashboard after the round closed');
  await facilitator.getByRole('region', { name: /^Participants \(/ }).screenshot({ path: `${SHOTS}/workshop-dashboard-participants.png` });
  await facilitator.getByRole('region', { name: 'Group result so far' }).screenshot({ path: `${SHOTS}/workshop-dashboard-group.png` });

  // A second round asks the criteria again: everyone answers its first pair, then it closes.
  // The least agreed node comes ticked; this room asks the criteria again instead.
  const nodeChoices = facilitator.getByRole('group', { name: 'Open round 2 on these nodes' });
  await expect(nodeChoices.getByRole('checkbox', { checked: true })).toHaveCount(1);
  for (const ticked of await nodeChoices.getByRole('checkbox', { checked: true }).all()) await ticked.uncheck();
  await nodeChoices.getByRole('checkbox', { name: 'Criteria', exact: true }).check();
  await facilitator.getByRole('button', { name: 'Open round 2' }).click();
  await expect(facilitator.getByText('Round 2 is open.').first()).toBeVisible();
  await voteAll(phones, ROUND_TWO_FIRST, questionOf(pairs[0]!));
  await expect(projector.getByText('5 of 5 answered')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Close round 2' }).click();
  await facilitator.getByRole('dialog', { name: 'Close round 2?' }).getByRole('button', { name: 'Close the round' }).click();
  await expect(facilitator.getByRole('heading', { level: 4, name: 'From round 1 to round 2' })).toBeVisible();
  const changes = await callProcedure<{ changes: Array<{ fromRound: number; toRound: number; overallConsensus: { from: number; to: number } }> }>(
    request,
    'workshop.rounds',
    { sessionId: session.sessionId },
    session.facilitator.token,
  );
  const change = changes.changes.find((entry) => entry.fromRound === 1 && entry.toRound === 2)!;
  await expect(
    facilitator.getByText(`Consensus went from ${percent(change.overallConsensus.from)} to ${percent(change.overallConsensus.to)}`, { exact: false }),
  ).toBeVisible();
  await shoot(facilitator, 'dashboard-rounds', 'the dashboard with two rounds');
  await facilitator.getByRole('region', { name: 'Rounds', exact: true }).screenshot({ path: `${SHOTS}/workshop-dashboard-rounds-panel.png` });

  // Weights, leaving a participant out, and the CR limit change the group result the dashboard shows.
  await facilitator.getByRole('spinbutton', { name: 'Government', exact: true }).fill('2');
  await facilitator.getByRole('button', { name: 'Save group weights' }).click();
  await expect(facilitator.getByRole('region', { name: 'Weights and CR limit' }).getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(1);
  await expect(participantsTable.getByRole('row', { name: /Aysel Mammadova/ })).toContainText('counts as 2');
  await facilitator.getByRole('checkbox', { name: 'Count Nigar Quliyeva in the group result' }).uncheck();
  await expect(participantsTable.getByRole('row', { name: /Nigar Quliyeva/ })).toContainText('Left out by the facilitator (answers kept)');
  await expect(facilitator.getByText('Based on 4 participants of 5 who joined.')).toBeVisible();
  await facilitator.getByRole('checkbox', { name: 'Leave out participants above a CR limit' }).check();
  await expect(facilitator.getByRole('spinbutton', { name: 'CR limit', exact: true })).toHaveValue('0.1');
  // Aysel's answers are consistent enough (highest CR 0.09), but not under a stricter limit.
  await expect(participantsTable.getByRole('row', { name: /Aysel Mammadova/ })).toContainText('Consistent (highest CR 0.09)');
  await facilitator.getByRole('spinbutton', { name: 'CR limit', exact: true }).fill('0.05');
  await facilitator.getByRole('button', { name: 'Save the CR limit' }).click();
  await expect(participantsTable.getByRole('row', { name: /Aysel Mammadova/ })).toContainText(/Left out: CR 0\.0\d under .+ is above the limit 0\.05/);

  await facilitator.setViewportSize(PHONE);
  await shoot(facilitator, 'dashboard-phone', 'the dashboard on a phone');
  await facilitator.evaluate(() => window.scrollTo(0, 0));
  await facilitator.screenshot({ path: `${SHOTS}/workshop-dashboard-phone-top.png` });

  for (const context of [facilitatorContext, projectorContext, ...phoneContexts]) await context.close();
});
