import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../world/create';
import type { ContainerInstance, Task, World } from '../world/types';
import { addContainerInstance, addTaskDefinition, newTask } from '../testing/placement-fixtures';
import { fits, release, reserve, RESERVED_LINUX_PORTS } from './resources';
import { taskRequirements, type TaskRequirements } from './requirements';

const dynamicWeb = (w: World) =>
  addTaskDefinition(w, { containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 512, portMappings: [{ containerPort: 80 }, { containerPort: 53, protocol: 'udp' }] }] });

describe('container instance resources', () => {
  it('registers with the reserved Linux ports 22, 2375, 2376, 51678 and 51679 in use', () => {
    const w = createWorld();
    const ci = addContainerInstance(w);
    expect(ci.remainingResources.ports).toEqual([22, 2375, 2376, 51678, 51679]);
    expect(fits(ci, { cpu: 0, memory: 0, tcpPorts: [51678], udpPorts: [], dynamicTcpPorts: 0, dynamicUdpPorts: 0, eni: false })).toBe('RESOURCE:PORTS');
  });

  it('gives bridge-mode dynamic host ports from 49153 up, the lowest free first, and records them in networkBindings', () => {
    const w = createWorld();
    const ci = addContainerInstance(w);
    const td = dynamicWeb(w);
    const first = newTask(w, td);
    const second = newTask(w, td);
    reserve(w, first, ci, taskRequirements(td));
    reserve(w, second, ci, taskRequirements(td));
    expect(first.containers[0].networkBindings).toEqual([
      { bindIP: '0.0.0.0', containerPort: 80, hostPort: 49153, protocol: 'tcp' },
      { bindIP: '0.0.0.0', containerPort: 53, hostPort: 49153, protocol: 'udp' },
    ]);
    expect(second.reserved.ports).toEqual([49154]);
    release(w, first);
    const third = newTask(w, td);
    reserve(w, third, ci, taskRequirements(td));
    expect(third.reserved.ports).toEqual([49153]);
  });

  it('subtracts CPU, memory and an ENI, and release gives them back exactly once', () => {
    const w = createWorld();
    const ci = addContainerInstance(w, { cpu: 2048, memory: 4096, eniLimit: 2 });
    const td = addTaskDefinition(w, { networkMode: 'awsvpc', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    const task = newTask(w, td);
    reserve(w, task, ci, taskRequirements(td));
    expect(ci.remainingResources).toMatchObject({ cpu: 1536, memory: 3072 });
    expect(ci.enisInUse).toBe(1);
    expect(task.containerInstanceArn).toBe(ci.containerInstanceArn);
    release(w, task);
    release(w, task);
    expect(ci.remainingResources).toMatchObject({ cpu: 2048, memory: 4096 });
    expect(ci.enisInUse).toBe(0);
    expect(ci.taskGroupCounts).toEqual({});
  });

  it('refuses to reserve what does not fit', () => {
    const w = createWorld();
    const ci = addContainerInstance(w, { memory: 256 });
    const td = dynamicWeb(w);
    expect(() => reserve(w, newTask(w, td), ci, taskRequirements(td))).toThrow(/RESOURCE:MEMORY/);
    expect(ci.remainingResources.memory).toBe(256);
  });

  it('after any sequence of reserve and release: remaining = registered - what unreleased tasks hold, never negative, no port held twice', () => {
    const requirement = fc.record({
      cpu: fc.integer({ min: 0, max: 1024 }),
      memory: fc.integer({ min: 0, max: 2048 }),
      tcpPorts: fc.uniqueArray(fc.constantFrom(22, 80, 443, 8080, 49153, 49154), { maxLength: 2 }),
      udpPorts: fc.uniqueArray(fc.constantFrom(53, 49153), { maxLength: 1 }),
      dynamicTcpPorts: fc.integer({ min: 0, max: 2 }),
      dynamicUdpPorts: fc.integer({ min: 0, max: 1 }),
      eni: fc.boolean(),
    }) as fc.Arbitrary<TaskRequirements>;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('reserve' as const), instance: fc.nat(2), req: requirement, group: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constant('release' as const), pick: fc.nat(50) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const w = createWorld();
        const td = addTaskDefinition(w);
        const instances = [0, 1, 2].map(() => addContainerInstance(w, { cpu: 2048, memory: 4096, eniLimit: 2 }));
        const tasks: Task[] = [];
        for (const o of ops) {
          if (o.kind === 'reserve') {
            const ci = instances[o.instance];
            if (fits(ci, o.req) === undefined) {
              const task = newTask(w, td, 'default', o.group);
              reserve(w, task, ci, o.req);
              tasks.push(task);
            }
          } else if (tasks.length > 0) {
            release(w, tasks[o.pick % tasks.length]);
          }
        }
        for (const ci of instances) checkAccounting(ci, tasks.filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.reservationReleased === false));
      }),
      { numRuns: 200 },
    );
  });
});

function checkAccounting(ci: ContainerInstance, holding: Task[]) {
  const sum = (f: (t: Task) => number) => holding.reduce((s, t) => s + f(t), 0);
  expect(ci.remainingResources.cpu).toBe(ci.registeredResources.cpu - sum((t) => t.reserved.cpu));
  expect(ci.remainingResources.memory).toBe(ci.registeredResources.memory - sum((t) => t.reserved.memory));
  expect(ci.remainingResources.cpu).toBeGreaterThanOrEqual(0);
  expect(ci.remainingResources.memory).toBeGreaterThanOrEqual(0);
  expect(ci.enisInUse).toBe(sum((t) => (t.reserved.eni ? 1 : 0)));
  expect(ci.enisInUse).toBeLessThanOrEqual(ci.eniLimit);
  const tcp = [...RESERVED_LINUX_PORTS, ...holding.flatMap((t) => t.reserved.ports)];
  const udp = holding.flatMap((t) => t.reserved.portsUdp);
  expect(new Set(tcp).size).toBe(tcp.length);
  expect(new Set(udp).size).toBe(udp.length);
  expect([...ci.remainingResources.ports].sort()).toEqual([...tcp].sort());
  expect([...ci.remainingResources.portsUdp].sort()).toEqual([...udp].sort());
  const groups: Record<string, number> = {};
  for (const t of holding) groups[t.group] = (groups[t.group] ?? 0) + 1;
  expect(ci.taskGroupCounts ?? {}).toEqual(groups);
}
