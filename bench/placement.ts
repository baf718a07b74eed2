/**
 * Placement throughput and memory: 10,000 tasks placed one by one (placeTask + reserve, as RunTask
 * does) on 1,000 hand-made ACTIVE container instances spread over the region's AZs, with the
 * strategy [spread attribute:ecs.availability-zone, binpack memory]. Each task keeps its
 * explanation (task.placement), as RunTask's tasks do: with 1,000 instances it is the compact
 * form (control/placement/explanation.ts). Goal: well under 50 microseconds per task.
 *
 * Memory: heapUsed after a full garbage collection, before and after placing (the retained heap
 * per placed task: the task itself, its reservation and its explanation), then again after
 * dropping the explanations (their share). The collector is exposed with v8.setFlagsFromString,
 * so the figures are exact collections, not estimates, without a node flag.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Simulation } from '../src/engine/simulation';
import { addContainerInstance, addTaskDefinition, ensureCluster } from '../src/engine/testing/placement-fixtures';
import { placeTask } from '../src/engine/control/placement/place';
import { reserve } from '../src/engine/control/resources';
import { taskRequirements } from '../src/engine/control/requirements';
import { taskArn } from '../src/engine/world/arn';
import type { Task, TaskDefinition, World } from '../src/engine/world/types';

export interface PlacementBench {
  tasks: number;
  instances: number;
  microsPerTask: number;
  /** Heap kept per placed task (task + reservation + explanation), bytes. */
  retainedBytesPerTask: number;
  /** The explanation's share of it, bytes. */
  explanationBytesPerTask: number;
}

function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
  return () => {
    gc();
    gc();
  };
}

export function benchPlacement(): PlacementBench {
  const instances = 1000;
  const tasks = 10_000;
  const gc = collector();
  const sim = new Simulation({ seed: 42 });
  const world = sim.world;
  const clusterArn = ensureCluster(world, 'bench');
  for (let i = 0; i < instances; i++) addContainerInstance(world, { cluster: 'bench', cpu: 2048, memory: 7680 });
  const td = addTaskDefinition(world, {
    containerDefinitions: [{ name: 'app', image: 'nginx:latest', cpu: 128, memory: 512, portMappings: [{ containerPort: 80 }] }],
  });
  const req = taskRequirements(td);
  const strategy = [
    { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
    { type: 'binpack' as const, field: 'memory' },
  ];

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < tasks; i++) {
    const decision = placeTask(sim, { clusterArn, taskDefinition: td, group: 'family:web', placementConstraints: [], placementStrategy: strategy });
    if (!decision.containerInstanceArn) throw new Error(`bench task ${i} was not placed: ${decision.failureReason}`);
    const task = benchTask(world, td, clusterArn, i);
    reserve(world, task, world.containerInstances[decision.containerInstanceArn], req);
    task.placement = decision.explanation;
  }
  const elapsed = performance.now() - start;
  gc();
  const heapPlaced = process.memoryUsage().heapUsed;
  for (const arn in world.tasks) delete world.tasks[arn].placement;
  gc();
  const heapWithout = process.memoryUsage().heapUsed;
  return {
    tasks,
    instances,
    microsPerTask: (elapsed * 1000) / tasks,
    retainedBytesPerTask: (heapPlaced - heapBefore) / tasks,
    explanationBytesPerTask: (heapPlaced - heapWithout) / tasks,
  };
}

/** A bare PROVISIONING task (the fixture's newTask counts the world's tasks, which would dominate here). */
function benchTask(world: World, td: TaskDefinition, clusterArn: string, i: number): Task {
  const arn = taskArn(world, 'bench', i.toString(16).padStart(32, '0'));
  const task: Task = {
    taskArn: arn,
    clusterArn,
    taskDefinitionArn: td.taskDefinitionArn,
    launchType: 'EC2',
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    group: 'family:web',
    availabilityZone: '',
    containers: [{ containerArn: `${arn}/app`, name: 'app', image: 'nginx:latest', lastStatus: 'PENDING', essential: true, healthStatus: 'UNKNOWN', networkBindings: [], cpu: '128' }],
    overrides: { containerOverrides: [] },
    attachments: [],
    reserved: { cpu: 0, memory: 0, ports: [], portsUdp: [], eni: false },
    healthStatus: 'UNKNOWN',
    createdAt: 0,
    version: 1,
    tags: [],
  };
  world.tasks[arn] = task;
  return task;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchPlacement());
}
