import { describe, it, expect } from 'vitest';
import { Simulation } from '../../engine/simulation';
import { FORMS } from '../forms';
import { runPlan } from '../forms/run';
import type { PaletteKind } from '../forms/types';
import { applyConnection, planConnection } from './connect';

function built(kinds: PaletteKind[], overrides: Partial<Record<PaletteKind, Record<string, string | number | boolean>>> = {}) {
  const sim = new Simulation({ seed: 5 });
  for (const kind of kinds) {
    const spec = FORMS[kind];
    const v = { ...spec.defaults(sim.world, {}), ...overrides[kind] };
    const outcome = runPlan(spec.plan(v, sim.world), (n, i) => sim.call(n, i), spec.fields(sim.world, v));
    if (outcome.failure) throw new Error(`${kind}: ${outcome.failure.message}`);
  }
  return sim;
}
const call = (sim: Simulation) => (name: string, input?: unknown) => sim.call(name, input);

describe('connecting resources on the canvas makes the AWS call that relates them', () => {
  it('service -> target group adds the group to the service\'s loadBalancers (UpdateService), from either end', () => {
    const sim = built(['cluster', 'ec2Instances', 'repository', 'imagePush', 'taskDefinition', 'loadBalancer', 'service'], { service: { targetGroupArn: '' } });
    const service = Object.keys(sim.world.services)[0];
    const tg = Object.keys(sim.world.targetGroups)[0];
    const plan = planConnection({ sourceKind: 'targetGroup', sourceId: tg, targetKind: 'service', targetId: service }, sim.world);
    expect(plan.calls?.[0]).toEqual({ call: 'ecs:UpdateService', input: { cluster: 'prod', service: 'web', loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }] } });
    expect(applyConnection(plan, call(sim)).ok).toBe(true);
    expect(sim.world.services[service].loadBalancers).toHaveLength(1);
    // Again: already attached, refused with the reason.
    expect(planConnection({ sourceKind: 'service', sourceId: service, targetKind: 'targetGroup', targetId: tg }, sim.world).refusal).toMatch(/already registers its tasks in target group web/);
  });

  it('task definition -> repository registers a new revision running the repository\'s newest image', () => {
    const sim = built(['repository', 'taskDefinition']);
    sim.call('sim:PushImage', { repositoryName: 'web', imageTag: 'v7' });
    const td = Object.keys(sim.world.taskDefinitions)[0];
    const repo = Object.keys(sim.world.repositories)[0];
    const outcome = applyConnection(planConnection({ sourceKind: 'taskDefinition', sourceId: td, targetKind: 'repository', targetId: repo }, sim.world), call(sim));
    expect(outcome.ok).toBe(true);
    const revision2 = Object.values(sim.world.taskDefinitions).find((t) => t.revision === 2);
    expect(revision2?.containerDefinitions[0].image).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v7');
    expect(revision2?.cpu).toBe('256');
  });

  it('a repository without images cannot be run: push one first', () => {
    const sim = built(['repository', 'taskDefinition']);
    const plan = planConnection({ sourceKind: 'taskDefinition', sourceId: Object.keys(sim.world.taskDefinitions)[0], targetKind: 'repository', targetId: Object.keys(sim.world.repositories)[0] }, sim.world);
    expect(plan.refusal).toMatch(/no tagged image yet/);
  });

  it('service -> cluster is refused: the cluster is fixed when the service is created', () => {
    const sim = built(['cluster']);
    const plan = planConnection({ sourceKind: 'service', sourceId: 'x', targetKind: 'cluster', targetId: Object.keys(sim.world.clusters)[0] }, sim.world);
    expect(plan.refusal).toMatch(/UpdateService has no cluster parameter/);
    expect(applyConnection(plan, call(sim))).toMatchObject({ ok: false, done: [] });
  });

  it('a pair AWS does not relate says so and lists what can be connected', () => {
    const plan = planConnection({ sourceKind: 'alarm', sourceId: 'a', targetKind: 'repository', targetId: 'r' }, new Simulation().world);
    expect(plan.refusal).toMatch(/^AWS has no API that connects a CloudWatch alarm to a repository\. Connections with an AWS API:/);
  });
});
