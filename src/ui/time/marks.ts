/**
 * Groups timeline markers that would overlap on the track: one mark per kind per slot (the track
 * is cut into `slots` equal slots), keeping the first time, a count and the first few labels.
 */
import type { Marker, MarkerKind } from '../../store/markers';

export interface Mark {
  kind: MarkerKind;
  /** Time of the first marker in the group (clicking seeks there). */
  at: number;
  /** Position on the track, 0..100 (%). */
  left: number;
  count: number;
  labels: string[];
  resource: string;
}

const KIND_WORDS: Record<MarkerKind, [string, string]> = {
  deployment: ['deployment', 'deployments'],
  scaling: ['scaling activity', 'scaling activities'],
  failure: ['failure', 'failures'],
};

/** Choice: the track spans at least two minutes, so the first seconds do not fill it. */
export const MIN_SPAN_SECONDS = 120;
/** The track's span grows by this factor at a time. */
export const SPAN_STEP = 1.25;

/**
 * The time the whole track spans: the first of 120 s, 150 s, 187.5 s... (x1.25 each) that holds
 * `t` (the later of the horizon and the playhead). Choice: the span grows in steps, not with every
 * frame, so while playing the markers stand still (they slid left on every frame, and redrawing
 * each of them was most of the timeline's cost during 60x playback) and the track keeps room ahead.
 */
export function trackSpan(t: number): number {
  let span = MIN_SPAN_SECONDS;
  while (span < t) span *= SPAN_STEP;
  return span;
}

export function groupMarks(markers: readonly Marker[], max: number, slots = 160): Mark[] {
  if (!(max > 0)) return [];
  const groups = new Map<string, Mark>();
  for (const m of markers) {
    if (m.at > max) break;
    const slot = Math.min(slots - 1, Math.floor((m.at / max) * slots));
    const key = `${m.kind}:${slot}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (g.labels.length < 3) g.labels.push(m.label);
    } else groups.set(key, { kind: m.kind, at: m.at, left: (m.at / max) * 100, count: 1, labels: [m.label], resource: m.resource });
  }
  return [...groups.values()];
}

/** "2 failures at 00:01:30: ..." — the tooltip and the accessible name of a mark. */
export function describeMark(mark: Mark, time: string): string {
  const [one, many] = KIND_WORDS[mark.kind];
  const head = mark.count === 1 ? `${one[0].toUpperCase()}${one.slice(1)} at ${time}` : `${mark.count} ${many} from ${time}`;
  const more = mark.count > mark.labels.length ? ` (and ${mark.count - mark.labels.length} more)` : '';
  return `${head}: ${mark.labels.join(' · ')}${more}`;
}
