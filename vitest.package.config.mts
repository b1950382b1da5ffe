import { defineConfig } from 'vitest/config';

/** The packed app's checks (npm test runs them after the build, which they pack). */
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
