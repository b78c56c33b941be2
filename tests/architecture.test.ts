import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const core = join(root, 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2]!,
  );
}

describe('core/ stays pure', () => {
  const files = sourceFiles(core);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports only core/ itself, and zod only from core/contracts', () => {
    const offending: string[] = [];
    for (const file of files) {
      const isContract = relative(core, file).startsWith('contracts');
      for (const specifier of importsOf(file)) {
        const isRelativeInsideCore = specifier.startsWith('.') && resolve(file, '..', specifier).startsWith(core);
        const isAllowedZod = specifier === 'zod' && isContract;
        if (!isRelativeInsideCore && !isAllowedZod) offending.push(`${relative(root, file)} imports ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('does not read the clock or global randomness', () => {
    const offending = files.filter((file) => /Date\.now\(|new Date\(|Math\.random\(|performance\.now\(/.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(root, file))).toEqual([]);
  });
});

/** `import x from` / `export x from` specifiers of a file, without the type-only ones (erased at build). */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((match) => match[2]!);
}

describe('core/model is the domain’s one home, free of zod and of the engine', () => {
  const model = join(core, 'model');
  const files = sourceFiles(model).filter((file) => !file.endsWith('evaluate-session.ts'));

  it('loads neither the contracts (zod) nor the engine at run time, so the browser takes it whole', () => {
    const offending = files.flatMap((file) =>
      valueImportsOf(file)
        .filter((specifier) => /\/(contracts|evaluate)(\/|$)/.test(specifier) || specifier === 'zod')
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('server/ and app/ take the stored result as typed', () => {
  const files = [...sourceFiles(join(root, 'server')), ...sourceFiles(join(root, 'app'))];

  it('never cast through unknown (nor does db/ or core/)', () => {
    const everywhere = [...files, ...sourceFiles(join(root, 'db')), ...sourceFiles(join(root, 'core'))];
    const offending = everywhere.filter((file) => /\bas unknown as\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(offending).toEqual([]);
  });

  it('keep no hand-written copy of the engine’s result types', () => {
    // A private partial copy declares the result's own fields; the typed result comes from core (SessionResult).
    const copy = /type \w+ = \{[^}]*\branking: string\[\][^}]*\}/s;
    const offending = files.filter((file) => copy.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(offending).toEqual([]);
  });
});
