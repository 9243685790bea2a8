import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The root config only looks in src/ and test/: bench tests run with this one,
// `npx vitest run --config bench/vitest.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['bench/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
