import { afterEach } from 'vitest';
import { takeServerErrorLeaks } from './server-error-leaks';

// A vitest setup file: every test of the suite fails if a server error it provoked gave away internals.
afterEach(() => {
  const found = takeServerErrorLeaks();
  if (found.length) throw new Error(`server errors gave away internals:\n${found.join('\n')}`);
});
