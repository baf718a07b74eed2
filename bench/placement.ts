/**
 * Placement throughput: 10,000 tasks placed one by one (placeTask + reserve, as RunTask does) on
 * 1,000 hand-made ACTIVE container instances spread over the region's AZs, with the strategy
 * [spread attribute:ecs.availability-zone, binpack memory]. Goal: tens of microseconds per task.
 */
import { Simulation } from '../src/engine/simulation';
import { addContainerInstance, addTaskDefinition, ensureCluster } from '../src/engine/testing/placement-fixtures';
import { placeTask } from '../src/engine/control/placement/place';
import { reserve } from '../src/engine/control/resources';
import { taskRequirements } from '../src/engine/control/requirements';
import { taskArn } from '../src/engine/world/arn';
import type { Task, TaskDefinition, World } from '../src/engine/world/types';

export function benchPlacement(): { tasks: number; instances: number; microsPerTask: number } {
  const instances = 1000;
  const tasks = 10_000;
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

  const start = performance.now();
  for (let i = 0; i < tasks; i++) {
    const decision = placeTask(sim, { clusterArn, taskDefinition: td, group: 'family:web', placementConstraints: [], placementStrategy: strategy });
    if (!decision.containerInstanceArn) throw new Error(`bench task ${i} was not placed: ${decision.failureReason}`);
    const task = benchTask(world, td, clusterArn, i);
    // task.placement = decision.explanation;
    reserve(world, task, world.containerInstances[decision.containerInstanceArn], req);
  }
  const elapsed = performance.now() - start;
  return { tasks, instances, microsPerTask: (elapsed * 1000) / tasks };
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
