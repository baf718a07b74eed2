/**
 * Test fixtures for traffic tests: an active ALB "web-alb" with a listener on port 80 forwarding to
 * target group "web-tg", and `count` bridge-mode tasks of an ECR image with the given behaviour
 * registered as targets and healthy.
 *
 *   const f = trafficFixture({ count: 2, behavior: { cpuUnitsPerRequest: 2 } });
 *   f.s.call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: 100 }).advance(60);
 */
import { SIM_EPOCH_MS, type ImageBehavior } from '../../world/types';
import { activate, albWithTargetGroup, bridgeTasks, listen, type AlbFixture, type RunningTarget } from '../elb/fixtures';
import type { Sandbox } from '../../testing/harness';
import { currentUsage } from './distribute';

export interface TrafficFixture extends AlbFixture {
  listenerArn: string;
  targets: RunningTarget[];
}

/** Pushes an image with `behavior` to ECR repository `name`; returns its URI with the tag. */
export function pushImage(s: Sandbox, name: string, behavior: ImageBehavior = {}): string {
  const repo = s.output('ecr:CreateRepository', { repositoryName: name }).repository;
  s.call('sim:PushImage', { repositoryName: name, imageTag: 'v1', behavior });
  return `${repo.repositoryUri}:v1`;
}

export function registerTargets(f: AlbFixture, tgArn: string, targets: RunningTarget[]): void {
  f.s.call('elbv2:RegisterTargets', { TargetGroupArn: tgArn, Targets: targets.map((t) => ({ Id: t.instanceId, Port: t.hostPort })) });
}

export function waitHealthy(f: AlbFixture, tgArn: string, count: number): void {
  f.s.advanceUntil(() => Object.values(f.s.world.targetGroups[tgArn].targets).filter((t) => t.State === 'healthy').length === count, 900, 10);
}

export function trafficFixture(options: { count?: number; behavior?: ImageBehavior; cpu?: number; seed?: number } = {}): TrafficFixture {
  const f = albWithTargetGroup({ seed: options.seed });
  const listenerArn = listen(f);
  activate(f);
  const image = pushImage(f.s, 'web', options.behavior);
  const targets = bridgeTasks(f.s, options.count ?? 2, image);
  registerTargets(f, f.tgArn, targets);
  if (options.behavior?.healthy !== false) waitHealthy(f, f.tgArn, targets.length);
  return { ...f, listenerArn, targets };
}

/** A second target group with its own tasks (family `family`), registered and healthy. */
export function secondGroup(f: TrafficFixture, name: string, count: number, family: string): { tgArn: string; targets: RunningTarget[] } {
  const tgArn = f.s.output('elbv2:CreateTargetGroup', { Name: name, Protocol: 'HTTP', Port: 80, VpcId: f.vpcId }).TargetGroups[0].TargetGroupArn;
  const targets = bridgeTasks(f.s, count, 'nginx:latest', family);
  registerTargets(f, tgArn, targets);
  return { tgArn, targets };
}

export const usageOf = (f: AlbFixture, taskArn: string) => currentUsage(f.s.world, f.s.world.tasks[taskArn], f.s.now)!;

/** ISO time of simulated second `t` (CloudWatch's StartTime/EndTime). */
export const iso = (t: number) => new Date(SIM_EPOCH_MS + t * 1000).toISOString();

/** The Datapoints of one metric over the last `minutes` minutes, oldest first, at a 60 s period. */
export function datapoints(s: Sandbox, namespace: string, metricName: string, dimensions: Record<string, string>, minutes = 10): any[] {
  const end = Math.floor(s.now / 60) * 60;
  const out = s.output('cloudwatch:GetMetricStatistics', {
    Namespace: namespace,
    MetricName: metricName,
    Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
    StartTime: iso(Math.max(0, end - minutes * 60)),
    EndTime: iso(end),
    Period: 60,
    Statistics: ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'],
  });
  return [...out.Datapoints].sort((a: any, b: any) => a.Timestamp.getTime() - b.Timestamp.getTime());
}
