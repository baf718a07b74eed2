/**
 * Browser tests against the built app (`vite preview`), in the Chromium that
 * scripts/ensure-browser.mjs found and recorded (run `npm run test:e2e`, which does both).
 */
import { defineConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

const BROWSER_FILE = 'node_modules/.cache/ecs-sandbox/browser.json';
const PORT = 4173;

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (!existsSync(BROWSER_FILE)) return undefined; // Playwright's own browser, if installed
  return (JSON.parse(readFileSync(BROWSER_FILE, 'utf8')) as { path: string }).path;
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
