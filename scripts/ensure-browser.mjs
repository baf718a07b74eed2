#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests and records its path where playwright.config.ts reads
 * it (node_modules/.cache/ecs-sandbox/browser.json). Playwright cannot always download its own
 * browser, so in order:
 *   1. $CHROMIUM_PATH, if set and present;
 *   2. Playwright's own Chromium, if it has been installed (`npx playwright install chromium`);
 *   3. a system one: /usr/bin/chromium, or chromium / chromium-browser / google-chrome on PATH;
 *   4. as root only: `apt-get update && apt-get install -y chromium` (Debian/Ubuntu), then 3 again;
 *   5. otherwise fail, saying how to install one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, accessSync, constants } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BROWSER_FILE = join(root, 'node_modules', '.cache', 'ecs-sandbox', 'browser.json');

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

async function playwrightOwn() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function systemBrowser() {
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/** Asks the browser for its version: a browser that cannot start is no browser. */
function works(path) {
  const run = spawnSync(path, ['--headless', '--no-sandbox', '--version'], { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

function aptInstall() {
  console.log('ensure-browser: no Chromium found; installing Debian\'s chromium with apt-get (running as root)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'], { stdio: 'inherit', env });
}

const HOW_TO_INSTALL = `ensure-browser: no Chromium found for the browser tests. Install one, then run again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  (Ubuntu may name it chromium-browser), or Playwright's own:  npx playwright install --with-deps chromium
  or point at any Chromium/Chrome:  CHROMIUM_PATH=/path/to/chrome npm test`;

async function find() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new Error(`ensure-browser: CHROMIUM_PATH=${fromEnv} is not an executable file`);
  }
  const own = await playwrightOwn();
  if (own) return { path: own, source: 'playwright' };
  const system = systemBrowser();
  if (system) return { path: system, source: 'system' };
  if (process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get')) {
    aptInstall();
    const installed = systemBrowser();
    if (installed) return { path: installed, source: 'apt-get' };
  }
  throw new Error(HOW_TO_INSTALL);
}

try {
  const found = await find();
  const version = works(found.path);
  if (!version) throw new Error(`ensure-browser: ${found.path} (${found.source}) does not start.\n${HOW_TO_INSTALL}`);
  mkdirSync(dirname(BROWSER_FILE), { recursive: true });
  writeFileSync(BROWSER_FILE, JSON.stringify({ ...found, version }, null, 2) + '\n');
  console.log(`ensure-browser: using ${version} at ${found.path} (${found.source})`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
