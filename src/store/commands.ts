/**
 * The timed calls of a session (DESIGN.md "Edits are data"): the scenario's steps, each at the
 * simulated time the headless runner makes it (a call after `{advance: 120}` runs at 120 s), merged
 * with the user's command log. At equal times the scenario's steps come first, then the commands
 * in log order.
 *
 * Replay: for each timed call, runUntil(its time) if it `flush`es, then the call; the state "at
 * time t" ends with runUntil(t), so what the calls at t set off at once (zero-delay events) has run.
 * Commands always flush (the user made them looking at a finished moment). Scenario steps flush
 * only after an `advance` step, exactly as the headless runner runs them: consecutive calls with no
 * advance between run back to back, so the app's event log is the runner's.
 */
import type { Scenario } from '../scenario/schema';
import type { Command } from '../scenario/envelope';

export type { Command };

/** One call of the merged timeline; `step` (1-based, as the runner names steps) for scenario steps. */
export interface TimedCall extends Command {
  step?: number;
  /** Run the events due at `at` before this call (false only inside a run of scenario calls). */
  flush: boolean;
}

/** The scenario's call steps at their times (advances summed, as the headless runner does). */
export function scenarioCalls(scenario: Scenario): TimedCall[] {
  const calls: TimedCall[] = [];
  let at = 0;
  let flush = true;
  scenario.steps.forEach((step, i) => {
    if ('advance' in step) {
      at += step.advance;
      flush = true;
    } else {
      calls.push({ at, call: step.call, input: step.input ?? {}, step: i + 1, flush });
      flush = false;
    }
  });
  return calls;
}

/** Scenario calls and commands merged by time; at equal times scenario steps first. */
export function mergeCalls(steps: TimedCall[], commands: readonly Command[]): TimedCall[] {
  const merged: TimedCall[] = [];
  let i = 0;
  let j = 0;
  while (i < steps.length || j < commands.length) {
    if (j >= commands.length || (i < steps.length && steps[i].at <= commands[j].at)) merged.push(steps[i++]);
    else merged.push({ ...commands[j++], flush: true });
  }
  return merged;
}

/** Index of the first call after time t (how many calls the state at t has made). */
export function callsUpTo(calls: readonly TimedCall[], t: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid].at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first time two command logs differ (the earliest command one has and the other does not),
 * or undefined when they are the same. Commands are immutable, so a shared prefix is shared by
 * reference.
 */
export function firstDifference(a: readonly Command[], b: readonly Command[]): number | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return Math.min(a[i].at, b[i].at);
  }
  if (a.length !== b.length) return (a.length > n ? a[n] : b[n]).at;
  return undefined;
}

/** A scenario step that answered with an error (shown in the event log; the scenario goes on). */
export interface StepFailure {
  /** 1-based, as the headless runner names steps. */
  step: number;
  at: number;
  call: string;
  code: string;
  message: string;
}
