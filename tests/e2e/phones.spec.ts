import { type Browser, type Page, expect as baseExpect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { expectAccessible } from './fixtures/accessibility';

/**
 * What a phone says is what the server holds. A participant joins from the landing page by room code, votes, and
 * the room goes through next, previous, a re-vote, self-paced mode, the questionnaire and the browser's Back, and
 * live again: after each step the phone's "answered N of M" is compared with the server's own count for that phone,
 * and the re-voted question ends with an empty scale. An answer after the countdown is refused and neither shows
 * "recorded" nor counts. A participant who came by the invite link sees, in the questionnaire, that the room votes
 * live and finds the live screen from there. Closed round and closed session read the same on the phone, in the
 * questionnaire and on the projector, in English, Russian and Azerbaijani.
 */

const expect = baseExpect.configure({ timeout: 20_000 });
const SHOTS = 'test-results/screenshots';
const PHONE = { width: 390, height: 844 };

type Live = {
  current: { kind: 'pair'; nodeKey: string; a: string; b: string; total: number } | null;
  myRound: { answered: number; required: number } | null;
};

async function newPage(browser: Browser, viewport: { width: number; height: number }, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  return context.newPage();
}

async function participantToken(page: Page, sessionId: string): Promise<string> {
  const links = await page.evaluate(() => JSON.parse(window.localStorage.getItem('clusterwise.links') ?? '[]'));
  const link = (links as Array<{ sessionId: string; role: string; token: string }>).find((l) => l.sessionId === sessionId && l.role === 'participant');
  if (!link) throw new Error('the participant link was not stored');
  return link.token;
}

test('a phone shows only answers the server holds, and every participant page says the same about the room', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const session = await createSession(request, { title: 'Ganja agro-food cluster' });
  const { sessionId } = session;
  const token = session.facilitator.token;
  const call = <T,>(path: string, input: Record<string, unknown> = {}) => callProcedure<T>(request, path, { sessionId, ...input }, token);
  await call('session.open');
  const { roomCode } = await call<{ roomCode: string }>('workshop.openRoom');

  // From the landing page, as someone who only has the code on the wall.
  const phone = await newPage(browser, PHONE);
  await phone.goto('/');
  const entry = phone.getByRole('form', { name: 'Join a workshop' });
  await entry.getByLabel('Room code').fill(`${roomCode.slice(0, 3).toLowerCase()} ${roomCode.slice(3)}`);
  await entry.getByRole('button', { name: 'Join the room' }).click();
  await phone.waitForURL(`**/w/${roomCode}`);
  await phone.getByLabel('Your name').fill('Kamran Ismayilov');
  await phone.getByRole('radio', { name: 'Finance' }).check();
  await phone.getByRole('button', { name: 'Join' }).click();
  await phone.waitForURL(`**/w/${roomCode}/vote`);
  await expect(phone.getByRole('heading', { level: 1, name: 'Answer at your own pace' })).toBeVisible();
  const phoneToken = await participantToken(phone, sessionId);

  // The phone's count, read off the screen, is the server's count for that phone.
  const expectCountAgrees = async (answered: number) => {
    const live = await callProcedure<Live>(request, 'workshop.live', { sessionId }, phoneToken);
    expect(live.myRound?.answered).toBe(answered);
    await expect(phone.getByText(`You have answered ${answered} of ${live.myRound!.required} questions of this round.`)).toBeVisible();
  };
  const scale = () => phone.getByRole('radiogroup');
  const recorded = phone.getByRole('status').filter({ hasText: 'Answer recorded' });
  const vote = async (fromTop: number) => {
    await scale().getByRole('radio').nth(fromTop).click();
    await expect(recorded).toBeVisible();
  };

  await call('workshop.setMode', { mode: 'live' });
  const first = (await call<Live>('workshop.live')).current!;
  await expect(scale()).toBeVisible();
  await vote(6);
  await expectCountAgrees(1);
  await call('workshop.next');
  await expect(phone.getByText(`Question 2 of ${first.total}`)).toBeVisible();
  await expect(scale().getByRole('radio', { checked: true })).toHaveCount(0);
  await vote(10);
  await expectCountAgrees(2);
  await call('workshop.previous');
  await expect(phone.getByText(`Question 1 of ${first.total}`)).toBeVisible();
  await expect(scale().getByRole('radio').nth(6)).toBeChecked();
  await expect(recorded).toBeVisible();

  // The re-vote clears the first question; self-paced, the questionnaire, Back, live again: still empty.
  await call('workshop.revote');
  await expect(scale().getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(recorded).toHaveCount(0);
  await expectCountAgrees(1);
  await call('workshop.setMode', { mode: 'async' });
  await phone.getByRole('link', { name: 'Open the questionnaire' }).click();
  await phone.waitForURL(`**/s/${sessionId}/q`);
  await expect(phone.getByRole('progressbar')).toBeVisible();
  await phone.goBack();
  await phone.waitForURL(`**/w/${roomCode}/vote`);
  await expect(phone.getByRole('heading', { level: 1, name: 'Answer at your own pace' })).toBeVisible();
  await call('workshop.setMode', { mode: 'live' });
  await call('workshop.setCurrent', { item: { kind: 'pair', nodeKey: first.nodeKey, a: first.a, b: first.b } });
  await expect(phone.getByText(`Question 1 of ${first.total}`)).toBeVisible();
  await expect(scale().getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(recorded).toHaveCount(0);
  await expectCountAgrees(1);

  // An answer after the countdown: refused by the server's clock, said so, not counted.
  await call('workshop.setCountdown', { seconds: 10 });
  await expect(phone.getByText(/0:0\d|0:10/).first()).toBeVisible();
  await phone.waitForTimeout(10_500);
  await scale().getByRole('radio').nth(4).click();
  await expect(phone.getByRole('status').filter({ hasText: 'your answer was not recorded' })).toBeVisible();
  await expect(recorded).toHaveCount(0);
  await expectCountAgrees(1);
  await call('workshop.setCountdown', { seconds: null });

  // Someone who came by the invite link answers at their own pace, until the room goes live.
  const joined = await callProcedure<{ token: string; path: string }>(
    request,
    'participant.join',
    { sessionId, displayName: 'Sevinj Karimova', stakeholderGroup: 'government' },
    session.invite.token,
  );
  const desk = await newPage(browser, { width: 1366, height: 900 }, 'ru-RU');
  await call('workshop.setMode', { mode: 'async' });
  await desk.goto(joined.path);
  await desk.waitForURL(`**/s/${sessionId}/q`);
  await expect(desk.getByRole('progressbar')).toBeVisible();
  await call('workshop.setMode', { mode: 'live' });
  await call('workshop.next');
  const banner = desk.getByRole('region', { name: 'Зал голосует в прямом эфире' });
  await expect(banner).toBeVisible();
  // Past the profile, the first question: not the one the room votes on, so it is not offered here.
  await desk.getByRole('navigation').getByRole('button').last().click();
  await expect(desk.locator('fieldset[disabled]')).toHaveCount(1);
  await expectAccessible(desk, 'the questionnaire while the room votes live');
  await desk.screenshot({ path: `${SHOTS}/phones-questionnaire-live-ru.png`, fullPage: true });
  await banner.getByRole('link', { name: 'Перейти к экрану голосования' }).click();
  await desk.waitForURL(`**/w/${roomCode}/vote`);
  await expect(desk.getByRole('radiogroup')).toBeVisible();

  // Closed round, then closed session: the same words on the phone, the questionnaire and the projector.
  const projector = await newPage(browser, { width: 1280, height: 720 }, 'az-AZ');
  await projector.goto(`/w/${roomCode}/screen`);
  await call('workshop.closeRound');
  await expect(phone.getByRole('heading', { level: 1, name: 'Round 1 is closed' })).toBeVisible();
  await expect(desk.getByRole('heading', { level: 1, name: 'Раунд 1 закрыт' })).toBeVisible();
  await expect(projector.getByRole('heading', { level: 1, name: '1 nömrəli raund bağlanıb' })).toBeVisible();
  await desk.goto(`/s/${sessionId}/q`);
  await expect(desk.getByRole('region', { name: 'Раунд 1 закрыт' })).toBeVisible();
  await desk.getByRole('navigation').getByRole('button').last().click();
  await expect(desk.locator('fieldset[disabled]')).toHaveCount(1);

  await call('session.close');
  await expect(phone.getByRole('heading', { level: 1, name: 'This session is closed, thank you' })).toBeVisible();
  await expect(projector.getByRole('heading', { level: 1, name: 'Bu sessiya bağlanıb, təşəkkür edirik' })).toBeVisible();
  await desk.reload();
  await expect(desk.getByRole('region', { name: 'Эта сессия закрыта, спасибо' })).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1, name: 'This session is closed, thank you' })).toBeVisible();
  await expectAccessible(phone, 'the phone of a closed session');
  await phone.screenshot({ path: `${SHOTS}/phones-session-closed.png`, fullPage: true });
  await projector.screenshot({ path: `${SHOTS}/phones-projector-closed-az.png` });
});
