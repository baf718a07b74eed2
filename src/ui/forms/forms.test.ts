import { describe, it, expect } from 'vitest';
import { Simulation } from '../../engine/simulation';
import { FORMS } from './index';
import type { DropContext, PaletteKind } from './types';
import { partialMessage, runPlan, fieldForError } from './run';
import { spreadOverZones } from './compute';

/** Submits a form with its defaults (plus overrides) against the simulation, as the dialog does. */
function submit(sim: Simulation, kind: PaletteKind, overrides: Record<string, string | number | boolean> = {}, ctx: DropContext = {}) {
  const spec = FORMS[kind];
  const values = { ...spec.defaults(sim.world, ctx), ...overrides };
  return runPlan(spec.plan(values, sim.world), (name, input) => sim.call(name, input), spec.fields(sim.world, values));
}

describe('the drop forms, submitted with their defaults, build a working service behind a load balancer', () => {
  it('cluster, EC2 instances, repository, image, task definition, ALB and service: tasks RUN and targets turn healthy', () => {
    const sim = new Simulation({ seed: 1 });
    for (const kind of ['cluster', 'ec2Instances', 'repository', 'imagePush', 'taskDefinition', 'loadBalancer', 'service'] as PaletteKind[]) {
      const outcome = submit(sim, kind);
      expect(outcome.failure, kind).toBeUndefined();
    }
    // Three instances, one per AZ, registered with cluster "prod" by their user data.
    expect(Object.values(sim.world.instances).map((i) => [i.ecsClusterName, i.Placement.AvailabilityZone])).toEqual([
      ['prod', 'us-east-1a'],
      ['prod', 'us-east-1b'],
      ['prod', 'us-east-1c'],
    ]);
    sim.advance(600);
    const service = Object.values(sim.world.services)[0];
    expect(service).toMatchObject({ serviceName: 'web', desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } } });
    const running = Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING');
    expect(running).toHaveLength(2);
    expect(running[0].containers[0].image).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1');
    const tg = Object.values(sim.world.targetGroups)[0];
    expect(Object.values(tg.targets).map((t) => t.State)).toEqual(['healthy', 'healthy']);
  });

  it('then a scaling policy, traffic and a fault go through with their defaults', () => {
    const sim = new Simulation({ seed: 2 });
    for (const kind of ['cluster', 'ec2Instances', 'repository', 'imagePush', 'taskDefinition', 'loadBalancer', 'service'] as PaletteKind[]) submit(sim, kind);
    sim.advance(300);
    for (const kind of ['scalingPolicy', 'trafficSource', 'fault'] as PaletteKind[]) expect(submit(sim, kind).failure, kind).toBeUndefined();
    expect(Object.values(sim.world.applicationAutoScaling?.scalingPolicies ?? {})[0]).toMatchObject({
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
    });
  });

  it('an Auto Scaling group and a capacity provider associate with the cluster', () => {
    const sim = new Simulation({ seed: 3 });
    for (const kind of ['cluster', 'autoScalingGroup', 'capacityProvider'] as PaletteKind[]) expect(submit(sim, kind).failure, kind).toBeUndefined();
    expect(Object.values(sim.world.clusters)[0].capacityProviders).toEqual(['ec2-capacity']);
  });
});

describe('form defaults', () => {
  it('EC2 instances default to 3 x m5.large over 3 AZs for the cluster they are dropped on', () => {
    const sim = new Simulation();
    sim.call('ecs:CreateCluster', { clusterName: 'a' });
    const b = (sim.call('ecs:CreateCluster', { clusterName: 'b' }).output as { cluster: { clusterArn: string } }).cluster.clusterArn;
    expect(FORMS.ec2Instances.defaults(sim.world, { target: { kind: 'cluster', id: b } })).toMatchObject({ cluster: 'b', count: 3, zones: 3, InstanceType: 'm5.large', IamInstanceProfile: 'ecsInstanceRole' });
  });

  it('a second image push proposes the next tag, v2', () => {
    const sim = new Simulation();
    sim.call('ecr:CreateRepository', { repositoryName: 'web' });
    sim.call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    expect(FORMS.imagePush.defaults(sim.world, {}).imageTag).toBe('v2');
  });

  it('names do not collide: a second cluster is prod-2', () => {
    const sim = new Simulation();
    submit(sim, 'cluster');
    expect(FORMS.cluster.defaults(sim.world, {}).clusterName).toBe('prod-2');
  });

  it('a Fargate task definition switches to awsvpc, as Fargate requires', () => {
    const sim = new Simulation();
    const v = FORMS.taskDefinition.defaults(sim.world, {});
    expect(v).toMatchObject({ image: 'nginx:latest', networkMode: 'bridge', cpu: 256, memory: 512, containerPort: 80 });
    expect(FORMS.taskDefinition.derive!('requiresCompatibilities', { ...v, requiresCompatibilities: 'FARGATE' }, sim.world).networkMode).toBe('awsvpc');
  });

  it('spreads instances over AZs as evenly as possible', () => {
    expect(spreadOverZones(4, ['a', 'b', 'c'])).toEqual([{ zone: 'a', count: 2 }, { zone: 'b', count: 1 }, { zone: 'c', count: 1 }]);
    expect(spreadOverZones(2, ['a', 'b', 'c'])).toEqual([{ zone: 'a', count: 1 }, { zone: 'b', count: 1 }]);
  });
});

describe('form errors are the engine\'s, under the field they concern', () => {
  it('a Fargate task definition with 256 CPU and 4096 MiB is refused, shown under memory or cpu', () => {
    const sim = new Simulation();
    const outcome = submit(sim, 'taskDefinition', { requiresCompatibilities: 'FARGATE', networkMode: 'awsvpc', memory: 4096 });
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.code).toBe('ClientException');
    expect(['cpu', 'memory']).toContain(outcome.failure?.field);
  });

  it('a multi-call form that fails midway says which call failed and what was already created', () => {
    const sim = new Simulation();
    submit(sim, 'loadBalancer');
    // The same target group name again: CreateLoadBalancer succeeds (new name), CreateTargetGroup... is idempotent in ELB
    // for identical settings, so use a listener port that is taken to fail the third call.
    const outcome = submit(sim, 'loadBalancer', { Name: 'other', TargetGroupName: 'other', ListenerPort: 70000 });
    expect(outcome.failure?.call).toBe('elbv2:CreateListener');
    expect(outcome.failure?.field).toBe('ListenerPort');
    expect(outcome.done.map((d) => d.call)).toEqual(['elbv2:CreateLoadBalancer', 'elbv2:CreateTargetGroup']);
    expect(partialMessage(outcome)).toMatch(/^elbv2:CreateListener \(create the listener\) failed: .*Already done, and kept .*elbv2:CreateLoadBalancer \(create the load balancer\), elbv2:CreateTargetGroup/);
  });

  it('matches a field by the parameter name the message uses, as a whole word', () => {
    const fields = [{ name: 'cpu', label: 'cpu', type: 'number' as const }, { name: 'family', label: 'family', type: 'text' as const }];
    expect(fieldForError("Invalid 'cpu' setting for task.", fields)).toBe('cpu');
    expect(fieldForError('Something about cpuset', fields, 'family')).toBe('family');
  });
});
