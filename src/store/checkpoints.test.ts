import { describe, it, expect } from 'vitest';
import { addCheckpoint, checkpointAtOrBefore, invalidateFrom, MAX_CHECKPOINTS, nextCheckpointTime, restoreCheckpoint, takeCheckpoint, type Checkpoint } from './checkpoints';
import { createTimeline } from './timeline';
import { defaultScenario } from '../scenario/default';

const cp = (at: number): Checkpoint => ({ at, snapshot: {} as Checkpoint['snapshot'], failures: [], log: [], logLength: 0 });

describe('checkpoints', () => {
  it('fall every 60 simulated seconds', () => {
    expect([0, 59.9, 60, 61].map(nextCheckpointTime)).toEqual([60, 60, 120, 120]);
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

