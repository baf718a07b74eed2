/**
 * Scheduled action expressions, as Application Auto Scaling reads them (PutScheduledAction):
 *   at(yyyy-mm-ddThh:mm:ss)      once, in Timezone (default UTC)
 *   rate(value unit)             unit minute(s) | hour(s) | day(s)
 *   cron(fields)                 six fields: minutes hours day-of-month month day-of-week year, in
 *                                Timezone; one of day-of-month and day-of-week must be "?";
 *                                day-of-week 1-7 = SUN-SAT; names JAN-DEC and SUN-SAT; * , - /; L
 *                                in day-of-month (last day). W and # are not simulated (rejected).
 * and the next time one runs, in simulated seconds (time 0 = SIM_EPOCH_MS, 2025-01-01T00:00:00Z).
 *
 * Choices where AWS is silent: a rate runs first one period after it was created, or at StartTime
 * when one is given, then every period; an at() in the past never runs; a cron is looked for up to
 * six years ahead. Time zones use the runtime's IANA data (Intl), which is deterministic per runtime.
 */
import { SIM_EPOCH_MS } from '../../world/types';

export type Schedule =
  | { kind: 'at'; wallMs: number }
  | { kind: 'rate'; seconds: number }
  | { kind: 'cron'; minutes: number[]; hours: number[]; dom: number[] | 'any' | 'last'; months: number[]; dow: number[] | 'any'; years: number[] | 'any' };

export class ScheduleError extends Error {}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export function parseSchedule(expression: string): Schedule {
  const m = /^(at|rate|cron)\((.*)\)$/.exec(expression.trim());
  if (!m) throw new ScheduleError(`Invalid schedule expression ${expression}: use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields).`);
  const body = m[2].trim();
  if (m[1] === 'at') {
    const a = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
    if (!a) throw new ScheduleError(`Invalid at expression ${expression}: use at(yyyy-mm-ddThh:mm:ss).`);
    const [y, mo, d, h, mi, s] = a.slice(1).map(Number);
    const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
    const back = new Date(wallMs);
    if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw new ScheduleError(`Invalid date in ${expression}.`);
    return { kind: 'at', wallMs };
  }
  if (m[1] === 'rate') {
    const r = /^(\d+)\s+(minute|minutes|hour|hours|day|days)$/.exec(body);
    if (!r || Number(r[1]) < 1) throw new ScheduleError(`Invalid rate expression ${expression}: use rate(value unit) with a positive value and unit minute(s), hour(s) or day(s).`);
    const unit = r[2].startsWith('minute') ? 60 : r[2].startsWith('hour') ? 3600 : 86400;
    return { kind: 'rate', seconds: Number(r[1]) * unit };
  }
  const f = body.split(/\s+/);
  if (f.length !== 6) throw new ScheduleError(`Invalid cron expression ${expression}: it needs six fields (minutes hours day-of-month month day-of-week year).`);
  const [min, hour, dom, month, dow, year] = f;
  if ((dom === '?') === (dow === '?')) throw new ScheduleError(`Invalid cron expression ${expression}: one of day-of-month and day-of-week must be "?".`);
  return {
    kind: 'cron',
    minutes: field(min, 0, 59, expression),
    hours: field(hour, 0, 23, expression),
    dom: dom === '?' || dom === '*' ? 'any' : dom === 'L' ? 'last' : field(dom, 1, 31, expression),
    months: field(month, 1, 12, expression, MONTHS, 1),
    dow: dow === '?' || dow === '*' ? 'any' : field(dow, 1, 7, expression, DAYS, 1),
    years: year === '*' ? 'any' : field(year, 1970, 2199, expression),
  };
}

function field(text: string, lo: number, hi: number, expression: string, names: string[] = [], nameBase = 0): number[] {
  const out = new Set<number>();
  const value = (v: string): number => {
    const named = names.indexOf(v.toUpperCase());
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < lo || n > hi) throw new ScheduleError(`Invalid cron expression ${expression}: "${v}" is not a value between ${lo} and ${hi}.`);
    return n;
  };
  for (const part of text.split(',')) {
    if (/[LW#]/.test(part) && !names.includes(part.toUpperCase())) {
      throw new ScheduleError(`The simulator does not model "${part}" in cron expressions (${expression}); use *, lists, ranges and steps.`);
    }
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new ScheduleError(`Invalid cron expression ${expression}: bad step in "${part}".`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [lo, hi];
    else if (range.includes('-')) [from, to] = range.split('-').map(value) as [number, number];
    else [from, to] = [value(range), stepText === undefined ? value(range) : hi];
    if (from > to) throw new ScheduleError(`Invalid cron expression ${expression}: the range "${range}" is backwards.`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms. */
function offsetMs(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utcMs / 1000) * 1000;
}

/** A wall-clock time in `timeZone` (given as if it were UTC) -> the UTC instant. */
export function zonedToUtc(wallMs: number, timeZone = 'UTC'): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return wallMs;
  const first = wallMs - offsetMs(timeZone, wallMs);
  return wallMs - offsetMs(timeZone, first);
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const toSim = (utcMs: number) => (utcMs - SIM_EPOCH_MS) / 1000;
const toUtc = (sim: number) => SIM_EPOCH_MS + sim * 1000;
const DAY_MS = 86_400_000;

export interface Window {
  createdAt: number;
  startTime?: number;
  endTime?: number;
  timeZone?: string;
}

/** The first run strictly after `after` (simulated seconds), or undefined if it never runs again. */
export function nextRun(schedule: Schedule, after: number, w: Window): number | undefined {
  const from = Math.max(after, w.startTime !== undefined ? w.startTime - 1e-9 : -Infinity);
  let t: number | undefined;
  if (schedule.kind === 'at') {
    const at = toSim(zonedToUtc(schedule.wallMs, w.timeZone));
    t = at > after && (w.startTime === undefined || at >= w.startTime) ? at : undefined;
  } else if (schedule.kind === 'rate') {
    const anchor = w.startTime ?? w.createdAt + schedule.seconds;
    t = from < anchor ? anchor : anchor + (Math.floor((from - anchor) / schedule.seconds) + 1) * schedule.seconds;
  } else {
    t = nextCron(schedule, from, w.timeZone ?? 'UTC');
  }
  return t === undefined || (w.endTime !== undefined && t > w.endTime) ? undefined : t;
}

function nextCron(c: Extract<Schedule, { kind: 'cron' }>, after: number, timeZone: string): number | undefined {
  const afterUtc = toUtc(after);
  const startWall = afterUtc + offsetMs(timeZone, afterUtc);
  const firstDay = Math.floor(startWall / DAY_MS) - 1;
  for (let day = firstDay; day < firstDay + 6 * 366; day++) {
    const date = new Date(day * DAY_MS);
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    if (c.years !== 'any' && !c.years.includes(y)) continue;
    if (!c.months.includes(mo)) continue;
    const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (c.dom === 'last' ? d !== lastDay : c.dom !== 'any' && !c.dom.includes(d)) continue;
    if (c.dow !== 'any' && !c.dow.includes(date.getUTCDay() + 1)) continue;
    for (const h of c.hours) {
      for (const mi of c.minutes) {
        const utc = zonedToUtc(day * DAY_MS + h * 3_600_000 + mi * 60_000, timeZone);
        if (utc > afterUtc) return toSim(utc);
      }
    }
  }
  return undefined;
}
