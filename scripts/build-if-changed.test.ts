import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceHash } from './build-if-changed.mjs';

describe('the source hash npm start compares with the build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'clusterwise-hash-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{"name":"x"}');
  write('package-lock.json', '{}');
  write('next.config.js', 'export default {};');
  write('app/page.tsx', 'export default function Page() { return null; }');
  write('core/ahp/eigenvector.ts', 'export const x = 1;');

  it('changes with any file a build reads: app code, the lockfile, the Next config', () => {
    const before = sourceHash(root);
    expect(sourceHash(root)).toBe(before);
    for (const [file, text] of [
      ['core/ahp/eigenvector.ts', 'export const x = 2;'],
      ['package-lock.json', '{"lockfileVersion":3}'],
      ['next.config.js', 'export default { poweredByHeader: false };'],
      ['messages/en.json', '{}'],
      ['proxy.ts', 'export function proxy() {}'],
    ]) {
      const was = sourceHash(root);
      write(file!, text!);
      expect(sourceHash(root), file).not.toBe(was);
    }
    // A file renamed is a change too, though no content changed.
    const was = sourceHash(root);
    cpSync(path.join(root, 'app/page.tsx'), path.join(root, 'app/other.tsx'));
    rmSync(path.join(root, 'app/page.tsx'));
    expect(sourceHash(root)).not.toBe(was);
  });

  it('stays the same for what no build reads: docs, tests, migrations, the data folder, the build itself', () => {
    const was = sourceHash(root);
    write('README.md', '# changed');
    write('core/ahp/eigenvector.test.ts', 'it();');
    write('tests/e2e/x.spec.ts', 'x');
    write('db/migrations/0009_x.sql', 'select 1;');
    write('data/pglite/base/1', 'rows');
    write('.next/BUILD_ID', 'abc');
    write('next-env.d.ts', '/// <reference types="next" />');
    write('server.mjs', '// the server is not built');
    expect(sourceHash(root)).toBe(was);
  });
});
