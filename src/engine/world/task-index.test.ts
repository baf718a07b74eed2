import { describe, it, expect } from 'vitest';
import { sandbox } from '../testing/harness';
import { CLUSTER, createService, serviceCluster, webTaskDefinition } from '../testing/service-fixtures';
import { tasksHeldOnInstance, tasksOfServiceIn } from './task-index';

const walk = (s: ReturnType<typeof sandbox>, serviceArn: string) => Object.values(s.world.tasks).filter((t) => t.serviceArn === serviceArn);

describe('the task indexes', () => {
  it('list a service’s tasks as a walk of every task does, in the same order, and drop a STOPPED task when it leaves the world an hour later', () => {
    const s = sandbox({ seed: 9 });
    serviceCluster(s, { instances: 2 });
    webTaskDefinition(s);
    const web = createService(s, { serviceName: 'web', desiredCount: 3 });
    createService(s, { serviceName: 'api', desiredCount: 2 });
    s.advance(120);
    expect(tasksOfServiceIn(s.world, web.serviceArn!)).toEqual(walk(s, web.serviceArn!));
    const first = tasksOfServiceIn(s.world, web.serviceArn!)[0].taskArn;
    s.call('ecs:StopTask', { cluster: CLUSTER, task: first });
    s.advance(120);
    expect(tasksOfServiceIn(s.world, web.serviceArn!).map((t) => t.taskArn)).toContain(first);
    s.advance(3600);
    expect(s.world.tasks[first]).toBeUndefined();
    expect(s.world.taskArnsByService![web.serviceArn!]).not.toContain(first);
    expect(tasksOfServiceIn(s.world, web.serviceArn!)).toEqual(walk(s, web.serviceArn!));
  });

  it('know which tasks hold resources on an instance: placed and not yet STOPPED', () => {
    const s = sandbox({ seed: 9 });
    serviceCluster(s, { instances: 1 });
    webTaskDefinition(s);
    const web = createService(s, { serviceName: 'web', desiredCount: 2 });
    s.advance(120);
    const instanceId = Object.keys(s.world.instances)[0];
    const held = () => tasksHeldOnInstance(s.world, instanceId)!.map((t) => t.taskArn).sort();
    const live = () => walk(s, web.serviceArn!).filter((t) => t.lastStatus !== 'STOPPED').map((t) => t.taskArn).sort();
    expect(held()).toHaveLength(2);
    expect(held()).toEqual(live());
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', desiredCount: 0 });
    s.advanceUntil(() => live().length === 0, 600);
    expect(held()).toEqual([]);
  });
});
