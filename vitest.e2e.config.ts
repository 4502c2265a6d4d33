// Real-VS-Code e2e tests (code-server + chromium); see test/e2e/harness.ts.
// Run: npx vitest run -c vitest.e2e.config.ts   (installs code-server on first run, ~90 s)
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false, // one code-server + browser at a time: 2-core machines
  },
});
