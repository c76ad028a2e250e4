import { defineConfig } from 'vitest/config';

/** Browser tests against the built site in `dist/`, served on a loopback port, driven in headless Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    // Files run one after another, each with its own Chromium. Tests marked concurrent (every
    // file's but the search files', whose tests share one page) run two at a time, each in its own tab: the machines this
    // runs on have two cores, and the tests are CPU-bound. Concurrent tests cannot use `expect.poll`; `until` does its job.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
