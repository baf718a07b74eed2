/**
 * binpack vs spread: the same six tasks placed in two identical clusters of three m5.large
 * instances (one per AZ), once with binpack on memory and once with spread over AZs.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { containerInstances, ZONES } from './common';

export const TASKS = 6;

function build(): Scenario {
  const b = new ScenarioBuilder(2);
  for (const cluster of ['binpack', 'spread']) {
    b.call('ecs:CreateCluster', { clusterName: cluster });
    containerInstances(b, cluster, ZONES);
  }
  // 256 CPU units and 1 GiB each: an m5.large (2 vCPU, about 7.8 GiB registered) fits 7 by memory.
  b.call('ecs:RegisterTaskDefinition', {
    family: 'worker',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'worker', image: 'nginx:latest', essential: true, cpu: 256, memory: 1024 }],
  }).advance(60);
  b.call('ecs:CreateService', {
    cluster: 'binpack',
    serviceName: 'worker',
    taskDefinition: 'worker',
    desiredCount: TASKS,
    launchType: 'EC2',
    placementStrategy: [{ type: 'binpack', field: 'memory' }],
  });
  b.call('ecs:CreateService', {
    cluster: 'spread',
    serviceName: 'worker',
    taskDefinition: 'worker',
    desiredCount: TASKS,
    launchType: 'EC2',
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  });
  return b.advance(60).build({
    name: 'binpack vs spread',
    description:
      'Two identical clusters place the same six tasks. binpack on memory puts each task on the instance that leaves the least memory unused, so one instance fills up and the others stay empty; spread over ecs.availability-zone evens the tasks out, two per AZ.',
  });
}

export const binpackVsSpread: Scenario = build();
