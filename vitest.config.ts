import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Most tests wait on the ntm processes they start: on a 2-core machine vitest's default (one
    // worker per core but one) would run the files one after the other (4 workers: 205 s; 3: 216–246 s).
    maxWorkers: Math.max(2, availableParallelism() + 2),
    hookTimeout: 120_000,
  },
});
