/**
 * The initial JavaScript of the built app (issue #4: at most 250 KB gzipped): the files
 * dist/index.html loads at once (its module scripts and modulepreload links), gzipped one by one
 * with zlib's default level (6, what most servers and CDNs use), not the lazy chunks (elkjs, the
 * charts) that load on first use.
 *
 * The build (vite's JS API, the project's own vite.config.ts) records which modules each chunk
 * holds (renderedLength, after tree-shaking and before minification) in STATS_FILE, so the bench
 * can say what the initial chunks are made of: each package's share of a chunk's gzipped size is
 * estimated by its share of the chunk's rendered bytes.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const GOAL_KB = 250;

/** Where the build writes the modules of every chunk. */
export const statsFile = (root) => join(root, 'node_modules', '.cache', 'ecs-sandbox', 'bundle-modules.json');

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether dist (and its module stats) is older than the sources it is built from. */
export function needsBuild(root) {
  const index = join(root, 'dist', 'index.html');
  const stats = statsFile(root);
  if (!existsSync(index) || !existsSync(stats)) return true;
  const built = Math.min(statSync(index).mtimeMs, statSync(stats).mtimeMs);
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p)).filter(existsSync);
  return inputs.some((p) => newestMtime(p) > built);
}

/** A plugin that writes every output chunk's modules (id -> rendered bytes) to `file`. */
function moduleStats(file, root) {
  return {
    name: 'ecs-sandbox-bench-module-stats',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules = {};
        for (const [id, m] of Object.entries(output.modules ?? {})) modules[relative(root, id.replace(/^\0/, '')).split(sep).join('/')] = m.renderedLength ?? 0;
        chunks[output.fileName] = { isEntry: output.isEntry, isDynamicEntry: output.isDynamicEntry, imports: output.imports, modules };
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(chunks));
    },
  };
}

/** `vite build` with the project's config, plus the module stats. */
export async function build(root) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ root, logLevel: 'warn', plugins: [moduleStats(statsFile(root), root)] });
}

/** The JavaScript files dist/index.html loads at once. */
export function initialFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && url && url.endsWith('.js')) files.add(url.replace(/^\//, ''));
  }
  return [...files];
}

/** What a module belongs to: its npm package, or its folder under src (two levels). */
function ownerOf(id) {
  const nm = id.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = id.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = id.split('/');
  if (parts[0] === 'src') return parts.slice(0, Math.min(3, parts.length - 1)).join('/') || id;
  return id;
}

/** Initial JS: per file raw and gzipped bytes, the total, and the biggest owners (estimated gzipped bytes). */
export function measureBundle(root) {
  const dist = join(root, 'dist');
  const files = initialFiles(dist).map((file) => {
    const code = readFileSync(join(dist, file));
    return { file, bytes: code.length, gzip: gzipSync(code).length };
  });
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const owners = new Map();
  let stats = {};
  try {
    stats = JSON.parse(readFileSync(statsFile(root), 'utf8'));
  } catch {
    // No stats (dist built elsewhere): no breakdown.
  }
  for (const f of files) {
    const chunk = stats[f.file.replace(/^assets\//, 'assets/')];
    if (!chunk) continue;
    const rendered = Object.values(chunk.modules).reduce((a, b) => a + b, 0) || 1;
    for (const [id, n] of Object.entries(chunk.modules)) owners.set(ownerOf(id), (owners.get(ownerOf(id)) ?? 0) + (n / rendered) * f.gzip);
  }
  const biggest = [...owners].sort((a, b) => b[1] - a[1]).map(([owner, gzip]) => ({ owner, gzip }));
  return { files, total, biggest, lazy: lazyFiles(dist, files) };
}

/** The JavaScript that loads later (import()): per file raw and gzipped bytes. */
function lazyFiles(dist, initial) {
  const loaded = new Set(initial.map((f) => f.file));
  return readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js') && !loaded.has(`assets/${name}`))
    .map((name) => {
      const code = readFileSync(join(dist, 'assets', name));
      return { file: `assets/${name}`, bytes: code.length, gzip: gzipSync(code).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
