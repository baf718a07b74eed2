/**
 * Splitting whole requests: the traffic model sends whole requests, so every split hands out
 * integers that add up to exactly what was split (no request is lost or made up).
 *
 *  - byWeight: weighted forward (ALB "weighted target groups"): each share is proportional to its
 *    weight; the requests left over by rounding down go to the largest remainders (ties: earlier
 *    first). Weight 0 gets nothing; all weights 0 gets nothing at all (AWS: such a forward action
 *    routes nowhere; the caller answers 503).
 *  - roundRobin: the ALB's default algorithm, round robin: every target gets the same share, and
 *    the requests left over go to the next targets after the group's cursor, which then moves on,
 *    so over time each target gets the same number.
 */

export function byWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, n) => a + n, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++) {
    if (weights[order[k].i] <= 0) continue;
    out[order[k].i]++;
    left--;
  }
  return out;
}

/** Splits `total` over `count` targets starting at `cursor`; returns the shares and the next cursor. */
export function roundRobin(total: number, count: number, cursor: number): { shares: number[]; cursor: number } {
  if (count <= 0) return { shares: [], cursor: 0 };
  const base = Math.floor(total / count);
  const extra = total - base * count;
  const start = ((cursor % count) + count) % count;
  const shares = new Array<number>(count).fill(base);
  for (let k = 0; k < extra; k++) shares[(start + k) % count]++;
  return { shares, cursor: (start + extra) % count };
}
