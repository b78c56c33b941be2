import { describe, expect, it } from 'vitest';
import { checkCommentText } from './comment-text';
import { CommentText } from './judgments';

describe('a reason: the questionnaire’s check and the server’s contract agree', () => {
  const cases = [
    '',
    ' \n\t ',
    'y'.repeat(500),
    'y'.repeat(501),
    `${'y'.repeat(250)}${'\u0001'.repeat(20)}${'y'.repeat(250)}`,
    `  ${'z'.repeat(500)}\r\n`,
    'e\u0301'.repeat(300), // 600 code units typed, 300 after NFC
    'x'.repeat(2001),
    'Line\r\none\u202E\u0000 two',
  ];
  it.each(cases.map((text) => [text.length, text]))('for a text of %i code units', (_, text) => {
    const server = CommentText.safeParse(text);
    const client = checkCommentText(text);
    expect(client.ok).toBe(server.success);
    if (client.ok && server.success) expect(client.text).toBe(server.data);
  });
  it('cleans as documented', () => {
    expect(checkCommentText('Line\r\none\u202E\u0000 two')).toEqual({ ok: true, text: 'Line\none two' });
    expect(checkCommentText('e\u0301'.repeat(300))).toEqual({ ok: true, text: '\u00e9'.repeat(300) });
  });
});
