import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    setupFiles: ['test/setup.ts'],
    // Browser-backed tests start Chromium; a cold start of the bundled one unpacks it first.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
