/**
 * Reads a V8 CPU profile (CDP Profiler.stop): self and total time per function, grouped by
 * function name and source (file:line), the heaviest first.
 */
export function profileSummary(profile, top = 20) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000));
  const label = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\/(assets|node_modules)\//, '$1/') : '';
    return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (const [id, ms] of selfMs) {
    all += ms;
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    // Total: count the sample once per distinct function on its stack.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at));
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  }
  const pct = (ms) => `${((100 * ms) / (all || 1)).toFixed(1)}%`.padStart(6);
  const lines = [`sampled ${all.toFixed(0)} ms; by self time:`];
  for (const [l, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(ms)} self  ${l}`);
  lines.push('by total time (the function and what it calls):');
  for (const [l, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(ms)} total ${l}`);
  return lines;
}
