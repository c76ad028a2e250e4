import { defineConfig } from 'vitest/config';

/** Browser tests against the built site in `dist/`, served on a loopback port, driven in headless Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    // Tests marked concurrent (the per-page load and axe scan, hostile input, keyboard, phone width, chart text, third-party)
    // run two at a time, each in its own tab: the machines this runs on have two cores.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
