import { describe, it, expect } from 'vitest';
import { rollingUpdate50200, UPDATE_AT_SECONDS } from './rolling-update-50-200';
import { describeService, play, tasksOf } from './play';
import type { Simulation } from '../../engine/simulation';

const healthyTargets = (sim: Simulation) => Object.values(Object.values(sim.world.targetGroups)[0].targets).filter((t) => t.State === 'healthy').length;
/** maximumPercent bounds the tasks ECS wants RUNNING (PENDING or RUNNING). */
const wanted = (sim: Simulation) => tasksOf(sim, 'web').filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED').length;

describe('a rolling update with minimumHealthyPercent 50 and maximumPercent 200, sampled every 5 s', () => {
  it('starts from 4 healthy tasks of revision 1', () => {
    const sim = play({ ...rollingUpdate50200, steps: rollingUpdate50200.steps.filter((s) => !('call' in s && s.call === 'ecs:UpdateService')) });
    expect(healthyTargets(sim)).toBe(4);
  });

  it('never has fewer than ceil(4 x 0.5) = 2 healthy tasks nor more than 4 x 2 = 8 tasks, and ends on revision 2', () => {
    const healthy: number[] = [];
    const counts: number[] = [];
    const sim = play(rollingUpdate50200, {
      after: 300,
      sample: (s) => {
        if (s.now <= UPDATE_AT_SECONDS) return;
        healthy.push(healthyTargets(s));
        counts.push(wanted(s));
      },
    });
    expect(Math.min(...healthy)).toBe(2);
    expect(Math.max(...counts)).toBeGreaterThan(4);
    expect(Math.max(...counts)).toBeLessThanOrEqual(8);
    const d = describeService(sim, 'web');
    expect(d.deployments).toHaveLength(1);
    expect(d.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 4 });
    expect(d.taskDefinition).toMatch(/web:2$/);
    expect(healthyTargets(sim)).toBe(4);
  });
});
