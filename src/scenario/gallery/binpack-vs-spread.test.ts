import { describe, it, expect } from 'vitest';
import { binpackVsSpread, TASKS } from './binpack-vs-spread';
import { play, tasksOf } from './play';
import type { Simulation } from '../../engine/simulation';

/** Running tasks of service worker per instance and per AZ, in one cluster. */
function layout(sim: Simulation, cluster: string) {
  const tasks = tasksOf(sim, 'worker', cluster).filter((t) => t.lastStatus === 'RUNNING');
  const count = (key: (t: (typeof tasks)[number]) => string) => tasks.reduce<Record<string, number>>((m, t) => ({ ...m, [key(t)]: (m[key(t)] ?? 0) + 1 }), {});
  return { total: tasks.length, perInstance: Object.values(count((t) => t.containerInstanceArn!)).sort(), perZone: count((t) => t.availabilityZone!) };
}

describe('binpack vs spread', () => {
  it('binpack on memory fills one instance before using another: all six 1 GiB tasks share one m5.large', () => {
    const sim = play(binpackVsSpread);
    expect(layout(sim, 'binpack')).toMatchObject({ total: TASKS, perInstance: [6] });
    expect(sim.world.events.some((e) => e.kind.startsWith('task.placement') && /binpack/i.test(e.message))).toBe(true);
  });

  it('spread over ecs.availability-zone evens the same tasks out: two in each of the three AZs', () => {
    const sim = play(binpackVsSpread);
    const { total, perZone } = layout(sim, 'spread');
    expect(total).toBe(TASKS);
    expect(perZone).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2, 'us-east-1c': 2 });
  });
});
