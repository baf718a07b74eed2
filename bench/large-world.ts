/**
 * Issue #3's large world, built headless through the public API only (sim.call), then run for 24
 * simulated hours:
 *
 *  - 1,000 EC2 container instances: 10 Auto Scaling groups of 100 m5.xlarge (one launch template
 *    whose user data joins cluster "large"), each group over us-east-1a, b and c;
 *  - 100 services of 100 tasks each (10,000 tasks), bridge network mode with dynamic host ports
 *    (hostPort 0), each behind its own `instance` target group;
 *  - 10 Application Load Balancers, each with one HTTP:80 listener whose path rules
 *    (/svc-NN/*) forward to the target groups of 10 services;
 *  - traffic: one sim:SetTraffic source per service (its path), daily pattern, peaking at
 *    PEAK_RPS requests per second per service (so CPU runs from about 10 % to about 75 %);
 *  - target tracking on every fifth service (20): ECSServiceAverageCPUUtilization 60 %, min 80,
 *    max 120 tasks.
 *
 * Then 24 simulated hours run, one hour at a time. Figures: the wall time of the 24 hours (the goal:
 * under 30 s on the project's 2-core machines) and of the build, kernel events per second (events
 * run during the 24 hours / their wall time), and peak memory: process.memoryUsage() sampled after
 * every simulated hour (heapUsed and rss, no collection forced), plus the heap after a full
 * collection at the end when the collector is exposed (`node --expose-gc`; the figure says which).
 *
 * Run alone: `npx tsx bench/large-world.ts` (or `node --cpu-prof --import tsx bench/large-world.ts`
 * for a CPU profile).
 */
import { Simulation } from '../src/engine/simulation';
import { ECS_AMI_ID, ecsUserData } from '../src/engine/testing/ec2-fixtures';
import { defaultSubnetFor } from '../src/engine/world/create';

export interface LargeWorldBench {
  instances: number;
  tasks: number;
  services: number;
  loadBalancers: number;
  simulatedHours: number;
  /** Wall seconds of the 24 simulated hours (after the build). */
  wallSeconds: number;
  /** Wall seconds to build the world and reach a steady state (not part of wallSeconds). */
  buildWallSeconds: number;
  /** Kernel events run during the simulated hours. */
  events: number;
  eventsPerSecond: number;
  /** Highest heapUsed of the hourly samples, MiB. */
  peakHeapMiB: number;
  peakRssMiB: number;
  /** heapUsed after a full collection at the end, MiB, when `--expose-gc` was given. */
  heapAfterGcMiB?: number;
  /** Entries in the event log at the end. */
  logEvents: number;
}

const CLUSTER = 'large';
const GROUPS = 10;
const PER_GROUP = 100;
const SERVICES = 100;
const TASKS_PER_SERVICE = 100;
const LOAD_BALANCERS = 10;
const HOURS = 24;
/** Peak requests per second per service (daily pattern: 10 % of it at midnight UTC). */
const PEAK_RPS = 18_000;
const MiB = 1024 * 1024;

type Result = ReturnType<Simulation['call']>;

function caller(sim: Simulation) {
  return (name: string, input: unknown): any => {
    const result: Result = sim.call(name, input);
    if (result.error) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.output;
  };
}

/** Wall-clock deadline (performance.now() ms) for profiling runs; see the end of the file. */
let wallLimit = Infinity;
function checkWallLimit(): void {
  if (performance.now() > wallLimit) {
    console.log('  stopped: LARGE_WORLD_WALL_LIMIT reached');
    process.exit(2);
  }
}

/** Runs every event due until `t`, counting them (what Kernel.runUntil does, one step at a time). */
function runCounting(sim: Simulation, t: number): number {
  let n = 0;
  while (sim.kernel.nextTime <= t) {
    sim.step();
    if (++n % 1000 === 0) checkWallLimit();
  }
  sim.runUntil(t);
  return n;
}

/** Advances in `step`-second slices until `done()` or `within` seconds; throws when it never is. */
function advanceUntil(sim: Simulation, done: () => boolean, within: number, what: string, step = 30): void {
  const end = sim.now + within;
  while (!done()) {
    if (sim.now >= end) throw new Error(`large world: ${what} not reached within ${within} simulated seconds`);
    runCounting(sim, sim.now + step);
  }
}

function runningServiceTasks(sim: Simulation): number {
  let n = 0;
  for (const arn in sim.world.tasks) {
    const t = sim.world.tasks[arn];
    if (t.serviceArn && t.lastStatus === 'RUNNING') n++;
  }
  return n;
}

const pad = (i: number) => String(i).padStart(2, '0');

export function build(sim: Simulation, progress?: (line: string) => void): void {
  const call = caller(sim);
  const world = sim.world;
  call('ecs:CreateCluster', { clusterName: CLUSTER });
  call('ec2:CreateLaunchTemplate', {
    LaunchTemplateName: 'large-nodes',
    LaunchTemplateData: { ImageId: ECS_AMI_ID, InstanceType: 'm5.xlarge', UserData: ecsUserData(CLUSTER), IamInstanceProfile: { Name: 'ecsInstanceRole' } },
  });
  const zones = world.availabilityZones.slice(0, 3);
  const subnets = zones.map((z) => defaultSubnetFor(world, z)!);
  for (let g = 0; g < GROUPS; g++) {
    call('autoscaling:CreateAutoScalingGroup', {
      AutoScalingGroupName: `large-${pad(g)}`,
      LaunchTemplate: { LaunchTemplateName: 'large-nodes', Version: '$Latest' },
      MinSize: PER_GROUP,
      MaxSize: PER_GROUP,
      DesiredCapacity: PER_GROUP,
      VPCZoneIdentifier: subnets.join(','),
    });
  }
  const log = (what: string) => progress?.(`  t=${sim.now} s: ${what}`);
  const active = () => Object.values(world.containerInstances).filter((c) => c.status === 'ACTIVE').length;
  advanceUntil(sim, () => active() === GROUPS * PER_GROUP, 1800, `${GROUPS * PER_GROUP} ACTIVE container instances`);

  log(`${active()} container instances ACTIVE`);
  // One image with a modest behaviour: 10 CPU units at rest, 1 per request per second.
  const repositoryUri: string = call('ecr:CreateRepository', { repositoryName: 'shop' }).repository.repositoryUri;
  call('sim:PushImage', { repositoryName: 'shop', imageTag: 'v1', sizeMiB: 80, behavior: { cpuUnitsIdle: 10, cpuUnitsPerRequest: 1 } });
  const image = `${repositoryUri}:v1`;

  const vpc = Object.keys(world.vpcs)[0];
  const lbs: { arn: string; listener: string; name: string }[] = [];
  for (let l = 0; l < LOAD_BALANCERS; l++) {
    const name = `shop-${pad(l)}`;
    const arn = call('elbv2:CreateLoadBalancer', { Name: name, Subnets: subnets }).LoadBalancers[0].LoadBalancerArn;
    lbs.push({ arn, name, listener: '' });
  }
  for (let i = 0; i < SERVICES; i++) {
    const name = `svc-${pad(i)}`;
    call('ecs:RegisterTaskDefinition', {
      family: name,
      containerDefinitions: [{ name: 'app', image, cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
    });
    const tg = call('elbv2:CreateTargetGroup', { Name: name, Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
    const lb = lbs[Math.floor(i / (SERVICES / LOAD_BALANCERS))];
    if (!lb.listener) {
      lb.listener = call('elbv2:CreateListener', { LoadBalancerArn: lb.arn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }).Listeners[0].ListenerArn;
    }
    call('elbv2:CreateRule', {
      ListenerArn: lb.listener,
      Priority: (i % (SERVICES / LOAD_BALANCERS)) + 1,
      Conditions: [{ Field: 'path-pattern', Values: [`/${name}/*`] }],
      Actions: [{ Type: 'forward', TargetGroupArn: tg }],
    });
    call('ecs:CreateService', {
      cluster: CLUSTER,
      serviceName: name,
      taskDefinition: name,
      desiredCount: TASKS_PER_SERVICE,
      launchType: 'EC2',
      loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }],
      healthCheckGracePeriodSeconds: 60,
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    });
    if (i % 5 === 0) {
      const target = { ServiceNamespace: 'ecs', ResourceId: `service/${CLUSTER}/${name}`, ScalableDimension: 'ecs:service:DesiredCount' };
      call('application-autoscaling:RegisterScalableTarget', { ...target, MinCapacity: 80, MaxCapacity: 120 });
      call('application-autoscaling:PutScalingPolicy', {
        ...target,
        PolicyName: 'cpu60',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
      });
    }
    call('sim:SetTraffic', { loadBalancerArn: lb.arn, requestsPerSecond: PEAK_RPS, pattern: 'daily', path: `/${name}/orders` });
    if (i % 10 === 9) log(`${i + 1} services created`);
  }
  advanceUntil(sim, () => runningServiceTasks(sim) >= SERVICES * TASKS_PER_SERVICE, 1800, `${SERVICES * TASKS_PER_SERVICE} RUNNING tasks`);
}

export function benchLargeWorld(options: { hours?: number; log?: (line: string) => void } = {}): LargeWorldBench {
  const hours = options.hours ?? HOURS;
  const gc = (globalThis as { gc?: () => void }).gc;
  const sim = new Simulation({ seed: 42 });
  const buildStart = performance.now();
  build(sim, options.log);
  const buildWallSeconds = (performance.now() - buildStart) / 1000;
  const tasks = Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  options.log?.(`  built at t=${sim.now} s in ${buildWallSeconds.toFixed(1)} s wall: ${tasks} RUNNING tasks`);

  let peakHeap = 0;
  let peakRss = 0;
  let events = 0;
  const start = performance.now();
  for (let h = 1; h <= hours; h++) {
    events += runCounting(sim, sim.now + 3600);
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
    const running = runningServiceTasks(sim);
    options.log?.(`  hour ${pad(h)}: ${((performance.now() - start) / 1000).toFixed(1)} s wall, ${events} events, heap ${(m.heapUsed / MiB).toFixed(0)} MiB, ${running} tasks running, log ${sim.world.events.length}`);
  }
  const wallSeconds = (performance.now() - start) / 1000;
  let heapAfterGcMiB: number | undefined;
  if (gc) {
    gc();
    heapAfterGcMiB = process.memoryUsage().heapUsed / MiB;
  }
  return {
    instances: Object.keys(sim.world.containerInstances).length,
    tasks,
    services: Object.keys(sim.world.services).length,
    loadBalancers: Object.keys(sim.world.loadBalancers).length,
    simulatedHours: hours,
    wallSeconds,
    buildWallSeconds,
    events,
    eventsPerSecond: events / wallSeconds,
    peakHeapMiB: peakHeap / MiB,
    peakRssMiB: peakRss / MiB,
    heapAfterGcMiB,
    logEvents: sim.world.events.length,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The figures as `npm run bench` prints them. */
export function printLargeWorld(r: LargeWorldBench): void {
  console.log(`Large world: ${fmt(r.instances)} container instances (10 Auto Scaling groups of m5.xlarge), ${fmt(r.tasks)} tasks in ${fmt(r.services)} services behind ${fmt(r.loadBalancers)} ALBs, daily traffic, CPU target tracking on 20 services:`);
  console.log(`  ${r.simulatedHours} simulated hours in ${fmt(r.wallSeconds, 1)} s wall (goal: under 30 s on these 2-core machines); build to steady state ${fmt(r.buildWallSeconds, 1)} s`);
  console.log(`  ${fmt(r.events)} kernel events, ${fmt(r.eventsPerSecond)} events/s; event log ${fmt(r.logEvents)} entries at the end`);
  const gc = r.heapAfterGcMiB === undefined ? 'no heap-after-gc figure (run node with --expose-gc for it)' : `heap after a full gc at the end ${fmt(r.heapAfterGcMiB)} MiB`;
  console.log(`  peak memory, sampled every simulated hour without forcing a gc: heapUsed ${fmt(r.peakHeapMiB)} MiB, rss ${fmt(r.peakRssMiB)} MiB; ${gc}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // LARGE_WORLD_WALL_LIMIT=seconds stops the run (exit 2) after that much wall time, so that
  // `node --cpu-prof` still writes its profile of a run that would take too long.
  const limit = Number(process.env.LARGE_WORLD_WALL_LIMIT ?? 0);
  if (limit > 0) wallLimit = performance.now() + limit * 1000;
  const hours = process.argv[2] ? Number(process.argv[2]) : HOURS;
  printLargeWorld(benchLargeWorld({ hours, log: (line) => console.log(line) }));
}
