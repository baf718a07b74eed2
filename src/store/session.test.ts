import { describe, it, expect } from 'vitest';
import { createSessionStore, MAX_FRAME_SECONDS, PLAYBACK_REFRESH_MS } from './session';
import type { Scenario } from '../scenario/schema';
import { defaultScenario } from '../scenario/default';
import { fakeFrames, noFrames } from './test-frames';
import { straightRun, worldJson } from './straight-run';

// Steps naming actions no service has: they answer with an error whatever the engine can do,
// which shows when each step ran.
const timed: Scenario = {
  seed: 1,
  region: 'us-east-1',
  accountId: '123456789012',
  steps: [{ call: 'nope:First' }, { advance: 10 }, { call: 'nope:Second' }, { advance: 0 }, { call: 'nope:Third' }],
};

const runTask = { cluster: 'prod', taskDefinition: 'web', count: 1, launchType: 'EC2' };

describe('the session store: scenario steps and the transport', () => {
  it('runs the steps before the first advance as soon as the scenario loads', () => {
    const store = createSessionStore({ scenario: timed, frames: noFrames });
    expect(store.getState().failures.map((f) => [f.step, f.call, f.at])).toEqual([[1, 'nope:First', 0]]);
    expect(store.getState().now).toBe(0);
  });

  it('runs a step after {advance: 10} when the clock reaches 10 s, not before', () => {
    const store = createSessionStore({ scenario: timed, frames: noFrames });
    store.getState().advance(9.5);
    expect(store.getState().failures).toHaveLength(1);
    store.getState().advance(0.5);
    expect(store.getState().failures.map((f) => [f.step, f.at])).toEqual([[1, 0], [3, 10], [5, 10]]);
    expect(store.getState().failures[1]).toMatchObject({ code: 'UnknownOperationException', call: 'nope:Second' });
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

  it('at max speed runs events for about 12 ms of wall time per frame', () => {
    const frames = fakeFrames();
    let wall = 0;
    // Each read of the wall clock costs 1 ms: a frame stops after about twelve runs.
    const store = createSessionStore({ scenario: defaultScenario, frames: frames.clock, speed: 'max', wallClock: () => wall++ });
    store.getState().play();
    frames.fire(0);
    expect(wall).toBeGreaterThanOrEqual(12);
    expect(wall).toBeLessThanOrEqual(14);
    expect(store.getState().now).toBeGreaterThan(0);
    expect(frames.waiting).toBe(true);
  });

  it(`while playing, shows what ran at most every ${PLAYBACK_REFRESH_MS} ms of frames (clock and world together), and all of it on pause`, () => {
    const frames = fakeFrames();
    const store = createSessionStore({ scenario: timed, frames: frames.clock, speed: 60 });
    store.getState().play();
    const seen: number[] = [];
    store.subscribe((s, prev) => s.now !== prev.now && seen.push(s.now));
    for (let i = 0; i <= 30; i++) frames.fire(1000 + (i * 1000) / 60);
    // 30 frames of 1/60 s at 60x ran 30 simulated seconds, shown about every 6 simulated seconds.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < seen.length; i++) expect(seen[i] - seen[i - 1]).toBeGreaterThanOrEqual(5);
    store.getState().pause();
    expect(store.getState().now).toBeCloseTo(30, 6);
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

  it('loading a scenario starts a fresh simulation at time 0 with no commands', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    const first = store.getState().sim;
    store.getState().advance(120);
    store.getState().call('ecs:RunTask', runTask);
    store.getState().load(timed);
    expect(store.getState().sim).not.toBe(first);
    expect(store.getState()).toMatchObject({ now: 0, horizon: 0, commands: [], canUndo: false });
    expect(store.getState().failures).toHaveLength(1);
  });
});

describe('stepping to the next event', () => {
  it('runs exactly the next kernel event and moves the clock to its time', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    const reference = straightRun(defaultScenario, [], 0);
    const due = reference.kernel.nextTime;
    reference.step();
    store.getState().stepToNextEvent();
    expect(store.getState().now).toBe(due);
    expect(JSON.stringify(store.getState().sim.snapshot())).toBe(JSON.stringify(reference.snapshot()));
  });

  it('makes the next scenario call when it comes before any event', () => {
    const store = createSessionStore({ scenario: timed, frames: noFrames });
    store.getState().stepToNextEvent();
    expect(store.getState().now).toBe(10);
    expect(store.getState().failures.map((f) => f.step)).toEqual([1, 3, 5]);
  });

  it('stepping again and again passes the same states as a straight run', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    for (let i = 0; i < 60; i++) store.getState().stepToNextEvent();
    const t = store.getState().now;
    store.getState().seek(t); // completes the moment: every event due at t
    expect(worldJson(store.getState().sim)).toBe(worldJson(straightRun(defaultScenario, [], t)));
  });
});

describe('time travel', () => {
  it('seeking backwards shows exactly the world of a straight run to that time', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(95);
    store.getState().call('ecs:RunTask', runTask);
    store.getState().advance(400);
    for (const t of [0, 61, 95, 96.5, 130, 200]) {
      store.getState().seek(t);
      expect(store.getState().now).toBe(t);
      expect(worldJson(store.getState().sim)).toBe(worldJson(straightRun(defaultScenario, store.getState().commands, t)));
    }
    expect(store.getState().horizon).toBe(495);
  });

  it('a seek within an hour is quick (figure printed, not asserted)', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(3600);
    for (const t of [1800, 30, 3599]) store.getState().seek(t); // warm up
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = (i * 1777.7) % 3600;
      const start = performance.now();
      store.getState().seek(t);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`seek within an hour of the default scenario: median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms (20 seeks)`);
    expect(store.getState().now).toBe((19 * 1777.7) % 3600);
  });
});

describe('edits, undo, redo and forks', () => {
  it('records a successful call at the playhead in the command log', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(100);
    const result = store.getState().call('ecs:RunTask', runTask);
    expect(result.error).toBeUndefined();
    expect(store.getState().commands).toEqual([{ at: 100, call: 'ecs:RunTask', input: runTask }]);
    expect(store.getState().canUndo).toBe(true);
  });

  it('does not record a call that fails, and the world stays as it was', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(100);
    const before = worldJson(store.getState().sim);
    const result = store.getState().call('ecs:RunTask', { cluster: 'nope', taskDefinition: 'web' });
    expect(result.error?.code).toBe('ClusterNotFoundException');
    expect(store.getState().commands).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    expect(worldJson(store.getState().sim)).toBe(before);
  });

  it('undo takes the last edit back at the playhead; redo makes it again', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(100);
    store.getState().call('ecs:RunTask', runTask);
    store.getState().advance(50);
    const withEdit = worldJson(store.getState().sim);
    store.getState().undo();
    expect(store.getState().commands).toEqual([]);
    expect(store.getState().now).toBe(150);
    expect(worldJson(store.getState().sim)).toBe(worldJson(straightRun(defaultScenario, [], 150)));
    expect(store.getState().canRedo).toBe(true);
    store.getState().redo();
    expect(store.getState().commands).toHaveLength(1);
    expect(worldJson(store.getState().sim)).toBe(withEdit);
  });

  it('an edit in the past drops the later edits (a fork) and says how many; undo brings them back', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(100);
    store.getState().call('ecs:RunTask', runTask);
    store.getState().advance(50);
    store.getState().call('ecs:RunTask', runTask);
    store.getState().advance(50);
    store.getState().call('ecr:CreateRepository', { repositoryName: 'later' });
    const original = store.getState().commands;
    store.getState().seek(120);
    store.getState().call('ecr:CreateRepository', { repositoryName: 'fork' });
    expect(store.getState().commands.map((c) => [c.at, c.call])).toEqual([
      [100, 'ecs:RunTask'],
      [120, 'ecr:CreateRepository'],
    ]);
    expect(store.getState().forkNotice).toEqual({ discarded: 2, at: 120 });
    expect(store.getState().horizon).toBe(120);
    store.getState().advance(100);
    expect(worldJson(store.getState().sim)).toBe(worldJson(straightRun(defaultScenario, store.getState().commands, 220)));
    store.getState().undo();
    expect(store.getState().commands).toEqual(original);
    expect(worldJson(store.getState().sim)).toBe(worldJson(straightRun(defaultScenario, original, 220)));
  });

  it('a new edit after undo clears the redo stack', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(100);
    store.getState().call('ecs:RunTask', runTask);
    store.getState().undo();
    store.getState().call('ecr:CreateRepository', { repositoryName: 'other' });
    expect(store.getState().canRedo).toBe(false);
  });

  it('bumps the version whenever the world may have changed', () => {
    const store = createSessionStore({ scenario: timed, frames: noFrames });
    const before = store.getState().version;
    store.getState().call('nope:Edit', {});
    expect(store.getState().version).toBeGreaterThan(before);
  });
});
