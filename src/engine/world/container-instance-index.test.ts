import { describe, it, expect } from 'vitest';
import { sandbox } from '../testing/harness';
import { launchContainerInstances } from '../testing/ec2-fixtures';
import { addContainerInstance } from '../testing/placement-fixtures';
import { Simulation } from '../simulation';
import { clusterContainerInstances } from './container-instance-index';
import type { World } from './types';

/** What the index must equal: the cluster's instances in the order the world enumerates them. */
const scan = (world: World, clusterArn: string) => Object.values(world.containerInstances).filter((ci) => ci.clusterArn === clusterArn);

describe('the per-cluster index of container instances', () => {
  it('lists the instances the agent registers in each cluster, in registration order', () => {
    const s = sandbox({ seed: 5 });
    launchContainerInstances(s, { cluster: 'prod', count: 3 });
    launchContainerInstances(s, { cluster: 'batch', count: 2 });
    launchContainerInstances(s, { cluster: 'prod', count: 1, skipCreateCluster: true });
    for (const clusterArn of Object.keys(s.world.clusters)) {
      expect(clusterContainerInstances(s.world, clusterArn)).toEqual(scan(s.world, clusterArn));
    }
    const prod = Object.values(s.world.clusters).find((c) => c.clusterName === 'prod')!;
    expect(clusterContainerInstances(s.world, prod.clusterArn)).toHaveLength(4);
  });

  it('keeps a deregistered (INACTIVE) instance, as the world does', () => {
    const s = sandbox({ seed: 5 });
    const [arn] = launchContainerInstances(s, { cluster: 'prod', count: 2 });
    const ec2 = s.world.containerInstances[arn].ec2InstanceId;
    s.call('ec2:TerminateInstances', { InstanceIds: [ec2] }).advance(120);
    expect(s.world.containerInstances[arn].status).toBe('INACTIVE');
    const clusterArn = s.world.containerInstances[arn].clusterArn;
    expect(clusterContainerInstances(s.world, clusterArn)).toEqual(scan(s.world, clusterArn));
  });

  it('a world without the index (an older snapshot) is scanned, and gets the full index on the next registration', () => {
    const world = new Simulation({ seed: 1 }).world;
    const a = addContainerInstance(world, { cluster: 'one' });
    addContainerInstance(world, { cluster: 'two' });
    delete world.containerInstanceArnsByCluster;
    expect(clusterContainerInstances(world, a.clusterArn)).toEqual([a]);
    const c = addContainerInstance(world, { cluster: 'one' });
    expect(world.containerInstanceArnsByCluster?.[a.clusterArn]).toEqual([a.containerInstanceArn, c.containerInstanceArn]);
    expect(clusterContainerInstances(world, a.clusterArn)).toEqual([a, c]);
  });
});
