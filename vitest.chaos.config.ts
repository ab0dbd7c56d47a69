import { defineConfig } from 'vitest/config';

/**
 * `npm run test:chaos`: the fault-and-abuse suite (test/chaos). Slower than `npm test` (thousands of generated
 * requests, killed processes), so it runs on demand and in `.ci/run` with CHAOS=1; it prints the figures table.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/chaos/**/*.chaos.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/chaos/support/chaos-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
