/**
 * Random consistency index tables for CR = CI / RI(n). Which table produced a CR is part of every result,
 * because published CRs differ by table: at least six are in use (RI(3) is 0.58 in Saaty 1980, 0.52 in Saaty 2005,
 * 0.4914 in Donegan & Dodd), and tests/reference/cases/ahp-cases.json reproduces each source with its own.
 *
 * - saaty-1980: Saaty (1980) The Analytic Hierarchy Process, as tabulated by pyDecision (n = 1..15; RI(12) = 1.48
 *   as printed there; other transcriptions give 1.53 or 1.54).
 * - saaty-2005: Saaty (2005) Theory and Applications of the ANP, p. 31, as used by AHPy and FuzzyAHP (n = 1..15).
 * - donegan-dodd: Donegan & Dodd (1991), tabulated up to n = 100 with linear interpolation between sizes (AHPy).
 * - alonso-lamata: Alonso & Lamata (2006), 100,000 matrices (n = 1..15).
 * - ahpsurvey: the simulated table of the R package ahpsurvey (n = 1..50), offered to reproduce its figures.
 *
 * Beyond a table's last size the linear fit of Alonso & Lamata (2006), RI(n) = (1.7699 n - 4.3513) / (n - 1),
 * is used and the result says so.
 */
export type RandomIndexTableName = 'saaty-1980' | 'saaty-2005' | 'donegan-dodd' | 'alonso-lamata' | 'ahpsurvey';

type Table = Readonly<Record<number, number>>;

const SAATY_1980: Table = {
  1: 0, 2: 0, 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
  11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
};
const SAATY_2005: Table = {
  1: 0, 2: 0, 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.4, 9: 1.45, 10: 1.49,
  11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59,
};
const DONEGAN_DODD: Table = {
  1: 0, 2: 0, 3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519, 8: 1.3171, 9: 1.3733, 10: 1.4055,
  11: 1.4213, 12: 1.4497, 13: 1.4643, 14: 1.4822, 15: 1.4969, 16: 1.5078, 17: 1.5153, 18: 1.5262,
  19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772, 40: 1.5976, 50: 1.6102, 60: 1.6178, 70: 1.6237,
  80: 1.6277, 90: 1.6213, 100: 1.6339,
};
const ALONSO_LAMATA: Table = {
  1: 0, 2: 0, 3: 0.5245, 4: 0.8815, 5: 1.1086, 6: 1.2479, 7: 1.3417, 8: 1.4056, 9: 1.4499, 10: 1.4854,
  11: 1.5141, 12: 1.5365, 13: 1.5551, 14: 1.5713, 15: 1.5838,
};
const AHPSURVEY: Table = Object.fromEntries(
  [
    0, 0, 0.5251686, 0.8836651, 1.1081014, 1.2492774, 1.3415514, 1.4048466, 1.4507197, 1.4857266,
    1.5141022, 1.5356638, 1.5545925, 1.5703498, 1.5839958, 1.5955704, 1.6053208, 1.6140648, 1.62189,
    1.6288505, 1.6355145, 1.6410749, 1.6462439, 1.6509834, 1.6554325, 1.6592237, 1.663105, 1.6662368,
    1.6696396, 1.6723214, 1.6751007, 1.6778474, 1.6801459, 1.6824754, 1.6844494, 1.6865981, 1.6884438,
    1.6901943, 1.6918461, 1.6935071, 1.6950605, 1.6965334, 1.6979425, 1.6992006, 1.7004654, 1.7016392,
    1.702778, 1.7038778, 1.7050314, 1.7060381,
  ].map((value, index) => [index + 1, value]),
);

export const RANDOM_INDEX_TABLES: Readonly<Record<RandomIndexTableName, Table>> = {
  'saaty-1980': SAATY_1980,
  'saaty-2005': SAATY_2005,
  'donegan-dodd': DONEGAN_DODD,
  'alonso-lamata': ALONSO_LAMATA,
  ahpsurvey: AHPSURVEY,
};

export type RandomIndexSource = 'table' | 'interpolated' | 'alonso-lamata-fit';

export type RandomIndex = {
  table: RandomIndexTableName;
  n: number;
  value: number;
  /** `alonso-lamata-fit` when n is beyond the table; `interpolated` between two tabulated sizes. */
  source: RandomIndexSource;
};

/** Alonso & Lamata (2006) linear fit: RI(n) = (1.7699 n - 4.3513) / (n - 1), for n >= 3. */
export function alonsoLamataFit(n: number): number {
  return (1.7699 * n - 4.3513) / (n - 1);
}

const LAST_SIZE: Record<RandomIndexTableName, number> = Object.fromEntries(
  Object.entries(RANDOM_INDEX_TABLES).map(([name, table]) => [name, Math.max(...Object.keys(table).map(Number))]),
) as Record<RandomIndexTableName, number>;

const cache: Record<RandomIndexTableName, RandomIndex[]> = {
  'saaty-1980': [],
  'saaty-2005': [],
  'donegan-dodd': [],
  'alonso-lamata': [],
  ahpsurvey: [],
};

/** RI(n) of a table; n = 1 and n = 2 give 0 (every 1x1 and 2x2 reciprocal matrix is consistent). */
export function randomIndex(n: number, table: RandomIndexTableName = 'saaty-1980'): RandomIndex {
  const cached = cache[table][n];
  if (cached) return cached;
  const values = RANDOM_INDEX_TABLES[table];
  let result: RandomIndex;
  const exact = values[n];
  if (exact !== undefined) {
    result = { table, n, value: exact, source: 'table' };
  } else if (n > LAST_SIZE[table]) {
    result = { table, n, value: alonsoLamataFit(n), source: 'alonso-lamata-fit' };
  } else {
    const sizes = Object.keys(values).map(Number).sort((a, b) => a - b);
    const upper = sizes.find((size) => size > n)!;
    const lower = sizes.filter((size) => size < n).at(-1)!;
    const value = values[lower]! + ((values[upper]! - values[lower]!) / (upper - lower)) * (n - lower);
    result = { table, n, value, source: 'interpolated' };
  }
  cache[table][n] = result;
  return result;
}
