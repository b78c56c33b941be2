import 'server-only';
import { existsSync } from 'node:fs';
import type { ReportPdfInput } from '~/core/contracts/exports';
import { LOCALE_COOKIE } from '~/i18n/config';
import { env } from '~/server/env.js';
import { AppError } from '~/server/errors';
import type { AccessContext, ServiceArgs } from '../context';
import { readVisibleResults } from '../results/visible-results';
import { findSession } from '../shared/session-state';
import { exportFileName } from './file';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** The report waits for its recommendation; a cold `next dev` compiles the page first. */
const RENDER_TIMEOUT_MS = 90_000;

/** Where the Chromium to print with is, or why there is none: the message says what to set. */
export function findChromium(path: string | undefined = env.CHROMIUM_PATH): string {
  const candidate = path ?? DEFAULT_CHROMIUM;
  if (!existsSync(candidate)) {
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

/** One Chromium at a time per process: each takes a few hundred megabytes and a core while it prints. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
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
  const session = await findSession(ctx.db, ctx.access.sessionId);
  const scope = ctx.access.role === 'facilitator' ? 'group' : (input.scope ?? 'own');
  // The same visibility rules as the page: a report of a result the reader may not see, or that is not there, is refused
  // here rather than printed as an error page.
  const visible = await readVisibleResults(ctx.db, ctx.access);
  if (scope === 'group' && ctx.access.role === 'participant' && session.participantResults !== 'own-and-group') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared the group result with participants in this session.', { field: 'scope' });
  }
  if (!(scope === 'group' ? visible.group : visible.own)) {
    throw new AppError('NOT_COMPUTABLE', 'There is no computed result to report yet: compute the results first.');
  }
  const timeZone = input.timeZone ?? null;
  if (timeZone && !isTimeZone(timeZone)) throw new AppError('INVALID_INPUT', `"${timeZone}" is not a time zone.`, { field: 'timeZone' });
  const executablePath = findChromium();
  const origin = reportOrigin();
  const token = ctx.token;
  const url = `${origin}/s/${session.id}/report${ctx.access.role === 'facilitator' ? '' : `?scope=${scope}`}#key=${token}`;
  const bytes = await oneAtATime(async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      // The dates on the report read as they do on the reader's own screen.
      const context = await browser.newContext(timeZone ? { timezoneId: timeZone } : {});
      await context.addCookies([{ name: LOCALE_COOKIE, value: input.locale, url: origin }]);
      const page = await context.newPage();
      await page.goto(url, { timeout: RENDER_TIMEOUT_MS });
      await page.waitForSelector('main[data-report-ready="true"]', { timeout: RENDER_TIMEOUT_MS });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('UNAVAILABLE', `The report could not be printed to PDF on the server: ${(error as Error).message.split('\n')[0]}`, {
        cause: error,
      });
    } finally {
      await browser.close();
    }
  });
  return {
    fileName: exportFileName(session.title, new Date(), 'pdf'),
    mimeType: 'application/pdf',
    size: bytes.byteLength,
    base64: Buffer.from(bytes).toString('base64'),
  };
}
