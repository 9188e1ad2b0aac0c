import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
    // A test that first loads every agreement's data (the CLI) can take seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
