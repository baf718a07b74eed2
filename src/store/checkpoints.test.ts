import { describe, it, expect } from 'vitest';
import { addCheckpoint, CHECKPOINT_WORK_FACTOR, checkpointAtOrBefore, shouldCheckpoint, invalidateFrom, MAX_CHECKPOINTS, nextCheckpointTime, restoreCheckpoint, takeCheckpoint, type Checkpoint } from './checkpoints';
import { createTimeline } from './timeline';
import { defaultScenario } from '../scenario/default';

const cp = (at: number): Checkpoint => ({ at, snapshot: {} as Checkpoint['snapshot'], failures: [], log: [], logLength: 0 });

describe('checkpoints', () => {
  it('fall every 60 simulated seconds', () => {
    expect([0, 59.9, 60, 61].map(nextCheckpointTime)).toEqual([60, 60, 120, 120]);
  });

  it('without a wall clock fall on every minute; with one, once the work since the last is worth CHECKPOINT_WORK_FACTOR snapshots', () => {
    expect(shouldCheckpoint(undefined, 50)).toBe(true);
    expect(shouldCheckpoint(CHECKPOINT_WORK_FACTOR * 12 - 1, 12)).toBe(false);
    expect(shouldCheckpoint(CHECKPOINT_WORK_FACTOR * 12, 12)).toBe(true);
  });

  it('with a wall clock, a timeline whose snapshots are dear checkpoints less often than every minute, and seeks back exactly', () => {
    // Every reading of the clock moves it 1 ms, so the work between two readings is tiny beside a
    // snapshot's (its reading pair spans the deep copy, also 1 ms): checkpoints thin out.
    let wall = 0;
    const timeline = createTimeline(defaultScenario, [], { wallClock: () => wall++ });
    const everyMinute = createTimeline(defaultScenario);
    timeline.runTo(1800);
    everyMinute.runTo(1800);
    expect(everyMinute.checkpoints.length).toBe(31);
    expect(timeline.checkpoints.length).toBeLessThan(31);
    expect(timeline.checkpoints.length).toBeGreaterThan(1);
    const fresh = createTimeline(defaultScenario);
    fresh.runTo(1000);
    timeline.seek(1000);
    expect(JSON.stringify(timeline.sim.world)).toBe(JSON.stringify(fresh.sim.world));
  });

  it('are found at or before a time, or strictly before it', () => {
    const list = [cp(0), cp(60), cp(120)];
    expect(checkpointAtOrBefore(list, 119)?.at).toBe(60);
    expect(checkpointAtOrBefore(list, 120)?.at).toBe(120);
    expect(checkpointAtOrBefore(list, 120, true)?.at).toBe(60);
  });

  it('after a change at time c, only those strictly before c stay', () => {
    expect(invalidateFrom([cp(0), cp(60), cp(120)], 60).map((c) => c.at)).toEqual([0]);
  });

  it(`stay under ${MAX_CHECKPOINTS}, thinning the older half and keeping the first and the recent ones`, () => {
    let list: Checkpoint[] = [];
    for (let i = 0; i <= 1000; i++) list = addCheckpoint(list, cp(i * 60));
    expect(list.length).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    expect(list[0].at).toBe(0);
    expect(list.slice(-50).map((c) => c.at)).toEqual(Array.from({ length: 50 }, (_, i) => (951 + i) * 60));
    expect(list.map((c) => c.at)).toEqual([...list.map((c) => c.at)].sort((a, b) => a - b));
  });

  it('share the event log instead of copying it, and restoring one gives back the log as it was, again and again', () => {
    const { sim, runTo } = createTimeline(defaultScenario);
    runTo(120);
    const logThen = JSON.stringify(sim.world.events);
    const checkpoint = takeCheckpoint(sim, 120, []);
    expect(checkpoint.snapshot.world.events).toEqual([]);
    expect(checkpoint.log).toBe(sim.world.events);
    runTo(600);
    expect(sim.world.events.length).toBeGreaterThan(checkpoint.logLength);
    for (let i = 0; i < 2; i++) {
      restoreCheckpoint(sim, checkpoint);
      expect(sim.now).toBe(120);
      expect(JSON.stringify(sim.world.events)).toBe(logThen);
      // The restored log is its own array: running on from it leaves the checkpoint as it was.
      expect(sim.world.events).not.toBe(checkpoint.log);
      sim.runUntil(300);
    }
  });
});

