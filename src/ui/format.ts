/** Small display helpers shared by the UI: clock, durations, ids. Pure, unit-tested. */
import { SIM_EPOCH_MS } from '../engine/world/types';

/** Simulated seconds as elapsed time, "00:02:05" (hours grow past 99 if they must). */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Simulated seconds as the wall-clock time the API reports, "2025-01-01 00:02:05 UTC". */
export function formatSimDate(seconds: number): string {
  return new Date(SIM_EPOCH_MS + Math.floor(seconds) * 1000).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** The last segment of an ARN (a task id, a cluster name), or the text itself. */
export function shortResource(resource: string): string {
  if (!resource.startsWith('arn:')) return resource;
  const slash = resource.lastIndexOf('/');
  return slash >= 0 ? resource.slice(slash + 1) : resource.slice(resource.lastIndexOf(':') + 1);
}

/** A share of a whole as a percentage clamped to 0..100 (0 when the whole is 0). */
export function percent(part: number, whole: number): number {
  if (!(whole > 0)) return 0;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}
