#!/usr/bin/env node
/**
 * `npm start`: builds the app if dist/ is missing or older than its sources, then serves the
 * built app with `vite preview` on http://localhost:5173 (PORT=... to change it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const port = Number(process.env.PORT ?? 5173);
const SOURCES = ['index.html', 'src', 'public', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Newest modification time (ms) under a file or folder; 0 if it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

if (!existsSync(vite)) {
  console.error('start: vite is not installed. Run `npm install` first.');
  process.exit(1);
}

const built = join(root, 'dist', 'index.html');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (builtAt < sourcesAt) {
  console.log(builtAt ? 'start: sources changed since the last build; building...' : 'start: building the app...');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('start: the build failed (see above).');
    process.exit(build.status ?? 1);
  }
} else {
  console.log('start: dist/ is up to date.');
}

console.log(`\n  ECS Sandbox: http://localhost:${port}/\n`);
const server = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
