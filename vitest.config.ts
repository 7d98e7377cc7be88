import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/web/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: integration and browser tests start servers and Chromium.
    maxWorkers: 2,
  },
});
