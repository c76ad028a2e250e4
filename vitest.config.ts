import { defineConfig } from 'vitest/config';

/** Unit, data, CLI and validation tests: pure Node, no browser. Browser tests have their own config (vitest.e2e.config.ts). */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
