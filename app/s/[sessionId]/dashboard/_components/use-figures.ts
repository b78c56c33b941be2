'use client';

import { useFormatter } from 'next-intl';
import { useMemo } from 'react';

/** Number formats of the dashboard, in the UI language: shares as percentages with one decimal, CR with two. */
export function useFigures() {
  const format = useFormatter();
  return useMemo(
    () => ({
      percent: (value: number) => format.number(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      cr: (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      factor: (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      weight: (value: number) => format.number(value, { maximumFractionDigits: 2 }),
      points: (value: number) =>
        format.number(value * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    }),
    [format],
  );
}
