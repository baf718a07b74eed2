#!/usr/bin/env node
/**
 * Takes the README's screenshot (docs/screenshot.png) of the built app once the default
 * scenario's four tasks are RUNNING. Run after `npm run build` and `node scripts/ensure-browser.mjs`.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const browserFile = join(root, 'node_modules', '.cache', 'ecs-sandbox', 'browser.json');
const executablePath = existsSync(browserFile) ? JSON.parse(readFileSync(browserFile, 'utf8')).path : undefined;
const port = 4174;
const out = join(root, 'docs', 'screenshot.png');

const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
try {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch (e) {
      if (i > 40) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await page.getByRole('button', { name: '60x' }).click();
  await page.getByRole('group', { name: /^task \S+ RUNNING$/ }).nth(3).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '10x' }).click();
  await page.waitForTimeout(1200);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`screenshot: wrote ${out}`);
} finally {
  server.kill();
}
