#!/usr/bin/env node
/**
 * `npm run bench:ui` (issue #4): frame times of the canvas during 60x playback of a ~500-node world
 * beside the same graph paused, both while panning, measured in one Chromium run; and the initial
 * JavaScript's gzipped size. Figures only, no timed assertions.
 *
 *   1. Builds the app (vite, the project's config) if dist is older than the sources.
 *   2. Makes the bench world's share link (bench/ui/link.ts, run with tsx) and serves dist with
 *      `vite preview` on a free port.
 *   3. Opens the link in Chromium (node_modules/.cache/ecs-sandbox/browser.json, from
 *      scripts/ensure-browser.mjs; the flags of playwright.config.ts; 1440x900).
 *   4. ROUNDS rounds, each a static phase and a playback phase (their order alternates from round
 *      to round, so drift in the machine's load or the world's size favours neither); every phase
 *      starts from the whole world in view (the fit view control), and pans in whole strokes
 *      right and left in turn, ending where it started:
 *        static:   paused; the mouse pans the canvas for SECONDS;
 *        playback: 60x; the mouse pans the same way for SECONDS (both phases pan, so the only
 *                  difference is playback);
 *      frame times are rAF timestamp gaps recorded in the page (bench/ui/frames.mjs) after a
 *      WARMUP_MS settle. Then one more static and playback phase zoomed in to DETAIL_ZOOM, where
 *      nodes are drawn with every detail (in full view they are drawn compact: the canvas's level
 *      of detail), printed for information beside the goal's figures. Prints median and p95 per phase and round, the median over rounds, and
 *      the ratio p95(playback) / p95(static) against the goal (<= 1.25x).
 *   5. Prints the initial JavaScript gzipped (bench/ui/bundle.mjs) against the goal (<= 250 KB)
 *      and, when over, the biggest packages and folders in it; then the chunks loaded later with
 *      import() (the app itself, after the loading shell's first paint; the charts) and the total.
 *
 * Options: --seconds N (default 6), --rounds N (default 3), --profile (also records a CPU profile
 * of one playback phase via CDP, from an unminified build, and prints the functions with the most
 * self time; the .cpuprofile is written beside the stats in node_modules/.cache/ecs-sandbox).
 *
 * The machine matters: headless Chromium without a GPU (software compositing), on the project's
 * 2-core machines shared with other work. Compare the ratio, not the milliseconds, across runs.
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, GOAL_KB, measureBundle, needsBuild } from '../bench/ui/bundle.mjs';
import { clockSeconds, fitView, installRecorder, panFor, SLOW_FRAME_MS, summarize, zoomTo } from '../bench/ui/frames.mjs';
import { profileSummary } from '../bench/ui/profile.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'ecs-sandbox');
const browserFile = join(cache, 'browser.json');
/** The flags of playwright.config.ts's launchOptions. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const GOAL_RATIO = 1.25;
const WARMUP_MS = 300;
/** The zoom of the extra full-detail pair of phases (above the canvas's COMPACT_ZOOM, 0.4). */
const DETAIL_ZOOM = 0.6;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const SECONDS = option('seconds', 6);
const ROUNDS = option('rounds', 3);
const PROFILE = process.argv.includes('--profile');

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function browserPath() {
  if (!existsSync(browserFile)) execFileSync(process.execPath, [join(root, 'scripts', 'ensure-browser.mjs')], { stdio: 'inherit' });
  return JSON.parse(readFileSync(browserFile, 'utf8')).path;
}

function benchWorld() {
  const out = execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'bench', 'ui', 'link.ts')], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop());
}

async function serve(outDir) {
  const port = await freePort();
  const args = [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', outDir];
  const server = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return { server, url };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`bench-ui: vite preview did not answer on ${url}`);
}

async function openWorld(browser, url, world) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  page console: ${m.text()}`));
  await page.goto(`${url}/${world.hash}`);
  // The link opens paused at the playhead, its view framing the focus (a few nodes): wait for the
  // canvas, fit the whole world in view, and wait for most of it to be drawn.
  await page.waitForSelector('.react-flow__node', { timeout: 120_000 });
  await fitView(page);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, Math.floor(world.nodes * 0.5), { timeout: 120_000 });
  await page.waitForTimeout(3000);
  if ((await page.getByTestId('play-pause').getAttribute('aria-label')) !== 'Play') throw new Error('bench-ui: the link did not open paused');
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();
  await installRecorder(page);
  page.__cdp = await page.context().newCDPSession(page);
  await page.__cdp.send('Performance.enable');
  return page;
}

/** Main-thread seconds so far (CDP Performance.getMetrics): scripts, style, layout, all tasks. */
async function metrics(page) {
  const { metrics: list } = await page.__cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return { script: m.ScriptDuration, style: m.RecalcStyleDuration, layout: m.LayoutDuration, task: m.TaskDuration };
}

async function phase(page, kind, cdp, zoom) {
  const playing = (await page.getByTestId('play-pause').getAttribute('aria-label')) === 'Pause';
  await fitView(page);
  if (zoom) await zoomTo(page, zoom);
  if ((kind === 'playback') !== playing) await page.getByTestId('play-pause').click();
  await page.waitForTimeout(WARMUP_MS);
  const simStart = await clockSeconds(page);
  const drawn = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
  if (cdp) await cdp.send('Profiler.start');
  const before = await metrics(page);
  await page.evaluate(() => window.__frames.start());
  const started = Date.now();
  const moves = await panFor(page, SECONDS);
  const gaps = await page.evaluate(() => window.__frames.stop());
  const wall = (Date.now() - started) / 1000;
  const after = await metrics(page);
  // Milliseconds of main-thread work per second of the phase, by kind.
  const busy = Object.fromEntries(Object.keys(after).map((k) => [k, ((after[k] - before[k]) * 1000) / wall]));
  const profile = cdp ? (await cdp.send('Profiler.stop')).profile : undefined;
  const simSeconds = (await clockSeconds(page)) - simStart;
  if (kind === 'playback') await page.getByTestId('play-pause').click();
  return { ...summarize(gaps), moves, drawn, simPerSecond: simSeconds / wall, busy, profile };
}

async function measureFrames(url, world) {
  const browser = await chromium.launch({ executablePath: browserPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await openWorld(browser, url, world);
    const results = { static: [], playback: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? ['static', 'playback'] : ['playback', 'static'];
      for (const kind of order) {
        const m = await phase(page, kind);
        results[kind].push(m);
        console.log(
          `  round ${r + 1} ${kind.padEnd(8)} ${String(m.frames).padStart(4)} frames  median ${fmt(m.median)} ms  p95 ${fmt(m.p95)} ms  max ${fmt(m.max)} ms  ${fmt(m.slow)}% over 2 refreshes` +
            `  (${m.drawn} nodes drawn at the start, ${m.moves} mouse moves${kind === 'playback' ? `, ${fmt(m.simPerSecond, 0)} simulated s per s` : ''})\n` +
            `      main thread per s: ${fmt(m.busy.task, 0)} ms busy, of which script ${fmt(m.busy.script, 0)}, style ${fmt(m.busy.style, 0)}, layout ${fmt(m.busy.layout, 0)}`,
        );
      }
    }
    // The same, zoomed in to full detail (past the canvas's level of detail, src/ui/graph/nodes/detail.ts):
    // fewer nodes in view, each drawn whole. Reported beside the goal's figures, not in them.
    const detail = { static: [], playback: [] };
    for (const kind of ['static', 'playback']) {
      const m = await phase(page, kind, undefined, DETAIL_ZOOM);
      detail[kind].push(m);
      console.log(
        `  zoomed to ${DETAIL_ZOOM} ${kind.padEnd(8)} ${String(m.frames).padStart(4)} frames  median ${fmt(m.median)} ms  p95 ${fmt(m.p95)} ms  max ${fmt(m.max)} ms  ${fmt(m.slow)}% over 2 refreshes  (${m.drawn} nodes drawn at the start, ${m.moves} mouse moves)`,
      );
    }
    const nodesShown = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
    return { results, detail, nodesShown };
  } finally {
    await browser.close();
  }
}

async function profilePlayback(url, world) {
  const browser = await chromium.launch({ executablePath: browserPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await openWorld(browser, url, world);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const m = await phase(page, 'playback', cdp);
    const file = join(cache, 'bench-ui-playback.cpuprofile');
    writeFileSync(file, JSON.stringify(m.profile));
    console.log(`CPU profile of one ${SECONDS} s playback phase (unminified build; p95 ${fmt(m.p95)} ms): ${file}`);
    for (const line of profileSummary(m.profile, 25)) console.log(`  ${line}`);
  } finally {
    await browser.close();
  }
}

const servers = [];
try {
  if (needsBuild(root)) {
    console.log('bench-ui: building the app (dist is older than the sources)');
    await build(root);
  }
  const world = benchWorld();
  console.log(`UI bench world (bench/ui/large-scenario.ts): ${world.nodes} canvas nodes and ${world.edges} edges at t=${world.playhead} s (${world.nodesRange[0]}-${world.nodesRange[1]} nodes as it plays), ${world.tasks} tasks drawn as chips`);
  const { server, url } = await serve(join(root, 'dist'));
  servers.push(server);

  console.log(`Frame times, Chromium headless without GPU, 1440x900, panning with the mouse; ${ROUNDS} rounds of ${SECONDS} s per phase:`);
  const { results, detail, nodesShown } = await measureFrames(url, world);
  const p95 = { static: median(results.static.map((m) => m.p95)), playback: median(results.playback.map((m) => m.p95)) };
  const med = { static: median(results.static.map((m) => m.median)), playback: median(results.playback.map((m) => m.median)) };
  const best = Math.min(...results.playback.map((m, i) => m.p95 / results.static[i].p95));
  const slow = { static: median(results.static.map((m) => m.slow)), playback: median(results.playback.map((m) => m.slow)) };
  console.log(`  frames over two refreshes (${fmt(SLOW_FRAME_MS)} ms; p95 moves a whole refresh when this crosses 5%): static ${fmt(slow.static)}%, playback ${fmt(slow.playback)}% (medians of rounds)`);
  console.log(`  median of rounds: static median ${fmt(med.static)} ms, p95 ${fmt(p95.static)} ms; 60x playback median ${fmt(med.playback)} ms, p95 ${fmt(p95.playback)} ms`);
  console.log(`  ratio p95(playback) / p95(static): ${fmt(p95.playback / p95.static, 2)}x (goal <= ${GOAL_RATIO}x; best round ${fmt(best, 2)}x); ${nodesShown} nodes in the DOM at the end`);
  console.log(`  zoomed to ${DETAIL_ZOOM} (full detail): ratio p95(playback) / p95(static) ${fmt(detail.playback[0].p95 / detail.static[0].p95, 2)}x (one round; for information)`);

  const bundle = measureBundle(root);
  const kb = (b) => fmt(b / 1024, 1);
  console.log(`Initial JavaScript (dist/index.html's scripts and modulepreloads, gzip level 6): ${kb(bundle.total)} KB (goal <= ${GOAL_KB} KB)`);
  for (const f of bundle.files) console.log(`  ${f.file}  ${kb(f.bytes)} KB, gzipped ${kb(f.gzip)} KB`);
  const lazyTotal = bundle.lazy.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`  loaded later (import()): ${kb(lazyTotal)} KB gzipped; all JavaScript ${kb(bundle.total + lazyTotal)} KB gzipped`);
  for (const f of bundle.lazy) console.log(`    ${f.file}  ${kb(f.bytes)} KB, gzipped ${kb(f.gzip)} KB`);
  if (bundle.total > GOAL_KB * 1024 && bundle.biggest.length) {
    console.log('  over the goal; the biggest parts (estimated gzipped KB, by share of rendered bytes):');
    for (const b of bundle.biggest.slice(0, 12)) console.log(`    ${kb(b.gzip).padStart(6)}  ${b.owner}`);
  }

  if (PROFILE) {
    const outDir = join(cache, 'dist-profile');
    const { build: viteBuild } = await import('vite');
    await viteBuild({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false } });
    const profiled = await serve(outDir);
    servers.push(profiled.server);
    await profilePlayback(profiled.url, world);
  }
} catch (e) {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exitCode = 1;
} finally {
  for (const server of servers) server.kill();
}
