import { describe, it, expect } from 'vitest';
import { Simulation } from '../../simulation';
import type { ContainerInstance, TaskDefinition } from '../../world/types';
import { addContainerInstance, addTaskDefinition, ensureCluster, newTask, placeTaskOn, type InstanceSpec } from '../../testing/placement-fixtures';
import { reserve } from '../resources';
import { taskRequirements } from '../requirements';
import { NO_CONTAINER_INSTANCES, placeTask, type PlacementConstraint, type PlacementStrategy } from './place';

function setup(specs: InstanceSpec[], seed = 1) {
  const sim = new Simulation({ seed });
  const clusterArn = ensureCluster(sim.world, 'default');
  const instances = specs.map((s) => addContainerInstance(sim.world, s));
  return { sim, world: sim.world, clusterArn, instances };
}

function decide(sim: Simulation, td: TaskDefinition, placementStrategy: PlacementStrategy[] = [], placementConstraints: PlacementConstraint[] = [], group = `family:${td.family}`) {
  return placeTask(sim, { clusterArn: sim.world.clusters[Object.keys(sim.world.clusters)[0]].clusterArn, taskDefinition: td, group, placementConstraints, placementStrategy });
}

/** Places and reserves `count` tasks one after the other, as RunTask does; returns the chosen instances. */
function run(sim: Simulation, td: TaskDefinition, count: number, strategy: PlacementStrategy[] = [], constraints: PlacementConstraint[] = []): ContainerInstance[] {
  const chosen: ContainerInstance[] = [];
  for (let i = 0; i < count; i++) {
    const d = decide(sim, td, strategy, constraints);
    if (!d.containerInstanceArn) throw new Error(`task ${i} not placed: ${d.failureReason}`);
    const ci = sim.world.containerInstances[d.containerInstanceArn];
    reserve(sim.world, newTask(sim.world, td), ci, taskRequirements(td));
    chosen.push(ci);
  }
  return chosen;
}

const mem = (memory: number, extra: Partial<TaskDefinition> = {}) => ({ containerDefinitions: [{ name: 'app', image: 'nginx', memory, cpu: 128 }], ...extra });
const BINPACK_MEMORY: PlacementStrategy[] = [{ type: 'binpack', field: 'memory' }];

describe('placeTask: binpack', () => {
  it('binpack memory places the task on the instance with the least memory left that still fits', () => {
    const { sim, instances } = setup([{ memory: 4096 }, { memory: 1024 }, { memory: 256 }, { memory: 2048 }]);
    const td = addTaskDefinition(sim.world, mem(512));
    const d = decide(sim, td, BINPACK_MEMORY);
    expect(d.containerInstanceArn).toBe(instances[1].containerInstanceArn);
    expect(d.explanation.strategy[0].note).toContain('least memory left (512 MiB after this task)');
  });

  it('binpack cpu looks at CPU units, not memory', () => {
    const { sim, instances } = setup([{ cpu: 1024, memory: 1000 }, { cpu: 4096, memory: 600 }]);
    const td = addTaskDefinition(sim.world, mem(512));
    expect(decide(sim, td, [{ type: 'binpack', field: 'cpu' }]).containerInstanceArn).toBe(instances[0].containerInstanceArn);
    expect(decide(sim, td, BINPACK_MEMORY).containerInstanceArn).toBe(instances[1].containerInstanceArn);
  });

  it('binpack fills one instance before starting the next', () => {
    const { sim, instances } = setup([{ memory: 2048 }, { memory: 2048 }]);
    const td = addTaskDefinition(sim.world, mem(512));
    const chosen = run(sim, td, 5, BINPACK_MEMORY);
    const first = chosen[0];
    expect(chosen.slice(0, 4).every((ci) => ci === first)).toBe(true);
    expect(chosen[4]).toBe(instances.find((ci) => ci !== first));
  });
});

describe('placeTask: spread', () => {
  it('spread over ecs.availability-zone evens out the group\'s tasks across AZs', () => {
    const { sim } = setup([{ az: 'us-east-1a' }, { az: 'us-east-1a' }, { az: 'us-east-1b' }, { az: 'us-east-1c' }]);
    const td = addTaskDefinition(sim.world, mem(128));
    const chosen = run(sim, td, 9, [{ type: 'spread', field: 'attribute:ecs.availability-zone' }]);
    const perAz = new Map<string, number>();
    for (const ci of chosen) {
      const az = ci.attributes.find((a) => a.name === 'ecs.availability-zone')!.value!;
      perAz.set(az, (perAz.get(az) ?? 0) + 1);
    }
    expect([...perAz.values()]).toEqual([3, 3, 3]);
  });

  it('spread counts only tasks of the same group', () => {
    const { sim, world, instances } = setup([{ az: 'us-east-1a' }, { az: 'us-east-1b' }]);
    const other = addTaskDefinition(world, { family: 'batch', ...mem(128) });
    placeTaskOn(world, instances[1], other);
    placeTaskOn(world, instances[1], other);
    const td = addTaskDefinition(world, mem(128));
    placeTaskOn(world, instances[0], td);
    const d = decide(sim, td, [{ type: 'spread', field: 'attribute:ecs.availability-zone' }]);
    expect(d.containerInstanceArn).toBe(instances[1].containerInstanceArn);
    expect(d.explanation.strategy[0].note).toBe('spread over ecs.availability-zone picked the AZ with the fewest tasks of family:web (us-east-1b: 0)');
  });

  it('spread over instanceId (or host) picks the instance with the fewest tasks of the group', () => {
    const { sim, world, instances } = setup([{}, {}, {}]);
    const td = addTaskDefinition(world, mem(128));
    placeTaskOn(world, instances[0], td);
    placeTaskOn(world, instances[2], td);
    expect(decide(sim, td, [{ type: 'spread', field: 'instanceId' }]).containerInstanceArn).toBe(instances[1].containerInstanceArn);
    expect(decide(sim, td, [{ type: 'spread', field: 'host' }]).containerInstanceArn).toBe(instances[1].containerInstanceArn);
  });

  it('[spread AZ, binpack memory] spreads over AZs, then binpacks inside the chosen AZ', () => {
    const { sim, world, instances } = setup([
      { az: 'us-east-1a', memory: 1200 },
      { az: 'us-east-1b', memory: 4096 },
      { az: 'us-east-1b', memory: 2048 },
    ]);
    const td = addTaskDefinition(world, mem(512));
    placeTaskOn(world, instances[0], td);
    const d = decide(sim, td, [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, ...BINPACK_MEMORY]);
    expect(d.containerInstanceArn).toBe(instances[2].containerInstanceArn);
    expect(d.explanation.strategy.map((s) => s.kept.length)).toEqual([2, 1]);
    expect(d.explanation.summary).toBe(
      `Placed on ${instances[2].ec2InstanceId} (us-east-1b): spread over ecs.availability-zone picked the AZ with the fewest tasks of family:web (us-east-1b: 0), ` +
        'then binpack memory picked the instance with the least memory left (1536 MiB after this task); 3 of 3 container instances met its requirements.',
    );
  });

  it('without a strategy it spreads over AZs, then over instances (the documented default)', () => {
    const { sim, world, instances } = setup([{ az: 'us-east-1a' }, { az: 'us-east-1b' }, { az: 'us-east-1b' }]);
    const td = addTaskDefinition(world, mem(128));
    placeTaskOn(world, instances[0], td);
    placeTaskOn(world, instances[1], td);
    const d = decide(sim, td);
    // AZ a has 1 task and AZ b has 1: both kept; then the instance with no task of the group.
    expect(d.containerInstanceArn).toBe(instances[2].containerInstanceArn);
    expect(d.explanation.strategy.map((s) => `${s.type} ${s.field}`)).toEqual(['spread attribute:ecs.availability-zone', 'spread instanceId']);
    expect(d.explanation.summary).toContain('the default strategy');
  });
});

describe('placeTask: random and ties', () => {
  it('random picks among the candidates with the seeded generator: same seed, same choice', () => {
    const pick = (seed: number) => {
      const { sim } = setup(Array.from({ length: 8 }, () => ({})), seed);
      return decide(sim, addTaskDefinition(sim.world, mem(128)), [{ type: 'random' }]).containerInstanceArn;
    };
    expect(pick(7)).toBe(pick(7));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(pick)).size).toBeGreaterThan(1);
  });

  it('breaks a tie left after the last strategy at random and says so', () => {
    const { sim } = setup([{ memory: 2048 }, { memory: 2048 }]);
    const d = decide(sim, addTaskDefinition(sim.world, mem(128)), BINPACK_MEMORY);
    expect(d.explanation.summary).toContain('a random pick among the 2 equally good instances');
  });
});

describe('placeTask: constraints', () => {
  it('distinctInstance puts each task of the group on a different instance, and fails with DistinctInstance when none is left', () => {
    const { sim, world } = setup([{}, {}, {}]);
    const td = addTaskDefinition(world, mem(128));
    const chosen = run(sim, td, 3, BINPACK_MEMORY, [{ type: 'distinctInstance' }]);
    expect(new Set(chosen).size).toBe(3);
    const d = decide(sim, td, BINPACK_MEMORY, [{ type: 'distinctInstance' }]);
    expect(d.containerInstanceArn).toBeUndefined();
    expect(d.failureReason).toBe('DistinctInstance');
    expect(d.explanation.candidates[0].detail).toContain('already holds 1 task(s) of family:web');
  });

  it('distinctInstance ignores tasks of other groups', () => {
    const { sim, world, instances } = setup([{}]);
    placeTaskOn(world, instances[0], addTaskDefinition(world, { family: 'other', ...mem(128) }));
    const d = decide(sim, addTaskDefinition(world, mem(128)), [], [{ type: 'distinctInstance' }]);
    expect(d.containerInstanceArn).toBe(instances[0].containerInstanceArn);
  });

  it('memberOf keeps only instances matching the cluster query expression', () => {
    const { sim, world, instances } = setup([{ instanceType: 't2.small' }, { instanceType: 'g2.2xlarge', memory: 9000 }]);
    const td = addTaskDefinition(world, mem(128));
    const d = decide(sim, td, BINPACK_MEMORY, [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g2.*' }]);
    expect(d.containerInstanceArn).toBe(instances[1].containerInstanceArn);
    expect(d.explanation.candidates[0]).toMatchObject({ rejectedBy: 'MemberOf', detail: 'does not satisfy memberOf(attribute:ecs.instance-type =~ g2.*)' });
  });

  it("applies the task definition's own memberOf constraints too", () => {
    const { sim, world, instances } = setup([{ attributes: { stack: 'prod' } }, { attributes: { stack: 'dev' } }]);
    const td = addTaskDefinition(world, { ...mem(128), placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == dev' }] });
    expect(decide(sim, td).containerInstanceArn).toBe(instances[1].containerInstanceArn);
  });

  it('memberOf with task:group places next to tasks of another group (affinity)', () => {
    const { sim, world, instances } = setup([{}, {}, {}]);
    placeTaskOn(world, instances[1], addTaskDefinition(world, { family: 'db', ...mem(128) }), { group: 'database' });
    const d = decide(sim, addTaskDefinition(world, mem(128)), [], [{ type: 'memberOf', expression: 'task:group == database' }]);
    expect(d.containerInstanceArn).toBe(instances[1].containerInstanceArn);
  });
});

describe('placeTask: resources and failure reasons', () => {
  it('rejects instances without enough CPU or memory with RESOURCE:CPU / RESOURCE:MEMORY and says how much is missing', () => {
    const { sim, world } = setup([{ cpu: 100, memory: 4096 }, { cpu: 4096, memory: 256 }]);
    const d = decide(sim, addTaskDefinition(world, mem(512)));
    expect(d.explanation.candidates.map((c) => [c.rejectedBy, c.detail])).toEqual([
      ['RESOURCE:CPU', 'needs 128 CPU units, 100 left'],
      ['RESOURCE:MEMORY', 'needs 512 MiB, 256 MiB left'],
    ]);
    // memory is checked after CPU, so the memory-short instance got further: it is the closest match.
    expect(d.failureReason).toBe('RESOURCE:MEMORY');
    expect(d.explanation.summary).toContain('has insufficient memory available');
  });

  it('reports the reason of the closest matching instance: one that passed resources but failed a constraint', () => {
    const { sim, world } = setup([{ memory: 100 }, { attributes: { stack: 'dev' } }]);
    const d = decide(sim, addTaskDefinition(world, mem(512)), [], [{ type: 'memberOf', expression: 'attribute:stack == prod' }]);
    expect(d.failureReason).toBe('MemberOf');
    expect(d.explanation.summary).toContain('encountered error "MemberOf"');
  });

  it('a static host port already used on the instance, or reserved (22), is RESOURCE:PORTS', () => {
    const { sim, world, instances } = setup([{}]);
    const web = addTaskDefinition(world, { containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
    placeTaskOn(world, instances[0], web);
    const d = decide(sim, web);
    expect(d.failureReason).toBe('RESOURCE:PORTS');
    expect(d.explanation.candidates[0].detail).toBe('needs host port 8080/TCP, already in use');
    const ssh = addTaskDefinition(world, { family: 'ssh', containerDefinitions: [{ name: 'app', image: 'x', memory: 128, portMappings: [{ containerPort: 22, hostPort: 22 }] }] });
    expect(decide(sim, ssh).failureReason).toBe('RESOURCE:PORTS');
  });

  it('awsvpc tasks take an ENI each and fail with RESOURCE:ENI when the instance has none left', () => {
    const { sim, world } = setup([{ eniLimit: 2 }]);
    const td = addTaskDefinition(world, { ...mem(128), networkMode: 'awsvpc' });
    run(sim, td, 2);
    const d = decide(sim, td);
    expect(d.failureReason).toBe('RESOURCE:ENI');
  });

  it('a disconnected agent is AGENT; DRAINING instances are never chosen', () => {
    const { sim, world, instances } = setup([{ agentConnected: false }, { status: 'DRAINING' }, {}]);
    const d = decide(sim, addTaskDefinition(world, mem(128)));
    expect(d.containerInstanceArn).toBe(instances[2].containerInstanceArn);
    expect(d.explanation.candidates.map((c) => c.rejectedBy)).toEqual(['AGENT', 'DRAINING', undefined]);
    instances[2].agentConnected = false;
    expect(decide(sim, addTaskDefinition(world, mem(128))).failureReason).toBe('AGENT');
  });

  it('a cluster without ACTIVE container instances answers "No Container Instances were found in your cluster."', () => {
    const { sim, world } = setup([]);
    const d = decide(sim, addTaskDefinition(world, mem(128)));
    expect(d.failureReason).toBe(NO_CONTAINER_INSTANCES);
  });

  it('looks only at the container instances of the requested cluster', () => {
    const { sim, world } = setup([{ cluster: 'other' }]);
    expect(decide(sim, addTaskDefinition(world, mem(128))).explanation.candidates).toEqual([]);
  });

  it('never changes the world', () => {
    const { sim, world } = setup([{}, {}]);
    const td = addTaskDefinition(world, mem(128));
    const before = JSON.stringify(world);
    decide(sim, td, [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }], [{ type: 'distinctInstance' }]);
    expect(JSON.stringify(world)).toBe(before);
  });
});
