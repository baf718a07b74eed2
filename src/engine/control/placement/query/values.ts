/**
 * Argument values of the cluster query language: dates for registeredAt, versions for
 * agentVersion, counts for runningTasksCount, and Java-style regular expressions for =~ / !~.
 */

/**
 * registeredAt arguments, in the four formats AWS lists: 2018-06-18T22:28:28+00:00,
 * 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 and 2018-06-18. Choice: a time without an offset and
 * a bare date are UTC (a bare date is its midnight). Returns epoch milliseconds.
 */
export function parseQueryDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return undefined;
  if (!zone || zone === 'Z') return ms;
  const sign = zone[0] === '-' ? -1 : 1;
  return ms - sign * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6)) * 60_000;
}

/** Agent versions like 1.14.5 (a leading "v" is allowed). */
export function parseVersion(text: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+)*)$/.exec(text);
  return m ? m[1].split('.').map(Number) : undefined;
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function parseCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * AWS evaluates `matches` with java.util.regex.Pattern, whose matches() must match the whole
 * value (so `g2.*` selects g2.2xlarge but not xg2). We anchor the pattern to get the same.
 * JavaScript's RegExp syntax covers the common Java constructs.
 */
export function compilePattern(pattern: string): RegExp | string {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
