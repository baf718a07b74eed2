/**
 * One timeline of a session: the live Simulation at the playhead, the merged timed calls (scenario
 * steps + the command log, commands.ts), and checkpoints to seek with. Framework-free; the session
 * store (session.ts) wraps it and publishes what changed.
 *
 * Invariant: after runTo/seek the live simulation is exactly the state at its clock, which is what
 * a straight replay (createSimulation + runUntil(at) and the call, for every timed call in order)
 * gives. Only stepToNextEvent can leave it between two such states (some events at the current
 * time run, others not yet); runTo(now) completes that moment before any edit.
 */
import type { CallResult, Simulation, SimulationSnapshot } from '../engine/simulation';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/schema';
import { callsUpTo, firstDifference, mergeCalls, scenarioCalls, type Command, type StepFailure, type TimedCall } from './commands';
import { addCheckpoint, checkpointAtOrBefore, invalidateFrom, nextCheckpointTime, restoreCheckpoint, shouldCheckpoint, takeCheckpoint, type Checkpoint } from './checkpoints';

export interface Timeline {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly commands: readonly Command[];
  /** Scenario steps that answered with an error, up to the clock. */
  readonly failures: readonly StepFailure[];
  /** The furthest simulated time this timeline has been computed to. */
  readonly horizon: number;
  readonly checkpoints: readonly Checkpoint[];
  /** Time of the next timed call not yet made (Infinity when none is left). */
  readonly nextCallAt: number;
  /** Runs forward to t (>= the clock), making calls and taking checkpoints; true if anything ran. */
  runTo(t: number): boolean;
  /** Moves the clock to t, backwards (restore a checkpoint, replay) or forwards; true if the world may have changed. */
  seek(t: number): boolean;
  /**
   * Runs exactly the next kernel event, or the next timed calls (all due at that moment, with the
   * events they set off at once); false when nothing is left.
   */
  step(): boolean;
  /** A user edit at the clock. Returns the result and how many later commands it discarded. */
  call(name: string, input: unknown): { result: CallResult; discarded: number };
  /** Replaces the command log (undo/redo) and rebuilds the state at the clock. */
  replaceCommands(commands: readonly Command[]): void;
}

/** A JSON copy: what the log keeps (and a share link holds), and what every replay passes. */
const jsonCopy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export interface TimelineOptions {
  /**
   * Real milliseconds (performance.now in the app). With it, checkpoints are spaced by the work
   * they save (checkpoints.ts shouldCheckpoint); without it, one every simulated minute.
   */
  wallClock?: () => number;
}

export function createTimeline(scenario: Scenario, initialCommands: readonly Command[] = [], options: TimelineOptions = {}): Timeline {
  const wall = options.wallClock;
  const sim = createSimulation(scenario);
  const origin: SimulationSnapshot = sim.snapshot();
  const steps: TimedCall[] = scenarioCalls(scenario);
  let commands: readonly Command[] = initialCommands;
  let calls = mergeCalls(steps, commands);
  let next = 0;
  let failures: StepFailure[] = [];
  let checkpoints: Checkpoint[] = [];
  let horizon = 0;
  /**
   * With a wall clock: ms spent running since the last checkpoint (counted up to `mark`, the last
   * reading), and what the last snapshot took.
   */
  let work = 0;
  let mark = 0;
  let snapshotMs = 0;

  /** Adds the time since the last reading to `work`. */
  function measure(): void {
    if (!wall) return;
    const now = wall();
    work += now - mark;
    mark = now;
  }

  function checkpoint(at: number): void {
    measure();
    const started = mark;
    checkpoints = addCheckpoint(checkpoints, takeCheckpoint(sim, at, failures));
    measure();
    snapshotMs = mark - started;
    work = 0;
  }

  function makeCall(c: TimedCall): void {
    // The engine may keep references into its input; each call gets its own copy.
    const result = sim.call(c.call, structuredClone(c.input));
    if (result.error && c.step !== undefined) failures.push({ step: c.step, at: result.at, call: c.call, ...result.error });
  }

  function restore(checkpoint: Checkpoint | undefined): void {
    if (checkpoint) restoreCheckpoint(sim, checkpoint);
    else sim.restore(origin);
    next = checkpoint ? callsUpTo(calls, checkpoint.at) : 0;
    failures = checkpoint ? [...checkpoint.failures] : [];
    work = 0;
  }

  function runTo(t: number): boolean {
    let changed = false;
    if (wall) mark = wall();
    for (;;) {
      const callAt = next < calls.length ? calls[next].at : Infinity;
      const checkpointAt = nextCheckpointTime(sim.now);
      const stop = Math.min(t, callAt, checkpointAt);
      if (sim.kernel.nextTime <= stop) changed = true;
      sim.runUntil(stop);
      while (next < calls.length && calls[next].at <= stop) {
        const c = calls[next++];
        if (c.flush) sim.runUntil(c.at);
        makeCall(c);
        changed = true;
      }
      // The moment ends with what its calls set off at once (zero-delay events).
      sim.runUntil(stop);
      if (stop === checkpointAt) {
        measure();
        // A checkpoint already here (replaying after a seek back): the work counts from it.
        if (checkpoints.some((c) => c.at === stop)) work = 0;
        else if (shouldCheckpoint(wall ? work : undefined, snapshotMs)) checkpoint(stop);
      }
      if (stop >= t) break;
    }
    measure();
    horizon = Math.max(horizon, sim.now);
    return changed;
  }

  function seek(t: number): boolean {
    if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`cannot seek to ${t}: times are simulated seconds >= 0`);
    const checkpoint = checkpointAtOrBefore(checkpoints, t);
    const restoring = t < sim.now || (checkpoint !== undefined && checkpoint.at > sim.now);
    if (restoring) restore(checkpoint);
    return runTo(t) || restoring;
  }

  function step(): boolean {
    const eventAt = sim.kernel.nextTime;
    const callAt = next < calls.length ? calls[next].at : Infinity;
    if (eventAt === Infinity && callAt === Infinity) return false;
    if (eventAt <= callAt) sim.step();
    else runTo(callAt);
    horizon = Math.max(horizon, sim.now);
    return true;
  }

  function call(name: string, input: unknown): { result: CallResult; discarded: number } {
    runTo(sim.now);
    const at = sim.now;
    const copy = jsonCopy(input ?? {}) as Record<string, unknown>;
    const result = sim.call(name, structuredClone(copy));
    if (result.error) {
      // Choice: a failed edit is not in the log (undo would have nothing to undo), and the world
      // is rebuilt without it, so even an action that failed half-way leaves no trace.
      restore(checkpointAtOrBefore(checkpoints, at));
      runTo(at);
      return { result, discarded: 0 };
    }
    sim.runUntil(at);
    const kept = commands.filter((c) => c.at <= at);
    const discarded = commands.length - kept.length;
    commands = [...kept, { at, call: name, input: copy }];
    calls = mergeCalls(steps, commands);
    next = callsUpTo(calls, at);
    checkpoints = invalidateFrom(checkpoints, at);
    horizon = at;
    return { result, discarded };
  }

  function replaceCommands(replacement: readonly Command[]): void {
    const changedAt = firstDifference(commands, replacement);
    if (changedAt === undefined) return;
    commands = replacement;
    calls = mergeCalls(steps, commands);
    checkpoints = invalidateFrom(checkpoints, changedAt);
    const t = sim.now;
    if (changedAt <= t) {
      restore(checkpointAtOrBefore(checkpoints, t));
      runTo(t);
    }
    // Choice: the future past the clock is recomputed as it is played again.
    horizon = t;
  }

  // The state at 0: the steps before the first advance have run.
  runTo(0);
  checkpoint(0);

  return {
    sim,
    scenario,
    get commands() {
      return commands;
    },
    get failures() {
      return failures;
    },
    get horizon() {
      return horizon;
    },
    get checkpoints() {
      return checkpoints;
    },
    get nextCallAt() {
      return next < calls.length ? calls[next].at : Infinity;
    },
    runTo,
    seek,
    step,
    call,
    replaceCommands,
  };
}
