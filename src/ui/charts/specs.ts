/**
 * Which charts the selection gets, and their data (UI.md, issue #4):
 *  - a service: tasks (running, desired, pending); CPU and memory utilization (AWS/ECS, with the
 *    thresholds of alarms on those metrics); requests and response time and healthy targets of
 *    its first target group (AWS/ApplicationELB);
 *  - a cluster: CPU/memory reservation and utilization (AWS/ECS); container instances and tasks;
 *  - a load balancer or target group: requests, response time, 5XX, healthy/unhealthy hosts;
 *  - a task: its service's charts, else its cluster's; a container instance: its cluster's;
 *  - nothing selected (or anything else): the first cluster's charts, plus the cost estimate.
 * Choice: the window is the last WINDOW seconds up to the playhead, one point per minute (the
 * metrics' period) plus one at the playhead itself.
 */
import type { SimEvent, World } from '../../engine/world/types';
import { loadBalancerDimension, targetGroupDimension } from '../../engine/control/publish/elb';
import { clusterNameOf } from '../../engine/world/arn';
import { findMetric, metricValues, minutes, type Statistic } from './metrics';
import { taskCounts } from './counts';
import { sampledValues, type Sample } from './sampler';

export const WINDOW = 60 * 60;

export type Scale = 'count' | 'percent' | 'seconds' | 'usd';

export interface ChartSeries {
  label: string;
  scale: Scale;
  values: (number | null)[];
  color: string;
  /** Drawn as steps (counts change at an instant) rather than lines. */
  stepped?: boolean;
  dashed?: boolean;
}

export interface Threshold {
  label: string;
  scale: Scale;
  value: number;
}

export interface ChartData {
  id: string;
  title: string;
  times: number[];
  series: ChartSeries[];
  thresholds: Threshold[];
}

export interface ChartInput {
  world: World;
  events: readonly SimEvent[];
  samples: readonly Sample[];
  now: number;
  selection: { kind: string; id: string } | null;
}

const COLORS = { running: '#16a34a', desired: '#0f172a', pending: '#d97706', cpu: '#ea580c', memory: '#2563eb', reservation: '#94a3b8', requests: '#0891b2', latency: '#7c3aed', errors: '#dc2626', healthy: '#16a34a', unhealthy: '#dc2626', cost: '#0f766e' };

/** Minute points in the window, and the playhead itself as the last point. */
export function chartTimes(now: number): number[] {
  const times = minutes(Math.max(0, now - WINDOW), now);
  if (times[times.length - 1] !== now) times.push(now);
  return times;
}

function metric(input: ChartInput, times: number[], namespace: string, name: string, dims: Record<string, string>, statistic: Statistic) {
  return metricValues(findMetric(input.world, namespace, name, dims), times, statistic, input.now);
}

/** Thresholds of the alarms watching this metric. */
function alarmThresholds(world: World, namespace: string, name: string, dims: Record<string, string>, scale: Scale): Threshold[] {
  return Object.values(world.alarms)
    .filter((a) => a.Namespace === namespace && a.MetricName === name && a.Dimensions.length === Object.keys(dims).length && a.Dimensions.every((d) => dims[d.Name] === d.Value))
    .map((a) => ({ label: `${a.AlarmName} (${name} ${a.ComparisonOperator.replace(/Threshold$/, '')} ${a.Threshold})`, scale, value: a.Threshold }));
}

function serviceCharts(input: ChartInput, serviceArn: string, times: number[]): ChartData[] {
  const service = input.world.services[serviceArn];
  if (!service) return [];
  const clusterName = clusterNameOf(service.clusterArn);
  const counts = taskCounts(input.events, { clusterName, group: `service:${service.serviceName}` }, times);
  const dims = { ClusterName: clusterName, ServiceName: service.serviceName };
  const charts: ChartData[] = [
    {
      id: 'service-tasks',
      title: `Service ${service.serviceName}: tasks`,
      times,
      series: [
        { label: 'runningCount', scale: 'count', values: counts.running, color: COLORS.running, stepped: true },
        { label: 'pendingCount', scale: 'count', values: counts.pending, color: COLORS.pending, stepped: true },
        // Drawn last, so the dashed target shows over the counts that reach it.
        { label: 'desiredCount', scale: 'count', values: sampledValues(input.samples, times, (s) => s.desired[serviceArn]), color: COLORS.desired, stepped: true, dashed: true },
      ],
      thresholds: [],
    },
    {
      id: 'service-utilization',
      title: `Service ${service.serviceName}: CPUUtilization and MemoryUtilization (AWS/ECS, Average)`,
      times,
      series: [
        { label: 'CPUUtilization %', scale: 'percent', values: metric(input, times, 'AWS/ECS', 'CPUUtilization', dims, 'Average'), color: COLORS.cpu },
        { label: 'MemoryUtilization %', scale: 'percent', values: metric(input, times, 'AWS/ECS', 'MemoryUtilization', dims, 'Average'), color: COLORS.memory },
      ],
      thresholds: [...alarmThresholds(input.world, 'AWS/ECS', 'CPUUtilization', dims, 'percent'), ...alarmThresholds(input.world, 'AWS/ECS', 'MemoryUtilization', dims, 'percent')],
    },
  ];
  const tg = service.loadBalancers?.[0]?.targetGroupArn;
  if (tg) charts.push(...targetGroupCharts(input, tg, times));
  return charts;
}

function trafficChart(input: ChartInput, id: string, title: string, dims: Record<string, string>, times: number[], elb5xx: boolean): ChartData {
  const series: ChartSeries[] = [
    { label: 'RequestCount (Sum/min)', scale: 'count', values: metric(input, times, 'AWS/ApplicationELB', 'RequestCount', dims, 'Sum'), color: COLORS.requests },
    { label: 'HTTPCode_Target_5XX_Count', scale: 'count', values: metric(input, times, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', dims, 'Sum'), color: COLORS.errors },
    { label: 'TargetResponseTime s (Average)', scale: 'seconds', values: metric(input, times, 'AWS/ApplicationELB', 'TargetResponseTime', dims, 'Average'), color: COLORS.latency },
  ];
  if (elb5xx) series.splice(2, 0, { label: 'HTTPCode_ELB_5XX_Count', scale: 'count', values: metric(input, times, 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', dims, 'Sum'), color: '#9f1239', dashed: true });
  const thresholds = [
    ...alarmThresholds(input.world, 'AWS/ApplicationELB', 'RequestCount', dims, 'count'),
    ...alarmThresholds(input.world, 'AWS/ApplicationELB', 'TargetResponseTime', dims, 'seconds'),
  ];
  return { id, title, times, series, thresholds };
}

function hostsChart(input: ChartInput, id: string, title: string, dims: Record<string, string>, times: number[]): ChartData {
  return {
    id,
    title,
    times,
    series: [
      { label: 'HealthyHostCount', scale: 'count', values: metric(input, times, 'AWS/ApplicationELB', 'HealthyHostCount', dims, 'Average'), color: COLORS.healthy, stepped: true },
      { label: 'UnHealthyHostCount', scale: 'count', values: metric(input, times, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims, 'Average'), color: COLORS.unhealthy, stepped: true },
    ],
    thresholds: alarmThresholds(input.world, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims, 'count'),
  };
}

function targetGroupCharts(input: ChartInput, tgArn: string, times: number[]): ChartData[] {
  const name = input.world.targetGroups[tgArn]?.TargetGroupName ?? targetGroupDimension(tgArn);
  const dims = { LoadBalancer: '*', TargetGroup: targetGroupDimension(tgArn) };
  return [
    trafficChart(input, 'tg-traffic', `Target group ${name}: requests, 5XX and response time (AWS/ApplicationELB)`, dims, times, false),
    hostsChart(input, 'tg-hosts', `Target group ${name}: healthy and unhealthy targets`, dims, times),
  ];
}

function loadBalancerCharts(input: ChartInput, lbArn: string, times: number[]): ChartData[] {
  const LoadBalancer = loadBalancerDimension(lbArn);
  const name = LoadBalancer.split('/')[1] ?? LoadBalancer;
  return [
    trafficChart(input, 'lb-traffic', `Load balancer ${name}: requests, 5XX and response time (AWS/ApplicationELB)`, { LoadBalancer }, times, true),
    hostsChart(input, 'lb-hosts', `Load balancer ${name}: healthy and unhealthy targets (all target groups)`, { LoadBalancer, TargetGroup: '*' }, times),
  ];
}

function clusterCharts(input: ChartInput, clusterArn: string, times: number[]): ChartData[] {
  const clusterName = clusterNameOf(clusterArn);
  const dims = { ClusterName: clusterName };
  const counts = taskCounts(input.events, { clusterName }, times);
  const util = (name: string, color: string, dashed = false): ChartSeries => ({ label: `${name} %`, scale: 'percent', values: metric(input, times, 'AWS/ECS', name, dims, 'Average'), color, dashed });
  return [
    {
      id: 'cluster-utilization',
      title: `Cluster ${clusterName}: reservation and utilization (AWS/ECS, EC2 capacity)`,
      times,
      series: [util('CPUReservation', COLORS.cpu, true), util('CPUUtilization', COLORS.cpu), util('MemoryReservation', COLORS.memory, true), util('MemoryUtilization', COLORS.memory)],
      thresholds: ['CPUReservation', 'CPUUtilization', 'MemoryReservation', 'MemoryUtilization'].flatMap((m) => alarmThresholds(input.world, 'AWS/ECS', m, dims, 'percent')),
    },
    {
      id: 'cluster-capacity',
      title: `Cluster ${clusterName}: container instances and tasks`,
      times,
      series: [
        { label: 'ACTIVE container instances', scale: 'count', values: sampledValues(input.samples, times, (s) => s.instances[clusterArn]), color: COLORS.reservation, stepped: true },
        { label: 'runningTasksCount', scale: 'count', values: counts.running, color: COLORS.running, stepped: true },
        { label: 'pendingTasksCount', scale: 'count', values: counts.pending, color: COLORS.pending, stepped: true },
      ],
      thresholds: [],
    },
  ];
}

function costChart(input: ChartInput, times: number[]): ChartData[] {
  if (!input.samples.some((s) => s.cost !== undefined)) return [];
  return [
    {
      id: 'cost',
      title: 'Estimated cost so far (USD, us-east-1 list prices)',
      times,
      series: [{ label: 'accumulated USD', scale: 'usd', values: sampledValues(input.samples, times, (s) => s.cost), color: COLORS.cost }],
      thresholds: [],
    },
  ];
}

/** The charts for the selection, as described at the top of this file. */
export function chartsFor(input: ChartInput): ChartData[] {
  const times = chartTimes(input.now);
  const { world, selection } = input;
  if (selection) {
    const { kind, id } = selection;
    if (kind === 'service' && world.services[id]) return serviceCharts(input, id, times);
    if (kind === 'cluster' && world.clusters[id]) return clusterCharts(input, id, times);
    if (kind === 'targetGroup' && world.targetGroups[id]) return targetGroupCharts(input, id, times);
    if (kind === 'loadBalancer' && world.loadBalancers[id]) return loadBalancerCharts(input, id, times);
    if (kind === 'task' && world.tasks[id]) {
      const task = world.tasks[id];
      if (task.serviceArn && world.services[task.serviceArn]) return serviceCharts(input, task.serviceArn, times);
      return clusterCharts(input, task.clusterArn, times);
    }
    if (kind === 'containerInstance') {
      const ci = Object.values(world.containerInstances).find((c) => c.ec2InstanceId === id);
      if (ci) return clusterCharts(input, ci.clusterArn, times);
    }
  }
  const first = Object.keys(world.clusters)[0];
  return [...(first ? clusterCharts(input, first, times) : []), ...costChart(input, times)];
}

/** What the charts are about, for the panel's heading. */
export function chartsSubject(input: Pick<ChartInput, 'world' | 'selection'>): string {
  const s = input.selection;
  if (s && ['service', 'cluster', 'targetGroup', 'loadBalancer', 'task', 'containerInstance'].includes(s.kind)) return `${s.kind} ${s.id.split('/').pop()}`;
  const first = Object.keys(input.world.clusters)[0];
  return first ? `cluster ${clusterNameOf(first)} (nothing selected)` : 'nothing yet';
}
