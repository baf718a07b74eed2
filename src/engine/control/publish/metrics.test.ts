import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { registerTaskDefinition, runTasks } from '../../testing/task-fixtures';
import { datapoints, pushImage, trafficFixture } from '../traffic/fixtures';
import { ensureTrafficClock } from '../traffic/tick';
import { loadBalancerDimension, targetGroupDimension } from './elb';

const WEB = { loadBalancerName: 'web-alb' };

/** Two RUNNING tasks of group service:api (cpu 256, memory 512) on one m5.large of cluster prod. */
function serviceTasks(behavior: Record<string, unknown>, count = 2) {
  const s = sandbox({ seed: 3 });
  launchContainerInstances(s, { cluster: 'prod', count: 1, availabilityZones: [s.world.availabilityZones[0]] });
  const image = pushImage(s, 'api', behavior);
  registerTaskDefinition(s, { family: 'api', containerDefinitions: [{ name: 'app', image, cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
  const arns = runTasks(s, { cluster: 'prod', taskDefinition: 'api', count, group: 'service:api' });
  s.advanceUntil(() => arns.every((a) => s.world.tasks[a].lastStatus === 'RUNNING'), 600);
  ensureTrafficClock(s.sim);
  return { s, arns };
}

describe('AWS/ECS metrics', () => {
  it('publish service CPUUtilization = units used x 100 / (task cpu x tasks), one sample per task', () => {
    const { s } = serviceTasks({ cpuUnitsIdle: 64, memoryMiBIdle: 128 });
    s.advance(180);
    const [cpu] = datapoints(s, 'AWS/ECS', 'CPUUtilization', { ClusterName: 'prod', ServiceName: 'api' }).slice(-1);
    expect(cpu).toMatchObject({ SampleCount: 2, Average: 25, Minimum: 25, Maximum: 25, Unit: 'Percent' });
    const [memory] = datapoints(s, 'AWS/ECS', 'MemoryUtilization', { ClusterName: 'prod', ServiceName: 'api' }).slice(-1);
    expect(memory.Average).toBe(25);
  });

  it('publish cluster CPUUtilization and CPUReservation against the CPU the container instances registered', () => {
    const { s } = serviceTasks({ cpuUnitsIdle: 64 });
    s.advance(180);
    const registered = Object.values(s.world.containerInstances)[0].registeredResources.cpu;
    const [used] = datapoints(s, 'AWS/ECS', 'CPUUtilization', { ClusterName: 'prod' }).slice(-1);
    const [reserved] = datapoints(s, 'AWS/ECS', 'CPUReservation', { ClusterName: 'prod' }).slice(-1);
    expect(used.Average).toBeCloseTo((2 * 64 * 100) / registered);
    expect(reserved.Average).toBeCloseTo((2 * 256 * 100) / registered);
  });

  it('publish CPUUtilization for a service with no load balancer and no traffic, as soon as its tasks run', () => {
    const s = sandbox({ seed: 4 });
    launchContainerInstances(s, { cluster: 'prod', count: 1, availabilityZones: [s.world.availabilityZones[0]] });
    const image = pushImage(s, 'worker', { cpuUnitsIdle: 64 });
    registerTaskDefinition(s, { family: 'worker', containerDefinitions: [{ name: 'app', image, cpu: 256, memory: 512 }] });
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'worker', taskDefinition: 'worker', desiredCount: 2, launchType: 'EC2' });
    s.advance(300);
    expect(s.world.loadBalancers).toEqual({});
    const [cpu] = datapoints(s, 'AWS/ECS', 'CPUUtilization', { ClusterName: 'prod', ServiceName: 'worker' }).slice(-1);
    expect(cpu).toMatchObject({ SampleCount: 2, Average: 25, Unit: 'Percent' });
  });

  it('publish nothing for a service once it has no RUNNING task', () => {
    const { s, arns } = serviceTasks({});
    s.advance(120);
    for (const task of arns) s.call('ecs:StopTask', { cluster: 'prod', task });
    s.advanceUntil(() => arns.every((a) => s.world.tasks[a].lastStatus === 'STOPPED'), 600);
    const stoppedAt = s.now;
    s.advance(300);
    const points = datapoints(s, 'AWS/ECS', 'CPUUtilization', { ClusterName: 'prod', ServiceName: 'api' });
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.Timestamp.getTime() < new Date(Date.UTC(2025, 0, 1) + stoppedAt * 1000).getTime())).toBe(true);
  });
});

describe('AWS/ApplicationELB metrics', () => {
  it('publish RequestCount per load balancer and per target group, and RequestCountPerTarget per healthy target', () => {
    const f = trafficFixture({ count: 2 });
    f.s.advance((60 - (f.s.now % 60)) % 60);
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(180);
    const LoadBalancer = loadBalancerDimension(f.lbArn);
    const TargetGroup = targetGroupDimension(f.tgArn);
    expect(LoadBalancer).toMatch(/^app\/web-alb\/[0-9a-f]+$/);
    expect(TargetGroup).toMatch(/^targetgroup\/web-tg\/[0-9a-f]+$/);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer }).slice(-1)[0].Sum).toBe(6000);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer, TargetGroup }).slice(-1)[0].Sum).toBe(6000);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'RequestCountPerTarget', { TargetGroup }).slice(-1)[0].Sum).toBe(3000);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer }).slice(-1)[0].Average).toBeCloseTo(0.02);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', { LoadBalancer })).toEqual([]);
  });

  it('count overload failures in HTTPCode_Target_5XX_Count', () => {
    const f = trafficFixture({ count: 2, behavior: { cpuUnitsPerRequest: 4 } });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(180);
    const [point] = datapoints(f.s, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', { LoadBalancer: loadBalancerDimension(f.lbArn) }).slice(-1);
    expect(point.Sum).toBe(6 * 2 * Math.round(500 * (1 - 118 / 200)));
    expect(point).toMatchObject({ Minimum: 1, Maximum: 1, Average: 1 });
  });

  it('count requests with no target in HTTPCode_ELB_503_Count and HTTPCode_ELB_5XX_Count', () => {
    const f = trafficFixture({ count: 1 });
    const empty = f.s.output('elbv2:CreateTargetGroup', { Name: 'empty-tg', Protocol: 'HTTP', Port: 80, VpcId: f.vpcId }).TargetGroups[0].TargetGroupArn;
    f.s.call('elbv2:ModifyListener', { ListenerArn: f.listenerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: empty }] });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 10 }).advance(180);
    const LoadBalancer = loadBalancerDimension(f.lbArn);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'HTTPCode_ELB_503_Count', { LoadBalancer }).slice(-1)[0].Sum).toBe(600);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', { LoadBalancer }).slice(-1)[0].Sum).toBe(600);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer })).toEqual([]);
  });

  it('publish HealthyHostCount and UnHealthyHostCount that follow the targets’ health', () => {
    const f = trafficFixture({ count: 2 });
    ensureTrafficClock(f.s.sim);
    f.s.advance(120);
    const dims = { LoadBalancer: loadBalancerDimension(f.lbArn), TargetGroup: targetGroupDimension(f.tgArn) };
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'HealthyHostCount', dims).slice(-1)[0].Average).toBe(2);
    f.s.call('ecs:StopTask', { cluster: 'prod', task: f.targets[0].taskArn });
    f.s.advanceUntil(() => Object.values(f.s.world.targetGroups[f.tgArn].targets).some((t) => t.State === 'unhealthy'), 600, 10);
    f.s.advance(120);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'HealthyHostCount', dims).slice(-1)[0].Average).toBe(1);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims).slice(-1)[0].Average).toBe(1);
  });

  it('publish no request metrics for a load balancer without traffic', () => {
    const f = trafficFixture({ count: 1 });
    ensureTrafficClock(f.s.sim);
    f.s.advance(300);
    expect(datapoints(f.s, 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer: loadBalancerDimension(f.lbArn) })).toEqual([]);
  });
});
