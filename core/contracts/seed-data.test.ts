import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MeasureCatalogue } from './catalogue';
import { LOCALES } from './localized';
import { DecisionModelTemplate, MAX_CRITERIA_DEPTH, type CriterionTemplate } from './model';
import { ClusterProfileDefinition } from './profile';

/** Reads a seed file relative to the repository root. */
function readSeed(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../db/seed/${path}`, import.meta.url), 'utf8'));
}

const MODEL_FILES = [
  'models/cluster-policy.v1.json',
  'models/sustainable-competitiveness.v1.json',
  'models/blank.v1.json',
] as const;
/** The newest profile definition, which sessions are assessed with; version 1 stays for profiles saved with it. */
const PROFILE_FILE = 'profile/cluster-profile.v2.json';
const FIRST_PROFILE_FILE = 'profile/cluster-profile.v1.json';
const CATALOGUE_FILE = 'catalogue/measures.v1.json';

const DEFAULT_CRITERIA = [
  'economic-growth',
  'jobs-quality-of-life',
  'social-development',
  'environmental-sustainability',
  'geographic-infrastructure',
  'international-competitiveness',
];
const STRATEGIES = ['specialization', 'hubbing', 'integration'];
const PROFILE_FACTORS: Record<string, string[]> = {
  internal: ['innovative-activity', 'management-quality', 'cooperation-level'],
  external: ['public-policy', 'infrastructure', 'market-dynamics'],
  'success-factor': [
    'leading-enterprises',
    'qualified-personnel',
    'innovation-infrastructure',
    'public-private-partnership',
    'government-support',
  ],
};
const REGIONAL_PRIORITIES = ['technological-sovereignty', 'economic-security', 'digitalization', 'import-substitution'];

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const k of keys) (seen.has(k) ? dup : seen).add(k);
  return [...dup];
}

/** Every criterion of the tree, depth-first, with its depth (1 = top level). */
function flattenCriteria(nodes: readonly CriterionTemplate[], depth = 1): { node: CriterionTemplate; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenCriteria(node.children ?? [], depth + 1)]);
}

/** Every sibling list of the tree (the top level and each `children`). */
function siblingLists(nodes: readonly CriterionTemplate[]): CriterionTemplate[][] {
  return [[...nodes], ...nodes.flatMap((n) => siblingLists(n.children ?? []))];
}

type Texts = { path: string; text: Record<string, unknown> }[];

/** Every localized text ({en, ru, az}) found anywhere in a seed document, with its JSON path. */
function localizedTexts(value: unknown, path = '$', out: Texts = []): Texts {
  if (Array.isArray(value)) {
    value.forEach((v, i) => localizedTexts(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (LOCALES.every((l) => typeof obj[l] === 'string')) out.push({ path, text: obj });
    else for (const [k, v] of Object.entries(obj)) localizedTexts(v, `${path}.${k}`, out);
  }
  return out;
}

function expectTranslated(doc: unknown): void {
  const texts = localizedTexts(doc);
  expect(texts.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const { path, text } of texts) {
    for (const l of LOCALES) {
      const s = text[l];
      if (typeof s !== 'string' || s.trim() === '') problems.push(`${path}.${l} is empty`);
      else if (s !== s.trim()) problems.push(`${path}.${l} has surrounding whitespace`);
    }
    if (text.ru === text.en) problems.push(`${path}: ru is a copy of en`);
    if (typeof text.ru === 'string' && !/[\u0400-\u04FF]/.test(text.ru)) problems.push(`${path}: ru has no Cyrillic`);
    if (typeof text.az === 'string' && /[\u0400-\u04FF]/.test(text.az)) problems.push(`${path}: az is not in Latin script`);
  }
  expect(problems).toEqual([]);
}

const models = Object.fromEntries(
  MODEL_FILES.map((file) => [file, DecisionModelTemplate.parse(readSeed(file))]),
) as Record<(typeof MODEL_FILES)[number], DecisionModelTemplate>;
const clusterPolicy = models['models/cluster-policy.v1.json'];
const profile = ClusterProfileDefinition.parse(readSeed(PROFILE_FILE));
const catalogue = MeasureCatalogue.parse(readSeed(CATALOGUE_FILE));

describe('seed decision models', () => {
  it.each(MODEL_FILES)('%s satisfies DecisionModelTemplate', (file) => {
    expect(DecisionModelTemplate.safeParse(readSeed(file)).success).toBe(true);
  });

  it.each(MODEL_FILES)('%s is named after its file (key and version)', (file) => {
    const model = models[file];
    expect(file).toBe(`models/${model.key}.v${model.version}.json`);
  });

  it.each(MODEL_FILES)('%s has unique criterion keys (per sibling list and across the tree) within depth limits', (file) => {
    const model = models[file];
    for (const list of siblingLists(model.criteria)) expect(duplicates(list.map((c) => c.key))).toEqual([]);
    const all = flattenCriteria(model.criteria);
    expect(duplicates(all.map((c) => c.node.key))).toEqual([]);
    for (const { depth } of all) expect(depth).toBeLessThanOrEqual(MAX_CRITERIA_DEPTH);
  });

  it.each(MODEL_FILES)('%s has unique strategy keys, the three regulation strategies', (file) => {
    const keys = models[file].strategies.map((s) => s.key);
    expect(duplicates(keys)).toEqual([]);
    expect(keys).toEqual(STRATEGIES);
  });

  it.each(MODEL_FILES)('%s texts are non-empty and translated', (file) => {
    expectTranslated(models[file]);
  });

  it('cluster-policy has exactly the six default criteria', () => {
    expect(clusterPolicy.key).toBe('cluster-policy');
    expect(clusterPolicy.criteria.map((c) => c.key)).toEqual(DEFAULT_CRITERIA);
  });

  it('sustainable-competitiveness has the nine metrics of the alternative set', () => {
    const model = models['models/sustainable-competitiveness.v1.json'];
    expect(model.key).toBe('sustainable-competitiveness');
    expect(flattenCriteria(model.criteria)).toHaveLength(9);
  });

  it('all models share the same strategy texts', () => {
    for (const file of MODEL_FILES) expect(models[file].strategies).toEqual(clusterPolicy.strategies);
  });
});

describe('seed cluster profile definition', () => {
  it('satisfies ClusterProfileDefinition', () => {
    expect(ClusterProfileDefinition.safeParse(readSeed(PROFILE_FILE)).success).toBe(true);
  });

  it('has unique factor and priority keys and distinct rating labels', () => {
    expect(duplicates(profile.factors.map((f) => f.key))).toEqual([]);
    expect(duplicates(profile.regionalPriorities.map((p) => p.key))).toEqual([]);
    for (const l of LOCALES) expect(duplicates(profile.ratingLabels.map((r) => r[l]))).toEqual([]);
  });

  it('has the factors of the paper in their groups, and the four regional priorities', () => {
    for (const [group, keys] of Object.entries(PROFILE_FACTORS)) {
      expect(profile.factors.filter((f) => f.group === group).map((f) => f.key)).toEqual(keys);
    }
    expect(profile.factors).toHaveLength(Object.values(PROFILE_FACTORS).flat().length);
    expect(profile.regionalPriorities.map((p) => p.key)).toEqual(REGIONAL_PRIORITIES);
  });

  it('texts are non-empty and translated', () => {
    expectTranslated(profile);
  });

  it('keeps version 1 as it was, and adds only what each strategy leans on', () => {
    const first = ClusterProfileDefinition.parse(readSeed(FIRST_PROFILE_FILE));
    expect(first.version).toBe(1);
    expect(first.strategyReliance).toBeUndefined();
    expect(profile.version).toBe(2);
    expect({ ...first, version: 2, strategyReliance: profile.strategyReliance }).toEqual(profile);
  });

  it('has each regulation strategy lean on known factors, each factor once per strategy', () => {
    const factorKeys = new Set(profile.factors.map((f) => f.key));
    const reliance = profile.strategyReliance ?? [];
    for (const strategy of STRATEGIES) {
      const factors = reliance.filter((r) => r.strategy === strategy).map((r) => r.factor);
      expect(factors.length).toBeGreaterThan(0);
      expect(duplicates(factors)).toEqual([]);
    }
    for (const r of reliance) {
      expect(STRATEGIES).toContain(r.strategy);
      expect(factorKeys.has(r.factor)).toBe(true);
    }
    // The worked example of the issue: hubbing needs transport and communication links.
    expect(reliance.find((r) => r.strategy === 'hubbing' && r.factor === 'infrastructure')?.needs.en).toBe('transport and communication links');
  });
});

describe('seed measure catalogue', () => {
  const criterionKeys = new Set(flattenCriteria(clusterPolicy.criteria).map((c) => c.node.key));
  const factorKeys = new Set(profile.factors.map((f) => f.key));
  const priorityKeys = new Set(profile.regionalPriorities.map((p) => p.key));
  const familyKeys = new Set(catalogue.families.map((f) => f.key));
  const strategyKeys = clusterPolicy.strategies.map((s) => s.key);

  it('satisfies MeasureCatalogue', () => {
    expect(MeasureCatalogue.safeParse(readSeed(CATALOGUE_FILE)).success).toBe(true);
  });

  it('has unique family and measure keys', () => {
    expect(duplicates(catalogue.families.map((f) => f.key))).toEqual([]);
    expect(duplicates(catalogue.measures.map((m) => m.key))).toEqual([]);
  });

  it('has the five intra-cluster families and one public family, each with measures', () => {
    expect(catalogue.families.filter((f) => f.side === 'intra-cluster').map((f) => f.key)).toEqual([
      'resource-potential',
      'organizational-structure',
      'management-techniques',
      'social-environmental-responsibility',
      'digital-transformation',
    ]);
    expect(catalogue.families.filter((f) => f.side === 'public').map((f) => f.key)).toEqual(['public-support']);
    for (const family of familyKeys) {
      expect(catalogue.measures.some((m) => m.family === family), `family ${family} has no measure`).toBe(true);
    }
  });

  it('refers only to existing families, criteria, profile factors and regional priorities', () => {
    const problems: string[] = [];
    for (const m of catalogue.measures) {
      if (!familyKeys.has(m.family)) problems.push(`${m.key}: unknown family ${m.family}`);
      for (const k of m.criteria) if (!criterionKeys.has(k)) problems.push(`${m.key}: unknown criterion ${k}`);
      for (const k of m.answersWeaknesses) if (!factorKeys.has(k)) problems.push(`${m.key}: unknown profile factor ${k}`);
      for (const k of m.servesPriorities) if (!priorityKeys.has(k)) problems.push(`${m.key}: unknown regional priority ${k}`);
      for (const [name, list] of Object.entries({
        criteria: m.criteria,
        answersWeaknesses: m.answersWeaknesses,
        servesPriorities: m.servesPriorities,
      })) {
        for (const d of duplicates(list)) problems.push(`${m.key}: ${d} repeated in ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every measure a fit for every strategy of the model, and no other', () => {
    for (const m of catalogue.measures) {
      expect(Object.keys(m.strategyFit).sort(), m.key).toEqual([...strategyKeys].sort());
    }
  });

  it('serves every default criterion, profile factor and regional priority with at least one measure', () => {
    const served = (pick: (m: (typeof catalogue.measures)[number]) => string[]) =>
      new Set(catalogue.measures.flatMap(pick));
    const criteria = served((m) => m.criteria);
    const factors = served((m) => m.answersWeaknesses);
    const priorities = served((m) => m.servesPriorities);
    expect([...criterionKeys].filter((k) => !criteria.has(k))).toEqual([]);
    expect([...factorKeys].filter((k) => !factors.has(k))).toEqual([]);
    expect([...priorityKeys].filter((k) => !priorities.has(k))).toEqual([]);
  });

  it('texts are non-empty and translated', () => {
    expectTranslated(catalogue);
  });
});
