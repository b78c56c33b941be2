import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { KERNELS_FILE, kernelsFileSource } from './generate-eigenvector-kernels';

it('core/ahp/eigenvector-kernels.ts is what its generator writes', () => {
  expect(readFileSync(KERNELS_FILE, 'utf8')).toBe(kernelsFileSource());
});
