import { type Page, expect as baseExpect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { expectAccessible } from './fixtures/accessibility';
import { answerAll } from './fixtures/answers';

/**
 * The projector as a beamer shows it: no app chrome, nothing cut off or scrolled at 1280x720 and 1920x1080 in
 * every language, a countdown the dashboard sets, how many are still to vote, and on reveal the room's agreement
 * in words. Twelve people join over the API; the screens are photographed as test-results/screenshots/presenter-*.
 */

const SHOTS = 'test-results/screenshots';
const expect = baseExpect.configure({ timeout: 20_000 });
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
/** Every size in English; the longer Russian and Azerbaijani texts on the tightest one, where they could spill. */
const screensFor = (locale: string) => (locale === 'en' ? SCREENS : SCREENS.slice(0, 1));
const WORDS = {
  en: { stillToVote: '4 people still to vote', agreement: 'The room mostly agrees.', fullScreen: 'Full screen', left: /left to answer/ },
  ru: { stillToVote: 'Ещё не проголосовали 4 человека', agreement: 'Зал в основном согласен.', fullScreen: 'Во весь экран', left: /На ответ осталось/ },
  az: { stillToVote: 'Hələ 4 nəfər səs verməyib', agreement: 'Zal əsasən razıdır.', fullScreen: 'Tam ekran', left: /Cavab üçün .* qalıb/ },
} as const;
/** Eight of twelve answer the first pair; mostly "moderately" to "strongly more" with one the other way, so S* (0.79) lands in AHP-OS's "high". */
const VOTES = [2, 3, 2, 4, -1, 3, 0, 4];

/** Three views of the six criteria's importance: they agree on some criteria and not on others. */
const IMPORTANCE = [
  [4, 3, 2, 2, 1, 3],
  [5, 2, 1, 3, 1, 4],
  [1, 3, 4, 5, 2, 1],
];

type Live = { current: { kind: string; nodeKey: string; a: string; b: string } | null };

async function expectFits(page: Page, where: string) {
  const size = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(size.scrollHeight, `${where}: page height`).toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(size.innerWidth);
}

test('the projector fits a beamer in every language, counts down, counts who is still to vote and says how far the room agrees', async ({
  browser,
  request,
}) => {
  const session = await createSession(request, { title: 'Ganja agro-food cluster' });
  const token = session.facilitator.token;
  const { sessionId } = session;
  const { roomCode } = await callProcedure<{ roomCode: string }>(request, 'workshop.openRoom', { sessionId }, token);
  const tokens: string[] = [];
  for (let n = 0; n < 12; n++) {
    const joined = await callProcedure<{ token: string }>(request, 'workshop.joinByCode', {
      roomCode,
      displayName: `Participant ${n + 1}`,
      stakeholderGroup: n % 2 ? 'government' : 'enterprises',
    });
    tokens.push(joined.token);
  }
  const live = await callProcedure<Live>(request, 'workshop.setMode', { sessionId, mode: 'live' }, token);
  const item = live.current!;
  for (const [n, position] of VOTES.entries()) {
    await callProcedure(request, 'judgment.save', { sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position }, tokens[n]);
  }

  // The facilitator sets a countdown on the dashboard and sees by name who has not voted.
  const facilitatorContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const dashboard = await facilitatorContext.newPage();
  await dashboard.goto(`/s/${sessionId}#key=${token}`);
  await dashboard.waitForURL(/\/setup/);
  await dashboard.goto(`/s/${sessionId}/dashboard`);
  await dashboard.getByLabel('Countdown per question').selectOption({ label: '5 minutes' });
  await expect(dashboard.getByRole('timer')).toContainText(/4:5\d left to answer/);
  const waiting = dashboard.getByText('4 people have not voted yet');
  await waiting.click();
  for (const name of ['Participant 9', 'Participant 10', 'Participant 11', 'Participant 12']) {
    await expect(dashboard.getByRole('listitem').filter({ hasText: new RegExp(`^${name}$`) })).toBeVisible();
  }
  await expectAccessible(dashboard, 'the dashboard with a countdown and who has not voted');

  for (const locale of ['en', 'ru', 'az'] as const) {
    const words = WORDS[locale];
    for (const screen of screensFor(locale)) {
      const context = await browser.newContext({ viewport: screen, locale });
      const projector = await context.newPage();
      const where = `the projector (${locale}, ${screen.width}x${screen.height})`;
      await projector.goto(`/w/${roomCode}/screen`);
      await expect(projector.getByText(words.stillToVote)).toBeVisible();
      await expect(projector.getByRole('timer')).toContainText(words.left);
      // Presenter mode: the app's header and language menu are not on the room's screen.
      await expect(projector.getByRole('banner')).toHaveCount(0);
      await expect(projector.getByRole('button', { name: words.fullScreen })).toBeVisible();
      await expect(projector.getByRole('img', { name: new RegExp(roomCode) })).toBeVisible();
      await expectFits(projector, `${where}, voting`);
      await projector.screenshot({ path: `${SHOTS}/presenter-voting-${locale}-${screen.width}.png` });
      await context.close();
    }
  }

  await callProcedure(request, 'workshop.reveal', { sessionId }, token);
  for (const locale of ['en', 'ru', 'az'] as const) {
    for (const screen of screensFor(locale)) {
      const context = await browser.newContext({ viewport: screen, locale });
      const projector = await context.newPage();
      const where = `the revealed projector (${locale}, ${screen.width}x${screen.height})`;
      await projector.goto(`/w/${roomCode}/screen`);
      await expect(projector.getByText(WORDS[locale].agreement)).toBeVisible();
      await expect(projector.getByRole('figure')).toBeVisible();
      await expectFits(projector, where);
      if (screen.width === 1280) await expectAccessible(projector, where);
      await projector.screenshot({ path: `${SHOTS}/presenter-revealed-${locale}-${screen.width}.png` });
      await context.close();
    }
  }

  // Time runs out after a hide: voting reopens with a fresh countdown, and the dashboard can switch it off.
  await callProcedure(request, 'workshop.hide', { sessionId }, token);
  await dashboard.getByLabel('Countdown per question').selectOption({ label: 'No countdown' });
  await expect(dashboard.getByRole('timer')).toHaveCount(0);
  await facilitatorContext.close();
});

test('the facilitator drives the room from the keyboard, sees the first vote beside the re-vote, is offered the least agreed node for round 2, and the report keeps the rounds', async ({
  browser,
  request,
}) => {
  const session = await createSession(request, { title: 'Lankaran tea cluster' });
  const token = session.facilitator.token;
  const { sessionId } = session;
  const { roomCode } = await callProcedure<{ roomCode: string }>(request, 'workshop.openRoom', { sessionId }, token);
  const voters: Array<{ token: string; participantKey: string }> = [];
  for (let n = 0; n < 3; n++) {
    voters.push(
      await callProcedure<{ token: string; participantKey: string }>(request, 'workshop.joinByCode', {
        roomCode,
        displayName: `Voter ${n + 1}`,
        stakeholderGroup: 'government',
      }),
    );
  }
  const tokens = voters.map((voter) => voter.token);
  await callProcedure(request, 'workshop.setMode', { sessionId, mode: 'live' }, token);

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const dashboard = await context.newPage();
  await dashboard.goto(`/s/${sessionId}#key=${token}`);
  await dashboard.waitForURL(/\/setup/);
  await dashboard.goto(`/s/${sessionId}/dashboard`);
  await expect(dashboard.getByText('Question 1 of 33').first()).toBeVisible();
  await expect(dashboard.getByText(/Keyboard: N next question/)).toBeVisible();
  await expect(dashboard.getByRole('button', { name: 'Next question' })).toHaveAttribute('aria-keyshortcuts', 'N');

  await dashboard.keyboard.press('n');
  await expect(dashboard.getByText('Question 2 of 33').first()).toBeVisible();
  const live = await callProcedure<Live>(request, 'workshop.live', { sessionId }, token);
  const item = live.current!;
  for (const [n, position] of [3, 4, -2].entries()) {
    await callProcedure(request, 'judgment.save', { sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position }, tokens[n]);
  }
  await dashboard.keyboard.press('r');
  await expect(dashboard.getByRole('button', { name: 'Hide the answers' })).toBeVisible();
  await dashboard.keyboard.press('v');
  await dashboard.getByRole('dialog', { name: 'Re-vote this question?' }).getByRole('button', { name: 'Clear and re-vote' }).click();
  await expect(dashboard.getByRole('button', { name: 'Reveal the answers' })).toBeVisible();
  await callProcedure(request, 'judgment.save', { sessionId, nodeKey: item.nodeKey, a: item.a, b: item.b, position: 3 }, tokens[0]);
  const firstVote = dashboard.getByRole('figure').filter({ hasText: 'First vote (3 answers)' });
  await expect(firstVote).toBeVisible();
  await expect(dashboard.getByRole('figure').filter({ hasText: 'Re-vote (1 answer so far)' })).toBeVisible();
  await expectAccessible(dashboard, 'the dashboard after a re-vote');
  await dashboard.screenshot({ path: `${SHOTS}/cockpit-revote.png`, fullPage: true });

  // The rest at their own pace, so that round 1 has a group result (and a consensus per node) when it closes.
  await callProcedure(request, 'workshop.setMode', { sessionId, mode: 'async' }, token);
  for (const [n, voter] of voters.entries()) {
    await answerAll(request, session, voter, { importance: IMPORTANCE[n]!, seed: n, scoring: 'pairwise', strategies: 'equal' });
  }
  await dashboard.getByRole('button', { name: 'Close round 1' }).click();
  await dashboard.getByRole('dialog').getByRole('button', { name: 'Close the round' }).click();
  const nodes = dashboard.getByRole('group', { name: 'Open round 2 on these nodes' });
  await expect(nodes.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(nodes.getByText(/least agreed/)).toBeVisible();
  await expect(dashboard.getByText(/Ticked to start with:/)).toBeVisible();
  await dashboard.screenshot({ path: `${SHOTS}/cockpit-round-two.png`, fullPage: true });

  await dashboard.goto(`/s/${sessionId}/report`);
  const rounds = dashboard.getByRole('region', { name: 'Workshop rounds and re-votes' });
  await expect(rounds).toBeVisible();
  await expect(rounds.getByRole('cell', { name: /^3 answers: / })).toBeVisible();
  await context.close();
});
