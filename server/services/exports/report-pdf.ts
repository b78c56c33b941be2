import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { ReportPdfInput } from '~/core/contracts/exports';
import { AnyStoredCoverage, AnyStoredResult } from '~/core/contracts/session-result';
import { LOCALE_COOKIE } from '~/i18n/config';
import { env } from '~/server/env.js';
import { AppError } from '~/server/errors';
import type { AccessContext, ServiceArgs } from '../context';
import { visibleResults } from '../results/visible-results';
import { READ_SNAPSHOT, readSessionSnapshot } from '../shared/session-snapshot';
import { exportFileName } from './file';
import { PrintQueue } from './print-queue';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** How long one PDF may take, from launching Chromium to the last page (REPORT_PDF_TIMEOUT_SECONDS). */
const RENDER_TIMEOUT_MS = env.REPORT_PDF_TIMEOUT_SECONDS * 1000;

/**
 * One Chromium at a time per process (each takes a few hundred megabytes and a core while it prints), at most three
 * jobs waiting, one per caller. A waiting job gives up after two and a half print times: longer than the job
 * before it may run, so a hung print cannot make the next caller's wait fail too.
 */
export const PDF_QUEUE_LENGTH = 3;
const printQueue = new PrintQueue({ maxWaiting: PDF_QUEUE_LENGTH, patienceMs: RENDER_TIMEOUT_MS * 2.5 });

/** Where the Chromium to print with is, or why there is none: the message says what to set. */
export function findChromium(path: string | undefined = env.CHROMIUM_PATH): string {
  const candidate = path ?? DEFAULT_CHROMIUM;
  // The browser's path is the operator's setting, not a file of the app: nothing for the build to trace.
  if (!existsSync(/* turbopackIgnore: true */ candidate)) {
    throw new AppError(
      'UNAVAILABLE',
      `Reports cannot be printed to PDF on this server: no Chromium at ${candidate}. Install Chromium or set CHROMIUM_PATH ` +
        'to its executable, or print the report from the browser ("Print / save as PDF").',
    );
  }
  return candidate;
}

/** The address the server's Chromium opens the report at: this process itself unless REPORT_PDF_ORIGIN says otherwise. */
export function reportOrigin(): string {
  if (env.REPORT_PDF_ORIGIN) return env.REPORT_PDF_ORIGIN.replace(/\/+$/, '');
  if (env.PORT) return `http://127.0.0.1:${env.PORT}`;
  throw new AppError(
    'UNAVAILABLE',
    'Reports cannot be printed to PDF on this server: it does not know its own address. Set REPORT_PDF_ORIGIN ' +
      '(for example http://127.0.0.1:3000), or print the report from the browser ("Print / save as PDF").',
  );
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Resolves with `task`'s value, or rejects when `ms` pass first (the task is then abandoned by its caller). */
function withDeadline<T>(task: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([task, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The stored row against the result contract, before any Chromium is started: a damaged result (an old import, a
 * row edited by hand) would otherwise leave the report page waiting for a recommendation that never comes.
 */
function checkPrintable(row: { result: unknown; coverage: unknown }): void {
  for (const [part, contract, value] of [
    ['result', AnyStoredResult, row.result],
    ['coverage', AnyStoredCoverage, row.coverage],
  ] as const) {
    const parsed = contract.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [part, ...(issue?.path ?? [])].join('.');
      throw new AppError('NOT_COMPUTABLE', `The stored result is damaged (${where}: ${issue?.message ?? 'invalid'}): compute the results again, then print.`, {
        field: 'scope',
      });
    }
  }
}

/**
 * The report page printed to an A4 PDF by a headless Chromium on the server, exactly as the browser's "Save as PDF"
 * would print it. The Chromium opens this app's own report page with the caller's link (in the URL fragment, which
 * never leaves that browser) at an address the server is configured with, never one taken from the request.
 */
export async function renderReportPdf({ ctx, input }: ServiceArgs<AccessContext & { token: string | null }, ReportPdfInput>) {
  if (ctx.access.role === 'invite' || !ctx.token) {
    throw new AppError('FORBIDDEN', 'Join the session first: the report is for participants and the facilitator.');
  }
  const scope = ctx.access.role === 'facilitator' ? 'group' : (input.scope ?? 'own');
  const snapshot = await ctx.db.transaction((tx) => readSessionSnapshot(tx, ctx.access), READ_SNAPSHOT);
  const { session } = snapshot;
  // The same visibility rules as the page: a report of a result the reader may not see, or that is not there, is refused
  // here rather than printed as an error page.
  if (scope === 'group' && ctx.access.role === 'participant' && session.participantResults !== 'own-and-group') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared the group result with participants in this session.', { field: 'scope' });
  }
  const row = scope === 'group' ? snapshot.groupResult : snapshot.ownResult;
  let visible: ReturnType<typeof visibleResults>;
  try {
    visible = visibleResults(snapshot, ctx.access);
  } catch (error) {
    // Reading a damaged row can fail before any rule is checked: say so rather than fail unexplained.
    if (!(error instanceof AppError) && row) checkPrintable(row);
    throw error;
  }
  if (!(scope === 'group' ? visible.group : visible.own) || !row) {
    throw new AppError('NOT_COMPUTABLE', 'There is no computed result to report yet: compute the results first.');
  }
  checkPrintable(row);
  const timeZone = input.timeZone ?? null;
  if (timeZone && !isTimeZone(timeZone)) throw new AppError('INVALID_INPUT', `"${timeZone}" is not a time zone.`, { field: 'timeZone' });
  const executablePath = findChromium();
  const origin = reportOrigin();
  const token = ctx.token;
  const url = `${origin}/s/${session.id}/report${ctx.access.role === 'facilitator' ? '' : `?scope=${scope}`}#key=${token}`;
  const launched: { browser: Browser | null } = { browser: null };
  const print = async () => {
    const { chromium } = await import('playwright-core');
    const browser = (launched.browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    }));
    // The dates on the report read as they do on the reader's own screen.
    const context = await browser.newContext(timeZone ? { timezoneId: timeZone } : {});
    await context.addCookies([{ name: LOCALE_COOKIE, value: input.locale, url: origin }]);
    const page = await context.newPage();
    await page.goto(url, { timeout: RENDER_TIMEOUT_MS });
    // Ready when the report's data is in and the browser's dates and numbers are final (app/_components/intl-ready).
    await page.waitForSelector('html[data-intl-ready="true"] main[data-report-ready="true"]', { timeout: RENDER_TIMEOUT_MS });
    return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  };
  const closeBrowser = () => void launched.browser?.close().catch(() => undefined);
  const bytes = await printQueue.run(token, async () => {
    try {
      return await withDeadline(print(), RENDER_TIMEOUT_MS, closeBrowser);
    } catch (error) {
      // Chromium's messages name the page's address, and with it the reader's link: the log gets them without the
      // token, the reader an id to quote.
      const errorId = randomBytes(6).toString('hex');
      const reason = String((error as Error)?.message ?? error).replaceAll(token, '<token>');
      console.error(`[error ${errorId}] report PDF of session ${session.id} failed: ${reason}`);
      const timedOut = reason.includes('imeout') || reason.includes('timed out');
      throw new AppError(
        'PRINT_FAILED',
        `The report could not be printed to PDF on the server (error id ${errorId}): ` +
          (timedOut ? `it was not ready within ${RENDER_TIMEOUT_MS / 1000} s.` : 'Chromium could not open or print it.') +
          ' Try again, or print the report from the browser ("Print / save as PDF").',
      );
    } finally {
      closeBrowser();
    }
  });
  return {
    fileName: exportFileName(session.title, new Date(), 'pdf'),
    mimeType: 'application/pdf',
    size: bytes.byteLength,
    base64: Buffer.from(bytes).toString('base64'),
  };
}
