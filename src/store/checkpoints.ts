/**
 * Checkpoints for time travel (like RaftScope's state.js): snapshots of the whole simulation taken
 * on whole minutes of simulated time (CHECKPOINT_SECONDS) while the timeline runs forward. Seeking
 * restores the nearest checkpoint at or before the target and replays from there.
 *
 * Choices:
 * - Without a wall clock (tests, the headless runner) every whole minute gets a checkpoint, so a
 *   seek replays at most a minute (more only where old checkpoints were thinned).
 * - With one (the app), a whole minute gets a checkpoint only once the simulation work since the
 *   last checkpoint is worth CHECKPOINT_WORK_FACTOR snapshots (shouldCheckpoint). A snapshot is a
 *   deep copy of the world, so its cost grows with the world while a minute's events may not:
 *   in issue #4's 500-node bench world a snapshot took ~12 ms against ~14 ms of simulating the
 *   minute, nearly doubling the work of 60x playback and landing in one frame each real second.
 *   With the factor, snapshots cost at most a fifth of the simulation's time, and a seek replays at
 *   most about five snapshots' worth of work (~60 ms there); a small world still checkpoints
 *   about every minute or two. Checkpoints are a cache: where they fall changes no result.
 * - At most 200 kept. Past the cap, every other checkpoint in the older half is dropped, so recent
 *   history stays dense and the first hours thin out gradually.
 */
import type { Simulation, SimulationSnapshot } from '../engine/simulation';
import type { SimEvent } from '../engine/world/types';
import type { StepFailure } from './commands';

export const CHECKPOINT_SECONDS = 60;
export const MAX_CHECKPOINTS = 200;
/** With a wall clock: simulation work (ms) since the last checkpoint must reach this many snapshots' time. */
export const CHECKPOINT_WORK_FACTOR = 5;

/**
 * Whether a whole minute gets a checkpoint: always without a wall clock (`workMs` undefined), else
 * once the work since the last checkpoint reaches CHECKPOINT_WORK_FACTOR times the last snapshot's cost.
 */
export function shouldCheckpoint(workMs: number | undefined, lastSnapshotMs: number): boolean {
  return workMs === undefined || workMs >= CHECKPOINT_WORK_FACTOR * lastSnapshotMs;
}

/** The state at `at`: every event and timed call at or before `at` is in it. */
export interface Checkpoint {
  at: number;
  /** The simulation, except its event log (world.events is empty here: see `log`). */
  snapshot: SimulationSnapshot;
  /** The scenario steps that had failed by then. */
  failures: StepFailure[];
  /**
   * The event log by then: the first `logLength` entries of `log`, the live event log the
   * checkpoint was taken from. The log is append-only along a timeline (the engine pushes to it
   * and never rewrites an entry; an action that fails may drop what it appended itself, which is
   * past every checkpoint), so that prefix stays true as the simulation runs on, and after a fork
   * at a later time; a restore starts a new array from it. Copying the log into every checkpoint
   * was a third of a checkpoint's cost in a large world, and grew with every minute played.
   */
  log: readonly SimEvent[];
  logLength: number;
}

/** A checkpoint of the simulation as it is now (at `at`, its clock). */
export function takeCheckpoint(sim: Simulation, at: number, failures: readonly StepFailure[]): Checkpoint {
  const world = sim.world;
  const log = world.events;
  world.events = [];
  try {
    return { at, snapshot: sim.snapshot(), failures: [...failures], log, logLength: log.length };
  } finally {
    world.events = log;
  }
}

/** Puts the simulation back to a checkpoint (a copy: the checkpoint can be restored again). */
export function restoreCheckpoint(sim: Simulation, checkpoint: Checkpoint): void {
  sim.restore(checkpoint.snapshot);
  sim.world.events = checkpoint.log.slice(0, checkpoint.logLength);
}

/** The next checkpoint time strictly after t. */
export function nextCheckpointTime(t: number): number {
  return (Math.floor(t / CHECKPOINT_SECONDS) + 1) * CHECKPOINT_SECONDS;
}

/** Adds a checkpoint (kept sorted by time; one per time), thinning past the cap. */
export function addCheckpoint(list: Checkpoint[], checkpoint: Checkpoint): Checkpoint[] {
  const i = list.findIndex((c) => c.at >= checkpoint.at);
  if (i >= 0 && list[i].at === checkpoint.at) return list;
  const next = i < 0 ? [...list, checkpoint] : [...list.slice(0, i), checkpoint, ...list.slice(i)];
  return next.length > MAX_CHECKPOINTS ? thin(next) : next;
}

/** Drops every other checkpoint of the older half (the first one, at 0, always stays). */
export function thin(list: Checkpoint[]): Checkpoint[] {
  const half = Math.floor(list.length / 2);
  return list.filter((_, i) => i >= half || i % 2 === 0);
}

/** The latest checkpoint at or before t (strictly before, with `strict`). */
export function checkpointAtOrBefore(list: readonly Checkpoint[], t: number, strict = false): Checkpoint | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    if (strict ? list[i].at < t : list[i].at <= t) return list[i];
  }
  return undefined;
}

/** The checkpoints still true after the timeline changed at time c (those strictly before c). */
export function invalidateFrom(list: Checkpoint[], c: number): Checkpoint[] {
  return list.every((cp) => cp.at < c) ? list : list.filter((cp) => cp.at < c);
}
