/**
 * The shapes of sim:SetTraffic's `pattern` (AWS has no such notion: these are our choices, kept
 * simple and deterministic; `r` is the configured requestsPerSecond, times are simulated seconds,
 * and simulated time 0 is 2025-01-01T00:00:00Z, so hours and days line up with UTC):
 *
 *  - constant: r all the time.
 *  - ramp: from 0 up to r in a straight line over RAMP_SECONDS (10 minutes) after the source was
 *    set, then r.
 *  - spike: r, except for the first SPIKE_SECONDS (5 minutes) of every UTC hour (hh:00-hh:05),
 *    when it is SPIKE_FACTOR (5) x r.
 *  - daily: a sine over 24 hours with its peak r at 12:00 UTC and its trough DAILY_TROUGH (10 %)
 *    of r at 00:00 UTC: r x (0.55 - 0.45 x cos(2 pi x seconds-of-day / 86,400)).
 */
import type { TrafficPattern, TrafficSource } from '../../world/traffic-types';

export const TRAFFIC_PATTERNS: readonly TrafficPattern[] = ['constant', 'ramp', 'spike', 'daily'];
export const RAMP_SECONDS = 600;
export const SPIKE_SECONDS = 300;
export const SPIKE_FACTOR = 5;
export const DAILY_TROUGH = 0.1;
const DAY = 86_400;
const HOUR = 3_600;

/** The rate (requests per second) a source sends at simulated time `t`. */
export function rateAt(source: Pick<TrafficSource, 'requestsPerSecond' | 'pattern' | 'since'>, t: number): number {
  const r = source.requestsPerSecond;
  switch (source.pattern) {
    case 'constant':
      return r;
    case 'ramp':
      return r * Math.min(1, Math.max(0, (t - source.since) / RAMP_SECONDS));
    case 'spike':
      return ((t % HOUR) + HOUR) % HOUR < SPIKE_SECONDS ? r * SPIKE_FACTOR : r;
    case 'daily': {
      const mid = (1 + DAILY_TROUGH) / 2;
      const amplitude = (1 - DAILY_TROUGH) / 2;
      return r * (mid - amplitude * Math.cos((2 * Math.PI * (((t % DAY) + DAY) % DAY)) / DAY));
    }
  }
}

/** How the pattern reads in the event log. */
export function describePattern(pattern: TrafficPattern): string {
  switch (pattern) {
    case 'constant':
      return 'constant';
    case 'ramp':
      return `ramping up from 0 over ${RAMP_SECONDS / 60} minutes`;
    case 'spike':
      return `with a ${SPIKE_FACTOR}x spike for the first ${SPIKE_SECONDS / 60} minutes of every hour`;
    case 'daily':
      return `following a daily curve (peak at 12:00 UTC, ${DAILY_TROUGH * 100}% at midnight)`;
  }
}
