import { defineConfig } from 'vitest/config';
import { gpuCards } from './src/plugins/gpu-cards.ts';

/** Unit, data, CLI and validation tests: pure Node, no browser. Browser tests have their own config (vitest.e2e.config.ts). */
export default defineConfig({
  // Islands import the generated card tables; tests resolve them the same way the site build does.
  plugins: [gpuCards()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // One test file per core. Vitest's default for a run is one worker fewer than the cores, which on the two-core CI machine
    // is one worker, leaving the second core idle while 61 files run one after the other.
    maxWorkers: '100%',
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
