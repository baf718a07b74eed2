/**
 * How a task's lastStatus looks on the canvas. Colour is never the only signal: the chip also
 * prints the status, and each status has its own marker shape.
 */
import type { TaskStatus } from '../engine/world/types';

export type StatusTone = 'amber' | 'blue' | 'green' | 'orange' | 'grey';

export const TASK_STATUS_TONE: Record<TaskStatus, StatusTone> = {
  PROVISIONING: 'amber',
  PENDING: 'amber',
  ACTIVATING: 'blue',
  RUNNING: 'green',
  DEACTIVATING: 'orange',
  STOPPING: 'orange',
  DEPROVISIONING: 'orange',
  STOPPED: 'grey',
};

/** Tailwind classes per tone: chip background/border/text, and the status marker. */
export const TONE_CLASSES: Record<StatusTone, { chip: string; dot: string }> = {
  amber: { chip: 'bg-amber-50 border-amber-400 text-amber-900', dot: 'bg-amber-500' },
  blue: { chip: 'bg-sky-50 border-sky-400 text-sky-900', dot: 'bg-sky-500' },
  green: { chip: 'bg-emerald-50 border-emerald-500 text-emerald-900', dot: 'bg-emerald-500' },
  orange: { chip: 'bg-orange-50 border-orange-400 text-orange-900', dot: 'bg-orange-500' },
  grey: { chip: 'bg-slate-100 border-slate-300 text-slate-500', dot: 'bg-slate-400' },
};

/** A marker glyph per tone, so statuses differ in shape as well as colour. */
export const TONE_GLYPH: Record<StatusTone, string> = {
  amber: '◔',
  blue: '◑',
  green: '●',
  orange: '◕',
  grey: '○',
};

export function taskStatusLook(status: TaskStatus) {
  const tone = TASK_STATUS_TONE[status];
  return { tone, glyph: TONE_GLYPH[tone], ...TONE_CLASSES[tone] };
}
