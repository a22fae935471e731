// Test configuration: every test talks to real sockets on 127.0.0.1, so tests run in forked
// processes and get generous timeouts for a loaded 2-core CI machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
