import { defineConfig } from 'vitest/config';

/**
 * The tests that run the built command, a browser, the network or another program (LibreOffice,
 * poppler): the slow end-to-end part of `npm test`. The rest, the stages called in-process, is
 * the unit suite, `npm run test:unit` (about 2 minutes here, against 14 for everything).
 */
const END_TO_END = ['test/cli/**/*.test.ts', 'test/hardening/**/*.test.ts', 'test/render/**/*.test.ts', 'test/themes/**/*.test.ts', 'test/syntax/cli.test.ts', 'test/io/fetch.test.ts', 'test/parse/pdf.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    setupFiles: ['test/setup.ts'],
    // Browser-backed tests start Chromium; a cold start of the bundled one unpacks it first.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: END_TO_END } },
      { extends: true, test: { name: 'end-to-end', include: END_TO_END } },
    ],
  },
});
