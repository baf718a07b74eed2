import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultScenario, USER_DATA, CLUSTER, AVAILABILITY_ZONES } from './default';
import { parseScenario } from './schema';
import { runScenario } from './run';
import { createSessionStore, type FrameClock } from '../store/session';

const noFrames: FrameClock = { request: () => 0, cancel: () => {} };

describe('the default scenario', () => {
  it('is a valid scenario file', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(defaultScenario))).steps).toHaveLength(defaultScenario.steps.length);
  });

  it('gives its instances user data that joins them to the cluster, base64-encoded as RunInstances takes it', () => {
    expect(atob(USER_DATA)).toContain(`ECS_CLUSTER=${CLUSTER}`);
    const runInstances = defaultScenario.steps.filter((s) => 'call' in s && s.call === 'ec2:RunInstances');
    expect(runInstances.map((s) => 'call' in s && (s.input?.Placement as { AvailabilityZone: string }).AvailabilityZone)).toEqual(AVAILABILITY_ZONES);
  });

  it('makes every call without an error and ends with four RUNNING tasks, one or more in each of three AZs', () => {
    const errors: string[] = [];
    const sim = runScenario(defaultScenario, (r) => r.error && errors.push(`${r.call}: ${r.error.code}: ${r.error.message}`));
    sim.advance(300);
    expect(errors).toEqual([]);
    const tasks = Object.values(sim.world.tasks);
    expect(tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING']);
    expect(new Set(tasks.map((t) => t.availabilityZone))).toEqual(new Set(AVAILABILITY_ZONES));
  });

  it('played in the app in frames of any size, gives the same event log as the headless runner', () => {
    const reference = runScenario(defaultScenario, () => {});
    reference.advance(240 - reference.now);
    const expected = JSON.stringify(reference.world.events);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 40, noNaN: true }), { minLength: 1, maxLength: 60 }), (frames) => {
        const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
        for (const seconds of frames) if (store.getState().now + seconds < 240) store.getState().advance(seconds);
        store.getState().advance(240 - store.getState().now);
        expect(JSON.stringify(store.getState().sim.world.events)).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });
});
