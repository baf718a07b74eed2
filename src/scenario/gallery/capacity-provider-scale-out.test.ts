import { describe, it, expect } from 'vitest';
import { capacityProviderScaleOut, DESIRED_COUNT } from './capacity-provider-scale-out';
import { play, tasksOf } from './play';

describe('a capacity provider with managed scaling, starting with one instance', () => {
  it('keeps the tasks that do not fit in PROVISIONING, reports CapacityProviderReservation above 100, scales the group out, and runs them all', () => {
    let mostProvisioning = 0;
    let highestReservation = 0;
    let groupMax = 0;
    const sim = play(capacityProviderScaleOut, {
      every: 10,
      sample: (s) => {
        mostProvisioning = Math.max(mostProvisioning, tasksOf(s, 'worker').filter((t) => t.lastStatus === 'PROVISIONING').length);
        highestReservation = Math.max(highestReservation, s.world.capacityProviders?.nodes?.lastReservation?.value ?? 0);
        groupMax = Math.max(groupMax, s.world.autoScalingGroups['ecs-nodes']?.DesiredCapacity ?? 0);
      },
    });
    // One m5.large (2048 CPU units) holds 2 tasks of 1024: the other 4 wait.
    expect(mostProvisioning).toBe(4);
    // 3 instances needed, 1 running: 3 / 1 x 100.
    expect(highestReservation).toBe(300);
    expect(groupMax).toBe(3);
    const tasks = tasksOf(sim, 'worker');
    expect(tasks.filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(DESIRED_COUNT);
    expect(new Set(tasks.map((t) => t.ec2InstanceId)).size).toBe(3);
    expect(sim.world.events.some((e) => /waited \d+ s in PROVISIONING/.test(e.message))).toBe(true);
  });
});
