import { describe, it, expect } from 'vitest';
import { addCheckpoint, checkpointAtOrBefore, invalidateFrom, MAX_CHECKPOINTS, nextCheckpointTime, type Checkpoint } from './checkpoints';

const cp = (at: number): Checkpoint => ({ at, snapshot: {} as Checkpoint['snapshot'], failures: [] });

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
});
