import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that read built sites: they run in the `site` project, whose global setup builds them. */
const SITE_TESTS = ['tests/site/**/*.test.ts', 'tests/quality/**/*.test.ts', 'tests/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SITE_TESTS] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          // Builds the fixture site, the hostile fixture and the committed content once per run (and
          // only when a site test is selected), and provides their dist folders through inject().
          globalSetup: ['tests/site/global-setup.ts'],
        },
      },
    ],
  },
});
