import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { MeasureCatalogue } from '../../core/contracts/catalogue';
import { DecisionModelTemplate } from '../../core/contracts/model';
import { ClusterProfileDefinition } from '../../core/contracts/profile';
import { env } from '../../server/env.js';
import type { Db } from '../client';
import { openDbOrExit } from '../client';
import { isMainModule } from '../migrate';
import { decisionModels, measureCatalogues, profileDefinitions } from '../schema';

const SEED_DIR = fileURLToPath(new URL('.', import.meta.url));

export type SeedData = {
  models: DecisionModelTemplate[];
  catalogues: MeasureCatalogue[];
  profiles: ClusterProfileDefinition[];
};

export type SeedReport = { inserted: string[]; unchanged: string[]; changedInPlace: string[] };

function readFolder<T>(folder: string, contract: z.ZodType<T>): T[] {
  const dir = path.join(SEED_DIR, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = contract.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
        throw new Error(`seed file ${folder}/${file} is invalid:\n  ${problems.join('\n  ')}`);
      }
      return parsed.data;
    });
}

/** Reads and validates every versioned seed file; an invalid file stops the seed before anything is written. */
export function loadSeedData(): SeedData {
  return {
    models: readFolder('models', DecisionModelTemplate),
    catalogues: readFolder('catalogue', MeasureCatalogue),
    profiles: readFolder('profile', ClusterProfileDefinition),
  };
}

/**
 * Inserts each seed version not yet in the database, in one transaction, and never rewrites a seeded one:
 * sessions refer to a (key, version), so changed content needs a new version. A file edited in place is
 * reported, not applied.
 */
export async function seedReferenceData(db: Db, data: SeedData = loadSeedData()): Promise<SeedReport> {
  const report: SeedReport = { inserted: [], unchanged: [], changedInPlace: [] };
  const note = (label: string, existing: unknown, incoming: unknown, inserted: boolean) => {
    if (inserted) report.inserted.push(label);
    else if (isDeepStrictEqual(existing, incoming)) report.unchanged.push(label);
    else report.changedInPlace.push(label);
  };
  await db.transaction(async (tx) => {
    for (const template of data.models) {
      const inserted = await tx
        .insert(decisionModels)
        .values({ key: template.key, version: template.version, template })
        .onConflictDoNothing()
        .returning({ id: decisionModels.id });
      const [existing] = await tx
        .select({ template: decisionModels.template })
        .from(decisionModels)
        .where(and(eq(decisionModels.key, template.key), eq(decisionModels.version, template.version)));
      note(`model ${template.key} v${template.version}`, existing?.template, template, inserted.length > 0);
    }
    for (const catalogue of data.catalogues) {
      const inserted = await tx
        .insert(measureCatalogues)
        .values({ version: catalogue.version, catalogue })
        .onConflictDoNothing()
        .returning({ id: measureCatalogues.id });
      const [existing] = await tx
        .select({ catalogue: measureCatalogues.catalogue })
        .from(measureCatalogues)
        .where(eq(measureCatalogues.version, catalogue.version));
      note(`measure catalogue v${catalogue.version}`, existing?.catalogue, catalogue, inserted.length > 0);
    }
    for (const definition of data.profiles) {
      const inserted = await tx
        .insert(profileDefinitions)
        .values({ version: definition.version, definition })
        .onConflictDoNothing()
        .returning({ id: profileDefinitions.id });
      const [existing] = await tx
        .select({ definition: profileDefinitions.definition })
        .from(profileDefinitions)
        .where(eq(profileDefinitions.version, definition.version));
      note(`profile definition v${definition.version}`, existing?.definition, definition, inserted.length > 0);
    }
  });
  return report;
}

export function describeSeedReport(report: SeedReport): string {
  const lines = [
    `seeded: ${report.inserted.length ? report.inserted.join(', ') : 'nothing new'}`,
    ...report.changedInPlace.map(
      (label) => `warning: ${label} differs from its seed file; seeded versions never change, give the file a new version`,
    ),
  ];
  return lines.join('\n');
}

if (isMainModule(import.meta.url)) {
  const handle = openDbOrExit(env.DATABASE_URL);
  const report = await seedReferenceData(handle.db);
  await handle.close();
  console.log(describeSeedReport(report));
}
