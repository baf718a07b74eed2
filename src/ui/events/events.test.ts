import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import type { SimEvent } from '../../engine/world/types';
import { KIND_GROUPS, kindGroupOf } from './kinds';
import { filterEvents, matchesKinds } from './filter';
import { eventResources, resourcesOfSelection, selectionOfResource } from './resource';
import { visibleWindow } from './windowing';
import { serviceWorld, type ServiceWorld } from '../charts/fixture';

const ev = (at: number, kind: string, resource: string, message: string): SimEvent => ({ at, source: 'ecs', kind, resource, message });

describe('event kind groups', () => {
  it('puts a task placement under Placement, not Tasks, because the longer prefix wins', () => {
    expect(kindGroupOf('task.placement')).toBe('placement');
    expect(kindGroupOf('task.placementFailed')).toBe('placement');
    expect(kindGroupOf('task.status')).toBe('tasks');
  });

  it('puts target deregistration draining under Load balancing and spot interruptions under Faults', () => {
    expect(kindGroupOf('task.draining')).toBe('loadBalancing');
    expect(kindGroupOf('elb.target.health')).toBe('loadBalancing');
    expect(kindGroupOf('task.spotInterruption')).toBe('faults');
  });

  it('names every group the engine emits in the default service world (nothing falls to "other")', () => {
    const { s } = serviceWorld(3);
    const other = [...new Set(s.world.events.map((e) => e.kind))].filter((k) => kindGroupOf(k) === 'other');
    expect(other).toEqual([]);
  });

  it('has one chip per group id', () => {
    expect(new Set(KIND_GROUPS.map((g) => g.id)).size).toBe(KIND_GROUPS.length);
  });
});

describe('event filters', () => {
  const events = [
    ev(1, 'task.created', 'arn:aws:ecs:us-east-1:1:task/prod/a', 'Task a created'),
    ev(2, 'task.placement', 'arn:aws:ecs:us-east-1:1:task/prod/a', 'Task a placed on i-1'),
    ev(3, 'service.steadyState', 'arn:aws:ecs:us-east-1:1:service/prod/web', 'service web has reached a steady state.'),
    ev(4, 'elb.target.health', 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/x', 'Target i-1:32768 is healthy'),
  ];

  it('lists events newest first when no filter is on', () => {
    expect(filterEvents(events, { kinds: [], text: '' })).toEqual([3, 2, 1, 0]);
  });

  it('keeps only the chosen kind groups', () => {
    expect(filterEvents(events, { kinds: ['placement'], text: '' })).toEqual([1]);
    expect(filterEvents(events, { kinds: ['tasks', 'services'], text: '' })).toEqual([2, 0]);
  });

  it('accepts a kind prefix too, as the editor store describes', () => {
    expect(matchesKinds('service.steadyState', ['service.'])).toBe(true);
    expect(matchesKinds('task.status', ['service.'])).toBe(false);
  });

  it('finds free text in messages, case-insensitively', () => {
    expect(filterEvents(events, { kinds: [], text: 'STEADY' })).toEqual([2]);
    expect(filterEvents(events, { kinds: [], text: 'i-1' })).toEqual([3, 1]);
  });

  it('keeps only the events of the given resources', () => {
    expect(filterEvents(events, { kinds: [], text: '' }, ['arn:aws:ecs:us-east-1:1:task/prod/a'])).toEqual([1, 0]);
  });

  it('never returns an event that fails a filter, and never drops one that passes (property)', () => {
    const kinds = ['task.status', 'task.placement', 'service.updated', 'elb.target.health', 'fault.injected', 'odd.kind'];
    const arb = fc.array(fc.record({ kind: fc.constantFrom(...kinds), message: fc.constantFrom('alpha', 'Beta', 'gamma') }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.subarray(KIND_GROUPS.map((g) => g.id)), fc.constantFrom('', 'a', 'beta'), (rows, chips, text) => {
        const log = rows.map((r, i) => ev(i, r.kind, 'r', r.message));
        const out = filterEvents(log, { kinds: chips, text });
        const expected = log
          .map((e, i) => ({ e, i }))
          .filter(({ e }) => (chips.length === 0 || chips.includes(kindGroupOf(e.kind))) && (e.message.toLowerCase().includes(text) || e.kind.includes(text) || 'r'.includes(text)))
          .map(({ i }) => i)
          .reverse();
        expect(out).toEqual(expected);
      }),
    );
  });
});

describe('the resource an event selects', () => {
  let w: ServiceWorld;
  beforeAll(() => {
    w = serviceWorld(3);
  });

  it('selects tasks, services and target groups by ARN', () => {
    const task = Object.keys(w.s.world.tasks)[0];
    expect(selectionOfResource(task, w.s.world)).toEqual({ kind: 'task', id: task });
    expect(selectionOfResource(w.serviceArn, w.s.world)).toEqual({ kind: 'service', id: w.serviceArn });
    expect(selectionOfResource(w.targetGroupArn, w.s.world)).toEqual({ kind: 'targetGroup', id: w.targetGroupArn });
    expect(selectionOfResource(w.loadBalancerArn, w.s.world)).toEqual({ kind: 'loadBalancer', id: w.loadBalancerArn });
  });

  it('selects a container instance by its EC2 instance id, as the canvas keys it', () => {
    const ci = Object.values(w.s.world.containerInstances)[0];
    expect(selectionOfResource(ci.containerInstanceArn, w.s.world)).toEqual({ kind: 'containerInstance', id: ci.ec2InstanceId });
    expect(selectionOfResource(ci.ec2InstanceId, w.s.world)).toEqual({ kind: 'containerInstance', id: ci.ec2InstanceId });
  });

  it('selects an alarm by name, an Auto Scaling resource id as its ECS service, a rule as its listener', () => {
    const alarm = w.s.world.alarms['web-cpu-high'];
    expect(selectionOfResource(alarm.AlarmArn, w.s.world)).toEqual({ kind: 'alarm', id: 'web-cpu-high' });
    expect(selectionOfResource('service/prod/web', w.s.world)).toEqual({ kind: 'service', id: w.serviceArn });
    const listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/abc/def';
    expect(selectionOfResource(`${listener.replace(':listener/', ':listener-rule/')}/0123`, w.s.world)).toEqual({ kind: 'listener', id: listener });
  });

  it('selects nothing for an account id', () => {
    expect(selectionOfResource('123456789012', w.s.world)).toBeNull();
  });

  it('finds every event of a container instance under "only the selection": its ARN and its EC2 id', () => {
    const ci = Object.values(w.s.world.containerInstances)[0];
    const ids = resourcesOfSelection({ kind: 'containerInstance', id: ci.ec2InstanceId }, eventResources(w.s.world.events), w.s.world);
    expect(ids).toContain(ci.ec2InstanceId);
    expect(ids).toContain(ci.containerInstanceArn);
    const shown = filterEvents(w.s.world.events, { kinds: [], text: '' }, ids).map((i) => w.s.world.events[i].kind);
    expect(shown).toContain('ec2.instance.state');
    expect(shown).toContain('agent.registered');
  });
});

describe('windowing', () => {
  it('renders only the rows in view plus the overscan, and spacers for the rest', () => {
    expect(visibleWindow(100_000, 20, 2000, 200, 5)).toEqual({ start: 95, end: 115, before: 1900, after: (100_000 - 115) * 20 });
  });

  it('clamps at both ends of the list', () => {
    expect(visibleWindow(10, 20, 0, 1000, 5)).toEqual({ start: 0, end: 10, before: 0, after: 0 });
    expect(visibleWindow(0, 20, 0, 100)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('always covers the viewport and keeps the total height (property)', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 60 }), fc.nat(200_000), fc.nat(2000), fc.nat(10), (count, h, top, vh, over) => {
        const scrollTop = Math.min(top, Math.max(0, count * h - vh));
        const w = visibleWindow(count, h, scrollTop, vh, over);
        expect(w.before + (w.end - w.start) * h + w.after).toBe(count * h);
        const firstVisible = Math.floor(scrollTop / h);
        const lastVisible = Math.min(count, Math.ceil((scrollTop + vh) / h));
        if (count > 0) {
          expect(w.start).toBeLessThanOrEqual(Math.min(firstVisible, count));
          expect(w.end).toBeGreaterThanOrEqual(lastVisible);
        }
        expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(vh / h) + 1 + 2 * over);
      }),
    );
  });
});
