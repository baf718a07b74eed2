/**
 * Engine-wide invariants over random sequences of API calls, faults and time advances (issue #2's
 * proof): no container instance is ever over-committed (CPU, memory, TCP/UDP ports, ENIs), task
 * states only move forward, every task settles RUNNING or STOPPED with a stopCode, and the same
 * calls with the same seed give the same event log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './testing/harness';
import { launchContainerInstances } from './testing/ec2-fixtures';
import { registerTaskDefinition } from './testing/task-fixtures';
import { TASK_STATUS_ORDER } from './world/types';

type Command =
  | { kind: 'run'; family: string; count: number; binpack: boolean }
  | { kind: 'stop'; pick: number }
  | { kind: 'terminate'; pick: number }
  | { kind: 'drain'; pick: number }
  | { kind: 'advance'; seconds: number };

const FAMILIES = ['bridge', 'static', 'udp', 'vpc', 'host'];

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('run' as const), family: fc.constantFrom(...FAMILIES), count: fc.integer({ min: 1, max: 5 }), binpack: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 120 }) }) },
);

function setUp(seed: number): Sandbox {
  const s = sandbox({ seed });
  launchContainerInstances(s, { cluster: 'prod', count: 3, instanceType: 'c5.large' });
  const port = (containerPort: number, hostPort?: number, protocol = 'tcp') => ({ containerPort, hostPort, protocol });
  registerTaskDefinition(s, { family: 'bridge', containerDefinitions: [{ name: 'a', image: 'nginx', cpu: 256, memory: 256, portMappings: [port(80, 0)] }] });
  registerTaskDefinition(s, { family: 'static', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128, portMappings: [port(80, 8080)] }] });
  registerTaskDefinition(s, { family: 'udp', containerDefinitions: [{ name: 'a', image: 'coredns', memory: 64, portMappings: [port(53, 53, 'udp'), port(9153, 0)] }] });
  registerTaskDefinition(s, { family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'nginx', cpu: 128, memory: 512, portMappings: [port(80)] }] });
  registerTaskDefinition(s, { family: 'host', networkMode: 'host', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, portMappings: [port(9100)] }] });
  return s;
}

function subnets(s: Sandbox): string[] {
  return Object.keys(s.world.subnets);
}

function apply(s: Sandbox, c: Command): void {
  const tasks = Object.keys(s.world.tasks);
  const instances = Object.values(s.world.instances).filter((i) => i.State.Name === 'running');
  switch (c.kind) {
    case 'run':
      s.sim.call('ecs:RunTask', {
        cluster: 'prod',
        taskDefinition: c.family,
        count: c.count,
        ...(c.binpack ? { placementStrategy: [{ type: 'binpack', field: 'memory' }] } : {}),
        ...(c.family === 'vpc' ? { networkConfiguration: { awsvpcConfiguration: { subnets: subnets(s) } } } : {}),
      });
      break;
    case 'stop':
      if (tasks.length) s.sim.call('ecs:StopTask', { cluster: 'prod', task: tasks[c.pick % tasks.length], reason: 'property test' });
      break;
    case 'terminate':
      if (instances.length > 1) s.sim.call('ec2:TerminateInstances', { InstanceIds: [instances[c.pick % instances.length].InstanceId] });
      break;
    case 'drain': {
      const cis = Object.values(s.world.containerInstances).filter((ci) => ci.status === 'ACTIVE');
      if (cis.length) s.sim.call('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [cis[c.pick % cis.length].containerInstanceArn], status: 'DRAINING' });
      break;
    }
    case 'advance':
      break;
  }
}

function checkAccounting(s: Sandbox): void {
  for (const ci of Object.values(s.world.containerInstances)) {
    const held = Object.values(s.world.tasks).filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED');
    const sum = (f: (t: (typeof held)[number]) => number) => held.reduce((n, t) => n + f(t), 0);
    const r = ci.remainingResources;
    expect(r.cpu).toBeGreaterThanOrEqual(0);
    expect(r.memory).toBeGreaterThanOrEqual(0);
    expect(r.cpu).toBe(ci.registeredResources.cpu - sum((t) => t.reserved.cpu));
    expect(r.memory).toBe(ci.registeredResources.memory - sum((t) => t.reserved.memory));
    const tcp = [...ci.registeredResources.ports, ...held.flatMap((t) => t.reserved.ports)];
    const udp = [...ci.registeredResources.portsUdp, ...held.flatMap((t) => t.reserved.portsUdp)];
    expect(new Set(tcp).size).toBe(tcp.length);
    expect(new Set(udp).size).toBe(udp.length);
    expect([...r.ports].sort()).toEqual(tcp.sort());
    expect([...r.portsUdp].sort()).toEqual(udp.sort());
    expect(ci.enisInUse).toBe(held.filter((t) => t.reserved.eni).length);
    expect(ci.enisInUse).toBeLessThanOrEqual(ci.eniLimit);
  }
}

function play(seed: number, commands: Command[], check: boolean): Sandbox {
  const s = setUp(seed);
  const rank = new Map<string, number>();
  const observe = () => {
    if (!check) return;
    for (const t of Object.values(s.world.tasks)) {
      const r = TASK_STATUS_ORDER.indexOf(t.lastStatus);
      expect(r, `${t.taskArn} went back to ${t.lastStatus}`).toBeGreaterThanOrEqual(rank.get(t.taskArn) ?? 0);
      rank.set(t.taskArn, r);
    }
    checkAccounting(s);
  };
  for (const c of commands) {
    apply(s, c);
    observe();
    if (c.kind === 'advance') {
      for (let t = 0; t < c.seconds; t += 10) {
        s.advance(Math.min(10, c.seconds - t));
        observe();
      }
    }
  }
  s.advance(900);
  observe();
  return s;
}

describe('the engine under random calls, faults and time', () => {
  it('never over-commits an instance, only moves tasks forward, and settles every task RUNNING or STOPPED with a stopCode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(command, { minLength: 3, maxLength: 20 }), (seed, commands) => {
        const s = play(seed, commands, true);
        for (const t of Object.values(s.world.tasks)) {
          expect(['RUNNING', 'STOPPED']).toContain(t.lastStatus);
          if (t.lastStatus === 'STOPPED') expect(t.stopCode).toBeDefined();
          if (t.lastStatus === 'RUNNING') expect(s.world.instances[t.ec2InstanceId!]?.State.Name).toBe('running');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same event log for the same seed and calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(command, { minLength: 3, maxLength: 15 }), (seed, commands) => {
        const a = JSON.stringify(play(seed, commands, false).world.events);
        const b = JSON.stringify(play(seed, commands, false).world.events);
        expect(b).toBe(a);
      }),
      { numRuns: 15 },
    );
  });
});
