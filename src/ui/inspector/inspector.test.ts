import { describe, it, expect } from 'vitest';
import { Simulation } from '../../engine/simulation';
import { FORMS } from '../forms';
import { runPlan } from '../forms/run';
import type { PaletteKind } from '../forms/types';
import { cliCommand } from '../../scenario/cli';
import { createCalls } from './createCalls';
import { describeCalls } from './describe';
import { propertiesOf } from './properties';

function built() {
  const sim = new Simulation({ seed: 9 });
  for (const kind of ['cluster', 'ec2Instances', 'repository', 'imagePush', 'taskDefinition', 'loadBalancer', 'service'] as PaletteKind[]) {
    const spec = FORMS[kind];
    const v = spec.defaults(sim.world, {});
    runPlan(spec.plan(v, sim.world), (n, i) => sim.call(n, i), spec.fields(sim.world, v));
  }
  sim.advance(300);
  return sim;
}
const callOf = (sim: Simulation) => (n: string, i: unknown) => sim.call(n, i);

describe('the CLI tab shows the commands that create the resource as it is now', () => {
  it('a service: aws ecs create-service with its cluster, name, revision, count, launch type and deployment configuration', () => {
    const sim = built();
    const arn = Object.keys(sim.world.services)[0];
    const [cmd] = createCalls('service', arn, sim.world).map((c) => cliCommand(c));
    expect(cmd).toMatch(/^aws ecs create-service --cluster prod --service-name web --task-definition web:1 --desired-count 2 --launch-type EC2 --deployment-configuration '\{"maximumPercent":200,"minimumHealthyPercent":100,"deploymentCircuitBreaker":\{"enable":true,"rollback":true\}\}' --load-balancers '\[\{"targetGroupArn":"arn:aws:elasticloadbalancing:/);
  });

  it('replaying the create calls in a fresh account recreates the resource (task definition)', () => {
    const sim = built();
    const td = Object.keys(sim.world.taskDefinitions)[0];
    const fresh = new Simulation();
    for (const c of createCalls('taskDefinition', td, sim.world)) expect(fresh.call(c.call, c.input).error).toBeUndefined();
    expect(Object.values(fresh.world.taskDefinitions)[0].containerDefinitions).toEqual(sim.world.taskDefinitions[td].containerDefinitions);
  });
});

describe('the JSON tab\'s Describe calls answer for each kind', () => {
  it('task, service, cluster, container instance, target group and repository describe without error', () => {
    const sim = built();
    const picks: [string, string][] = [
      ['task', Object.keys(sim.world.tasks)[0]],
      ['service', Object.keys(sim.world.services)[0]],
      ['cluster', Object.keys(sim.world.clusters)[0]],
      ['containerInstance', Object.keys(sim.world.instances)[0]],
      ['targetGroup', Object.keys(sim.world.targetGroups)[0]],
      ['repository', Object.keys(sim.world.repositories)[0]],
      ['loadBalancer', Object.keys(sim.world.loadBalancers)[0]],
    ];
    for (const [kind, id] of picks) {
      const calls = describeCalls(kind, id, sim.world);
      expect(calls.length, kind).toBeGreaterThan(0);
      for (const c of calls) expect(sim.call(c.call, c.input).error, `${kind} ${c.call}`).toBeUndefined();
    }
    const out = sim.call(describeCalls('task', picks[0][1], sim.world)[0].call, describeCalls('task', picks[0][1], sim.world)[0].input).output as { tasks: { taskArn: string }[] };
    expect(out.tasks[0].taskArn).toBe(picks[0][1]);
  });
});

describe('Properties edit through Update calls and delete by AWS\'s rules', () => {
  it('changing desiredCount makes UpdateService with only that change', () => {
    const sim = built();
    const spec = propertiesOf('service', Object.keys(sim.world.services)[0], sim.world)!;
    const values = Object.fromEntries(spec.rows.map((r) => [r.field.name, r.value]));
    const calls = spec.update!({ ...values, desiredCount: '4' });
    expect(calls.map((c) => [c.call, c.input([])])).toEqual([['ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 4 }]]);
    expect(spec.update!(values)).toEqual([]);
  });

  it('deleting a cluster that still has instances and services is refused in AWS\'s words, and it stays ACTIVE', () => {
    const sim = built();
    const arn = Object.keys(sim.world.clusters)[0];
    const spec = propertiesOf('cluster', arn, sim.world)!;
    const outcome = runPlan(spec.remove!.calls, callOf(sim), []);
    expect(outcome.failure?.code).toMatch(/^ClusterContains(ContainerInstances|Services)Exception$/);
    expect(sim.world.clusters[arn].status).toBe('ACTIVE');
  });

  it('draining a container instance calls UpdateContainerInstancesState', () => {
    const sim = built();
    const id = Object.keys(sim.world.instances)[0];
    const spec = propertiesOf('containerInstance', id, sim.world)!;
    const values = Object.fromEntries(spec.rows.map((r) => [r.field.name, r.value]));
    expect(runPlan(spec.update!({ ...values, status: 'DRAINING' }), callOf(sim), []).ok).toBe(true);
    expect(sim.world.containerInstances[sim.world.instances[id].containerInstanceArn!].status).toBe('DRAINING');
  });
});
