/**
 * The rule for a participant's reason, without zod: the questionnaire checks a reason as it is typed with these,
 * and importing a zod schema there would put zod (about 43 KB gzip) into the page's first load, over its 200 KB
 * budget. `CommentText` in ./judgments.ts is the same rule as the zod contract the server applies.
 */

/** The longest reason a participant may give for one judgment, in UTF-16 code units after cleaning (a textarea's count). */
export const MAX_COMMENT_LENGTH = 500;

/**
 * What a reason may not hold: C0 and C1 control characters other than the line feed, and the bidirectional
 * embedding, override and isolate marks, which can make a text read differently from what it holds.
 */
const COMMENT_STRIPPED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A reason as it is stored and shown: plain text in NFC, line ends as \n, no control characters, no blank lines
 * at either end. The empty string means "no reason".
 */
export function cleanCommentText(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(COMMENT_STRIPPED, '').trim();
}

/** A reason checked as the server checks it: the cleaned text, or how long it is when over the bound. */
export function checkCommentText(raw: string): { ok: true; text: string } | { ok: false; length: number } {
  if (raw.length > MAX_COMMENT_LENGTH * 4) return { ok: false, length: raw.length };
  const text = cleanCommentText(raw);
  return text.length > MAX_COMMENT_LENGTH ? { ok: false, length: text.length } : { ok: true, text };
}
