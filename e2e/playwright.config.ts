import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

/**
 * Real Chromium (Debian's), fake camera and microphone. One worker: each scenario already
 * runs several browsers and a mediasoup worker on a two-core machine.
 */
export default defineConfig({
  testDir: 'specs',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // scripts/test.sh asks for a JSON report too, to add up every tier in one closing line.
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_FILE'] ? [['list'], ['json']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
