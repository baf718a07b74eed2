import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sandbox, type Sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { registerTaskDefinition } from '../../testing/task-fixtures';
import { TASK_STATUS_ORDER } from '../../world/types';

type Command = { kind: 'run'; family: string; count: number } | { kind: 'stop'; pick: number } | { kind: 'advance'; seconds: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('run' as const), family: fc.constantFrom('web', 'static', 'job', 'sick'), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 90 }) }),
);

function world(seed: number): Sandbox {
  const s = sandbox({ seed });
  launchContainerInstances(s, { cluster: 'prod', count: 2, instanceType: 't3.small' });
  s.call('ecr:CreateRepository', { repositoryName: 'app' })
    .call('sim:PushImage', { repositoryName: 'app', imageTag: 'job', behavior: { exitAfterSeconds: 40, exitCode: 0 } })
    .call('sim:PushImage', { repositoryName: 'app', imageTag: 'sick', behavior: { healthy: false } });
  const uri = Object.values(s.world.repositories)[0].repositoryUri;
  registerTaskDefinition(s, { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 256, memory: 300, portMappings: [{ containerPort: 80 }] }] });
  registerTaskDefinition(s, { family: 'static', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  registerTaskDefinition(s, { family: 'job', containerDefinitions: [{ name: 'app', image: `${uri}:job`, cpu: 512, memory: 256, stopTimeout: 5 }] });
  registerTaskDefinition(s, {
    family: 'sick',
    containerDefinitions: [
      { name: 'app', image: `${uri}:sick`, memory: 128, healthCheck: { command: ['CMD', 'check'], interval: 5, retries: 2 } },
      { name: 'init', image: 'busybox', memory: 32, essential: false },
    ],
  });
  return s;
}

/** Remaining = registered - what non-STOPPED tasks hold; never negative; no port held twice. */
function checkAccounting(s: Sandbox): void {
  for (const ci of Object.values(s.world.containerInstances)) {
    const tasks = Object.values(s.world.tasks).filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED');
    const sum = (f: (t: (typeof tasks)[number]) => number) => tasks.reduce((n, t) => n + f(t), 0);
    expect(ci.remainingResources.cpu).toBeGreaterThanOrEqual(0);
    expect(ci.remainingResources.memory).toBeGreaterThanOrEqual(0);
    expect(ci.remainingResources.cpu).toBe(ci.registeredResources.cpu - sum((t) => t.reserved.cpu));
    expect(ci.remainingResources.memory).toBe(ci.registeredResources.memory - sum((t) => t.reserved.memory));
    expect(new Set(ci.remainingResources.ports).size).toBe(ci.remainingResources.ports.length);
    expect([...ci.remainingResources.ports].sort()).toEqual([...ci.registeredResources.ports, ...tasks.flatMap((t) => t.reserved.ports)].sort());
  }
}

describe('tasks under random RunTask / StopTask / advance sequences', () => {
  it('only move forward in TASK_STATUS_ORDER, never over-commit an instance, and end RUNNING or STOPPED with a stopCode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(command, { maxLength: 25 }), (seed, commands) => {
        const s = world(seed);
        const seen = new Map<string, number>();
        const observe = () => {
          for (const t of Object.values(s.world.tasks)) {
            const rank = TASK_STATUS_ORDER.indexOf(t.lastStatus);
            expect(rank).toBeGreaterThanOrEqual(seen.get(t.taskArn) ?? 0);
            seen.set(t.taskArn, rank);
          }
          checkAccounting(s);
        };
        for (const c of commands) {
          if (c.kind === 'run') s.sim.call('ecs:RunTask', { cluster: 'prod', taskDefinition: c.family, count: c.count });
          else if (c.kind === 'stop') {
            const arns = Object.keys(s.world.tasks);
            if (arns.length) s.sim.call('ecs:StopTask', { cluster: 'prod', task: arns[c.pick % arns.length] });
          } else {
            for (let i = 0; i < c.seconds; i += 5) {
              s.advance(Math.min(5, c.seconds - i));
              observe();
            }
          }
          observe();
        }
        s.advance(600);
        observe();
        for (const t of Object.values(s.world.tasks)) {
          expect(['RUNNING', 'STOPPED']).toContain(t.lastStatus);
          if (t.lastStatus === 'STOPPED') expect(t.stopCode).toBeDefined();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('give the same event log for the same seed and commands', () => {
    const run = () => {
      const s = world(42);
      s.sim.call('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 3 });
      s.sim.call('ecs:RunTask', { cluster: 'prod', taskDefinition: 'job', count: 2 });
      s.advance(200);
      return JSON.stringify(s.world.events);
    };
    expect(run()).toBe(run());
  });
});
