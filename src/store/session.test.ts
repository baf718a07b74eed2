import { describe, it, expect } from 'vitest';
import { createSessionStore, MAX_FRAME_SECONDS, type FrameClock } from './session';
import type { Scenario } from '../scenario/schema';

/** A frame clock the test drives by hand: `fire(ms)` runs the pending frame callback. */
function fakeFrames() {
  let pending: ((ms: number) => void) | undefined;
  let handles = 0;
  const clock: FrameClock = {
    request(callback) {
      pending = callback;
      return ++handles;
    },
    cancel() {
      pending = undefined;
    },
  };
  return {
    clock,
    get waiting() {
      return pending !== undefined;
    },
    fire(ms: number) {
      const callback = pending;
      pending = undefined;
      callback?.(ms);
    },
  };
}

// Steps naming actions no service has: they answer with an error whatever the engine can do,
// which shows when each step ran.
const timed: Scenario = {
  seed: 1,
  region: 'us-east-1',
  accountId: '123456789012',
  steps: [{ call: 'nope:First' }, { advance: 10 }, { call: 'nope:Second' }, { advance: 0 }, { call: 'nope:Third' }],
};

describe('the session store', () => {
  it('runs the steps before the first advance as soon as the scenario loads', () => {
    const store = createSessionStore({ scenario: timed, frames: fakeFrames().clock });
    expect(store.getState().failures.map((f) => [f.step, f.call, f.at])).toEqual([[1, 'nope:First', 0]]);
    expect(store.getState().now).toBe(0);
  });

  it('runs a step after {advance: 10} when the clock reaches 10 s, not before', () => {
    const store = createSessionStore({ scenario: timed, frames: fakeFrames().clock });
    store.getState().advance(9.5);
    expect(store.getState().failures).toHaveLength(1);
    store.getState().advance(0.5);
    expect(store.getState().failures.map((f) => [f.step, f.at])).toEqual([[1, 0], [3, 10], [5, 10]]);
  });

  it('reports a failing step with the AWS-style error code and goes on', () => {
    const store = createSessionStore({ scenario: timed, frames: fakeFrames().clock });
    store.getState().advance(60);
    expect(store.getState().failures[1]).toMatchObject({ code: 'UnknownOperationException', call: 'nope:Second' });
    expect(store.getState().now).toBe(60);
    expect(store.getState().cursor).toBe(timed.steps.length);
  });

  it('plays simulated time at the chosen speed: one real second at 10x is ten simulated seconds', () => {
    const frames = fakeFrames();
    const store = createSessionStore({ scenario: timed, frames: frames.clock, speed: 10 });
    store.getState().play();
    frames.fire(1000); // the first frame only starts the clock
    for (let ms = 1100; ms <= 2000; ms += 100) frames.fire(ms);
    expect(store.getState().now).toBeCloseTo(10, 9);
    store.getState().setSpeed(60);
    frames.fire(2100);
    expect(store.getState().now).toBeCloseTo(16, 9);
  });

  it('stops the clock on pause and asks for no more frames', () => {
    const frames = fakeFrames();
    const store = createSessionStore({ scenario: timed, frames: frames.clock, autoplay: true });
    frames.fire(0);
    frames.fire(100);
    store.getState().pause();
    expect(frames.waiting).toBe(false);
    const at = store.getState().now;
    frames.fire(5000);
    expect(store.getState().now).toBe(at);
    expect(store.getState().playing).toBe(false);
  });

  it(`never moves more than ${MAX_FRAME_SECONDS} real seconds in one frame (a tab coming back from hiding)`, () => {
    const frames = fakeFrames();
    const store = createSessionStore({ scenario: timed, frames: frames.clock, speed: 1, autoplay: true });
    frames.fire(0);
    frames.fire(60_000);
    expect(store.getState().now).toBe(MAX_FRAME_SECONDS);
  });

  it('reloading a scenario starts a fresh simulation at time 0', () => {
    const store = createSessionStore({ scenario: timed, frames: fakeFrames().clock });
    const first = store.getState().sim;
    store.getState().advance(30);
    store.getState().load(timed);
    expect(store.getState().sim).not.toBe(first);
    expect(store.getState().now).toBe(0);
    expect(store.getState().failures).toHaveLength(1);
  });

  it('bumps the version when a call may have changed the world', () => {
    const store = createSessionStore({ scenario: timed, frames: fakeFrames().clock });
    const before = store.getState().version;
    store.getState().call('nope:Edit', {});
    expect(store.getState().version).toBe(before + 1);
  });
});
