/**
 * The session around one simulation: which scenario is loaded, how far its steps have run, and
 * the transport (play/pause, speed). A vanilla zustand store, so it runs (and is tested) without
 * React; src/store/hooks.ts binds it to React.
 *
 * Scenario steps run at their simulated times as the clock passes them (a call after
 * `{advance: 120}` runs when the clock reaches 120 s), so the learner watches the scenario happen.
 * Calls land at exactly the times the headless runner makes them, so the event log is the same.
 *
 * The Simulation is mutable; the store publishes `version` (bumped whenever the world may have
 * changed) and `now` (the simulated clock), and components read the world after selecting them.
 */
import { createStore } from 'zustand/vanilla';
import type { CallResult, Simulation } from '../engine/simulation';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/schema';

export const SPEEDS = [1, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * Choice: a frame never moves the clock by more than this many real seconds, so coming back to a
 * hidden tab (requestAnimationFrame pauses there) does not jump the simulation minutes ahead.
 */
export const MAX_FRAME_SECONDS = 0.25;

/** A scenario step that answered with an error (shown in the event log; the scenario goes on). */
export interface StepFailure {
  /** 1-based, as the headless runner names steps. */
  step: number;
  at: number;
  call: string;
  code: string;
  message: string;
}

export interface SessionState {
  sim: Simulation;
  scenario: Scenario;
  /** Index of the next scenario step to run (steps.length once all have run). */
  cursor: number;
  /** Simulated time the next scenario step is due (set by the last `advance` step). */
  nextStepAt: number;
  failures: StepFailure[];
  /** Simulated seconds, published on every frame. */
  now: number;
  /** Bumped whenever the world may have changed: select it to re-render from the world. */
  version: number;
  playing: boolean;
  speed: Speed;

  load(scenario: Scenario): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  /** Moves simulated time forward, running events and scenario steps as they come due. */
  advance(seconds: number): void;
  /** Makes an API call now (what a UI edit does). */
  call(name: string, input?: unknown): CallResult;
}

/** How the store gets animation frames; the browser's by default, a fake one in tests. */
export interface FrameClock {
  request(callback: (timestampMs: number) => void): number;
  cancel(handle: number): void;
}

export interface SessionOptions {
  scenario: Scenario;
  speed?: Speed;
  /** Start playing right after loading. */
  autoplay?: boolean;
  frames?: FrameClock;
}

const browserFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(options: SessionOptions) {
  const frames = options.frames ?? browserFrames;
  let frame: number | undefined;
  let lastFrameMs: number | undefined;

  const store = createStore<SessionState>()((set, get) => {
    /** Runs the scenario steps due now, up to the next `advance` step. */
    function runDueSteps(): void {
      const { sim, scenario } = get();
      let { cursor } = get();
      const failures: StepFailure[] = [];
      let nextStepAt = get().nextStepAt;
      while (cursor < scenario.steps.length) {
        const step = scenario.steps[cursor++];
        if ('advance' in step) {
          nextStepAt = sim.now + step.advance;
          break;
        }
        const result = sim.call(step.call, step.input ?? {});
        if (result.error) failures.push({ step: cursor, at: result.at, call: step.call, ...result.error });
      }
      set({ cursor, nextStepAt, failures: failures.length ? [...get().failures, ...failures] : get().failures });
    }

    function advance(seconds: number): void {
      const { sim } = get();
      const target = sim.now + seconds;
      let changed = false;
      for (;;) {
        const pending = get().cursor < get().scenario.steps.length;
        const stopAt = pending ? Math.min(target, get().nextStepAt) : target;
        if (sim.kernel.nextTime <= stopAt) changed = true;
        sim.runUntil(Math.max(stopAt, sim.now));
        if (pending && sim.now >= get().nextStepAt) {
          runDueSteps();
          changed = true;
          continue;
        }
        break;
      }
      set((s) => ({ now: sim.now, version: changed ? s.version + 1 : s.version }));
    }

    function onFrame(timestampMs: number): void {
      frame = undefined;
      if (!get().playing) return;
      if (lastFrameMs !== undefined) {
        const realSeconds = Math.min(Math.max(0, (timestampMs - lastFrameMs) / 1000), MAX_FRAME_SECONDS);
        advance(realSeconds * get().speed);
      }
      lastFrameMs = timestampMs;
      if (get().playing) frame = frames.request(onFrame);
    }

    function stopFrames(): void {
      if (frame !== undefined) frames.cancel(frame);
      frame = undefined;
      lastFrameMs = undefined;
    }

    return {
      sim: createSimulation(options.scenario),
      scenario: options.scenario,
      cursor: 0,
      nextStepAt: 0,
      failures: [],
      now: 0,
      version: 0,
      playing: false,
      speed: options.speed ?? 10,

      load(scenario) {
        stopFrames();
        set((s) => ({
          sim: createSimulation(scenario),
          scenario,
          cursor: 0,
          nextStepAt: 0,
          failures: [],
          now: 0,
          version: s.version + 1,
          playing: false,
        }));
        advance(0);
      },
      play() {
        if (get().playing) return;
        set({ playing: true });
        lastFrameMs = undefined;
        frame ??= frames.request(onFrame);
      },
      pause() {
        set({ playing: false });
        stopFrames();
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed });
      },
      advance,
      call(name, input) {
        const result = get().sim.call(name, input);
        set((s) => ({ version: s.version + 1 }));
        return result;
      },
    };
  });

  store.getState().load(options.scenario);
  if (options.autoplay) store.getState().play();
  return store;
}
