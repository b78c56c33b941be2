/**
 * What must never reach a client in a server error: SQL (drizzle's "Failed query: ... params: ..."), quoted
 * table.column names, stack frames, link tokens. The harness records every 5xx a test provokes
 * (recordServerErrorLeaks); tests/integration/check-server-error-leaks.ts fails the test that provoked one.
 * Kept free of app imports: the check runs in every test file of the suite.
 */
const SERVER_INTERNALS: Array<[string, RegExp]> = [
  ['SQL text', /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where|values)\b/i],
  ['a failed query', /failed query|\bparams:/i],
  ['a quoted SQL name', /"[a-z_]+"\."[a-z_]+"|\$\d+\b/],
  ['a stack trace', /\bat [^\s]+ \(?[^\s]*:\d+:\d+\)?/],
  ['a link token', /#key=|bearer\s+\S{16,}/i],
];

/** The internals `text` (what a client received) gives away, by name; empty when it gives none. */
export function serverInternalsIn(text: string): string[] {
  return SERVER_INTERNALS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

const leaks: string[] = [];

/** Records a 5xx whose answer carried server internals. */
export function recordServerErrorLeaks(where: string, status: number, clientText: string): void {
  if (status < 500) return;
  const found = serverInternalsIn(clientText);
  if (found.length) leaks.push(`${where} answered ${status} with ${found.join(', ')}: ${clientText.slice(0, 500)}`);
}

/** The leaks recorded since the last call. */
export function takeServerErrorLeaks(): string[] {
  return leaks.splice(0);
}
