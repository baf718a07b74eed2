/**
 * Traffic edges flow: their dashes move along the edge while the session plays, faster for more
 * requests, and stand still while it is paused (simulated time has stopped, so has the traffic).
 *
 * Choice (issue #4's frame budget): the dashes are moved by the canvas each time it redraws (at
 * most every PLAYBACK_REFRESH_MS while playing, in the same frame as everything else), not by a
 * CSS animation. React Flow's `animated` edges animate stroke-dashoffset, which the browser can
 * only do on the main thread with a repaint on every frame: in the 500-node bench world that was
 * ~380 ms of main-thread work per second even while paused, more than the whole simulation and
 * canvas cost of 60x playback. The step per redraw stays under half a dash period, so the motion
 * never aliases into standing still or running backwards.
 *
 * How: each traffic edge's path carries its speed (`--sb-flow-speed`, px per second, set once with
 * its rate) and the canvas sets the flow clock (`--sb-flow`, seconds) on each flowing path at each
 * redraw; canvas.css turns the two into stroke-dashoffset. So a redraw rewrites one custom property
 * per flowing edge, and no edge object changes (React Flow re-renders none of them for it).
 */
import type { CSSProperties } from 'react';

/** The dash pattern of a traffic edge (px): a dash and a gap. */
export const FLOW_DASH: readonly [number, number] = [8, 6];
/** At most this many real seconds of flow per redraw (a redraw after a pause or a hidden tab). */
const MAX_STEP_SECONDS = 0.25;

/** How fast the dashes move (px per real second): 12 px/s for a trickle, up to 27 px/s at 10,000 req/s and beyond. */
export function flowSpeed(requestsPerSecond: number): number {
  return 12 + Math.min(15, 3.75 * Math.log10(1 + Math.max(0, requestsPerSecond)));
}

/** A clock of real playing time: it runs only while the session plays, and by at most MAX_STEP_SECONDS per reading. */
export function createFlowClock() {
  let seconds = 0;
  let lastMs: number | undefined;
  return {
    /** Reads the clock at a redraw (`nowMs`: real milliseconds). */
    read(playing: boolean, nowMs: number): number {
      if (playing && lastMs !== undefined) seconds += Math.min(MAX_STEP_SECONDS, Math.max(0, (nowMs - lastMs) / 1000));
      lastMs = playing ? nowMs : undefined;
      return seconds;
    },
  };
}

/** The style that makes a traffic edge's dashes flow (with canvas.css's .sb-flow rule), or nothing when idle. */
export function flowStyle(requestsPerSecond: number): CSSProperties {
  if (!(requestsPerSecond > 0)) return {};
  return { strokeDasharray: FLOW_DASH.join(' '), ['--sb-flow-speed' as string]: Math.round(flowSpeed(requestsPerSecond) * 10) / 10 };
}
