/**
 * The metrics ECS publishes to CloudWatch (namespace AWS/ECS), once a minute (ECS developer guide,
 * "Amazon ECS CloudWatch metrics" and "Amazon ECS service utilization metrics"):
 *
 *  - per service (dimensions ClusterName, ServiceName): CPUUtilization and MemoryUtilization, one
 *    sample per RUNNING task: the task's use x 100 / the task's CPU (memory) "specified in the task
 *    definition". As a statistic set, Average = (total used by the service's tasks) x 100 /
 *    (task CPU x number of tasks), Minimum and Maximum = the least and most loaded task.
 *  - per cluster (dimension ClusterName), for tasks on EC2 container instances only:
 *    CPUUtilization = CPU units used by tasks / CPU units registered by the cluster's ACTIVE and
 *    DRAINING container instances, CPUReservation = units reserved by tasks / registered, and
 *    MemoryUtilization / MemoryReservation likewise. One sample a minute.
 *
 * "These metrics are collected for resources that have tasks in the RUNNING state": a service or
 * cluster without a RUNNING task gets no datapoint. Services are recognised by their tasks' group
 * "service:NAME" in the task's cluster. Choices: the minute's value is the usage at the minute
 * boundary (ECS samples more often; the traffic model changes every 10 s); a task reserving no CPU
 * is measured against its CPU capacity (control/traffic/load.ts).
 */
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import type { TaskUsage } from '../../world/traffic-types';
import { putDatapoint } from '../../aws/cloudwatch/store';
import { clusterNameOf } from '../../world/arn';
import { taskArnsInOrder } from '../../world/task-index';
import { idleUsage, memoryLimit } from '../traffic/load';
import { trafficState } from '../traffic/state';

interface Samples {
  count: number;
  sum: number;
  min: number;
  max: number;
}

function add(s: Samples | undefined, v: number): Samples {
  if (!s) return { count: 1, sum: v, min: v, max: v };
  s.count++;
  s.sum += v;
  if (v < s.min) s.min = v;
  if (v > s.max) s.max = v;
  return s;
}

interface ServiceSamples {
  cluster: string;
  service: string;
  cpu?: Samples;
  memory?: Samples;
}

interface ClusterUse {
  cpu: number;
  memory: number;
}

/** Publishes the minute [at, at + 60) for every service and cluster; returns how many tasks are not STOPPED. */
export function publishEcsMetrics(sim: Simulation, at: number): number {
  const world = sim.world;
  const services = new Map<string, Map<string, ServiceSamples>>();
  const clusters = new Map<string, ClusterUse>();
  let live = 0;
  const loadedNow = assignLoadedUsage(sim);
  let lastGroup: string | undefined;
  let lastCluster: string | undefined;
  let lastSamples: ServiceSamples | undefined;
  // Every task in world.tasks order (the order the sums below have always been made in), from the index.
  const order = taskArnsInOrder(world);
  for (let i = 0; i < order.length; i++) {
    const task = world.tasks[order[i]];
    if (task.lastStatus === 'STOPPED') continue;
    live++;
    if (task.lastStatus !== 'RUNNING') {
      if (task.usage) delete task.usage;
      continue;
    }
    // Loaded tasks: their class's load at their share of the last tick; others idle (kept once measured:
    // idle use only changes with the task's containers).
    const usage = task.usage && (loadedNow.has(task.usage) || task.usage.requestsPerSecond === 0) ? task.usage : (task.usage = idleUsage(world, task, sim.now));
    if (task.containerInstanceArn) {
      let c = clusters.get(task.clusterArn);
      if (!c) clusters.set(task.clusterArn, (c = { cpu: 0, memory: 0 }));
      c.cpu += usage.cpuUnits;
      c.memory += usage.memoryMiB;
    }
    if (!task.group.startsWith('service:')) continue;
    let s: ServiceSamples;
    if (task.group === lastGroup && task.clusterArn === lastCluster) s = lastSamples!; // tasks of a service mostly come together
    else {
      let inCluster = services.get(task.clusterArn);
      if (!inCluster) services.set(task.clusterArn, (inCluster = new Map()));
      let found = inCluster.get(task.group);
      if (!found) inCluster.set(task.group, (found = { cluster: clusterNameOf(task.clusterArn), service: task.group.slice('service:'.length) }));
      s = found;
      lastGroup = task.group;
      lastCluster = task.clusterArn;
      lastSamples = s;
    }
    s.cpu = add(s.cpu, (usage.cpuUnits * 100) / taskCpu(task, usage.cpuCapacity));
    const memory = memoryLimit(task);
    if (memory > 0) s.memory = add(s.memory, (usage.memoryMiB * 100) / memory);
  }
  for (const s of [...services.values()].flatMap((m) => [...m.values()])) {
    const dimensions = [
      { Name: 'ClusterName', Value: s.cluster },
      { Name: 'ServiceName', Value: s.service },
    ];
    publish(sim, 'CPUUtilization', dimensions, at, s.cpu);
    publish(sim, 'MemoryUtilization', dimensions, at, s.memory);
  }
  for (const [clusterArn, use] of clusters) publishCluster(sim, clusterArn, use, at);
  return live;
}

/**
 * Every RUNNING task that got requests in the last tick takes its class's usage at its share (base,
 * or base + 1 for the `extra` targets after the cursor; a task behind two groups: the last plan in
 * routing order, as traffic/distribute.ts says). Returns the
 * usage objects of that tick, so the walk over the tasks knows which usage is this minute's
 * without a map of every task (usage objects are made afresh every tick).
 */
function assignLoadedUsage(sim: Simulation): Set<TaskUsage> {
  const world = sim.world;
  const current = new Set<TaskUsage>();
  for (const plan of Object.values(trafficState(world).plans)) {
    const tick = plan.tick;
    if (!tick) continue;
    for (const pair of tick.usage) for (const u of pair) current.add(u);
    const k = plan.taskArns.length;
    for (let i = 0; i < k; i++) {
      const c = plan.classOf[i];
      if (c < 0) continue;
      const task = world.tasks[plan.taskArns[i]];
      if (task?.lastStatus === 'RUNNING') task.usage = tick.usage[c][(i - tick.start + k) % k < tick.extra ? 1 : 0];
    }
  }
  return current;
}

/** The task's CPU as the task definition specifies it (task-level, else containers' sum); a task reserving none: its capacity. */
const taskCpu = (task: Task, capacity: number) => (Number(task.cpu ?? 0) > 0 ? Number(task.cpu) : capacity);

function publish(sim: Simulation, metricName: string, dimensions: { Name: string; Value: string }[], at: number, s: Samples | undefined): void {
  if (!s) return;
  putDatapoint(sim.world, { namespace: 'AWS/ECS', metricName, dimensions, at, unit: 'Percent', statisticValues: { SampleCount: s.count, Sum: s.sum, Minimum: s.min, Maximum: s.max } });
}

function publishCluster(sim: Simulation, clusterArn: string, use: ClusterUse, at: number): void {
  const world = sim.world;
  const arns = world.containerInstanceArnsByCluster?.[clusterArn] ?? Object.keys(world.containerInstances).filter((a) => world.containerInstances[a].clusterArn === clusterArn);
  let cpu = 0;
  let memory = 0;
  let cpuReserved = 0;
  let memoryReserved = 0;
  for (const arn of arns) {
    const ci = world.containerInstances[arn];
    if (!ci || ci.clusterArn !== clusterArn || (ci.status !== 'ACTIVE' && ci.status !== 'DRAINING')) continue;
    cpu += ci.registeredResources.cpu;
    memory += ci.registeredResources.memory;
    cpuReserved += ci.registeredResources.cpu - ci.remainingResources.cpu;
    memoryReserved += ci.registeredResources.memory - ci.remainingResources.memory;
  }
  const dimensions = [{ Name: 'ClusterName', Value: clusterNameOf(clusterArn) }];
  const one = (v: number): Samples => ({ count: 1, sum: v, min: v, max: v });
  if (cpu > 0) {
    publish(sim, 'CPUUtilization', dimensions, at, one((use.cpu * 100) / cpu));
    publish(sim, 'CPUReservation', dimensions, at, one((cpuReserved * 100) / cpu));
  }
  if (memory > 0) {
    publish(sim, 'MemoryUtilization', dimensions, at, one((use.memory * 100) / memory));
    publish(sim, 'MemoryReservation', dimensions, at, one((memoryReserved * 100) / memory));
  }
}
