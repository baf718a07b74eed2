/**
 * The session around one simulation (DESIGN.md "Edits are data"): the initial scenario, the
 * user's command log and the playhead, with time travel (checkpoints + replay), undo/redo, forks
 * and the transport. A vanilla zustand store, so it runs (and is tested) without React;
 * src/store/hooks.ts binds it to React with atomic selectors.
 *
 * The Simulation is mutable: the store publishes `version` (bumped whenever the world may have
 * changed) and `now`, and components read `sim.world` after selecting them (hooks.ts `useWorld`).
 * Every API call the UI makes goes through `call`, which records it in the command log at the
 * playhead, so undo, share links and replays see it.
 */
import { createStore } from 'zustand/vanilla';
import type { CallResult, Simulation } from '../engine/simulation';
import type { Scenario } from '../scenario/schema';
import { makeEnvelope, type Envelope } from '../scenario/envelope';
import type { Command, StepFailure } from './commands';
import { appendMarkers, type Marker } from './markers';
import { createTimeline, type Timeline } from './timeline';
import { browserFrames, createPlayer, type FrameClock, type WallClock } from './player';

export type { Command, StepFailure } from './commands';
export type { Marker, MarkerKind } from './markers';
export type { FrameClock, WallClock } from './player';
export { MAX_FRAME_SECONDS, MAX_FRAME_MS, PLAYBACK_REFRESH_MS } from './player';

export const SPEEDS = [1, 10, 60, 'max'] as const;
/** Simulated seconds per real second, or 'max': as many events per frame as fit in ~12 ms. */
export type Speed = (typeof SPEEDS)[number];

/** Set when an edit in the past discarded later commands. */
export interface ForkNotice {
  /** How many later commands were discarded. */
  discarded: number;
  /** The simulated time of the edit that forked. */
  at: number;
}

/** A banner above the app, e.g. for a link that could not be opened. */
export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export interface SessionState {
  /** The live simulation at the playhead (replaced only by load/loadEnvelope). */
  sim: Simulation;
  scenario: Scenario;
  /** The playhead, simulated seconds. */
  now: number;
  /** The furthest time this timeline has been computed to (>= now after an edit only equal). */
  horizon: number;
  /** Bumped whenever the world may have changed: select it to re-render from the world. */
  version: number;
  playing: boolean;
  speed: Speed;
  /** The user's command log (edits as API calls at simulated times), in time order. */
  commands: readonly Command[];
  canUndo: boolean;
  canRedo: boolean;
  forkNotice: ForkNotice | null;
  message: Banner | null;
  /** Timeline markers up to the horizon (deployments, scaling, failures), in time order. */
  markers: readonly Marker[];
  /** Scenario steps that answered with an error, up to the playhead. */
  failures: readonly StepFailure[];

  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  /** Moves the playhead forward by `seconds`, running events and timed calls as they come due. */
  advance(seconds: number): void;
  /** Runs exactly the next kernel event, or the next timed call(s) due, whichever comes first. */
  stepToNextEvent(): void;
  /** Moves the playhead to t >= 0: backwards restores a checkpoint and replays; forwards runs. */
  seek(t: number): void;
  /**
   * A user edit at the playhead. If commands exist after the playhead they are discarded (a fork;
   * forkNotice says how many). A call that answers with an error is not recorded and leaves the
   * world as it was (the UI shows the error inline).
   */
  call(name: string, input?: unknown): CallResult;
  /**
   * Several edits as one (a form that creates a load balancer, a target group and a listener):
   * `run` makes its calls through the `call` it is handed, each at the playhead as `call` would,
   * and the batch is one undo step and one group in the command log (the commands it recorded sit
   * together, at the same time). A call that fails inside keeps what succeeded before it, as AWS
   * would (each API call stands on its own); `run` decides whether to go on. Returns what `run` returns.
   */
  batch<T>(run: (call: (name: string, input?: unknown) => CallResult) => T): T;
  /** Takes back the last edit or batch (a fork's edit: brings back what it discarded). */
  undo(): void;
  redo(): void;
  /** A new session on this scenario, at time 0, paused, with no commands. */
  load(scenario: Scenario): void;
  /** A session from an envelope: scenario + commands, at its playhead, paused. */
  loadEnvelope(envelope: Envelope): void;
  toEnvelope(): Envelope;
  dismissForkNotice(): void;
  showMessage(message: Banner | null): void;
}

export interface SessionOptions {
  scenario: Scenario;
  /** Start from an envelope instead (scenario + commands + playhead). */
  envelope?: Envelope;
  speed?: Speed;
  /** Start playing right after loading. */
  autoplay?: boolean;
  frames?: FrameClock;
  /** Real milliseconds, for the 'max' speed's frame budget (performance.now by default). */
  wallClock?: WallClock;
  /**
   * Real milliseconds, to space checkpoints by the work they save (checkpoints.ts); the app passes
   * performance.now. Absent (tests): one checkpoint per simulated minute.
   */
  workClock?: WallClock;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export function createSessionStore(options: SessionOptions) {
  const timelineOptions = { wallClock: options.workClock };
  let timeline: Timeline = createTimeline(options.scenario, [], timelineOptions);
  let undoStack: (readonly Command[])[] = [];
  let redoStack: (readonly Command[])[] = [];
  /** How many of the timeline's events the markers cover. */
  let marked = 0;

  const store = createStore<SessionState>()((set, get) => {
    /** Publishes the timeline's state; `rebuilt` when the timeline itself changed (edit, undo, load). */
    function publish(changed: boolean, rebuilt = false): void {
      const s = get();
      const events = timeline.sim.world.events;
      let markers = s.markers;
      if (rebuilt) {
        markers = appendMarkers([], events, 0);
        marked = events.length;
      } else if (events.length > marked) {
        markers = appendMarkers(markers, events, marked);
        marked = events.length;
      }
      const f = timeline.failures;
      const failuresChanged = rebuilt || f.length !== s.failures.length || f[f.length - 1] !== s.failures[s.failures.length - 1];
      set({
        sim: timeline.sim,
        scenario: timeline.scenario,
        now: timeline.sim.now,
        horizon: Math.max(timeline.horizon, timeline.sim.now),
        version: changed || rebuilt ? s.version + 1 : s.version,
        commands: timeline.commands,
        canUndo: undoStack.length > 0,
        canRedo: redoStack.length > 0,
        markers,
        failures: failuresChanged ? [...f] : s.failures,
      });
    }

    function start(next: Timeline, history: (readonly Command[])[]): void {
      player.stop();
      timeline = next;
      undoStack = history;
      redoStack = [];
      set({ playing: false, forkNotice: null });
      publish(true, true);
    }

    /** Whether the world changed since the player last published (it publishes every PLAYBACK_REFRESH_MS). */
    let unpublished: boolean | undefined;
    const player = createPlayer({
      frames: options.frames ?? browserFrames,
      wallClock: options.wallClock,
      speed: () => get().speed,
      isPlaying: () => get().playing,
      advance: (seconds) => void (unpublished = timeline.runTo(timeline.sim.now + seconds) || !!unpublished),
      publish: () => {
        if (unpublished === undefined) return;
        publish(unpublished);
        unpublished = undefined;
      },
      runBurst: (budgetMs, wall) => {
        let changed = false;
        const startMs = wall();
        do {
          const target = Math.min(timeline.sim.kernel.nextTime, timeline.nextCallAt);
          if (target === Infinity) {
            // Nothing is scheduled: let a minute of quiet pass per frame.
            changed = timeline.runTo(timeline.sim.now + 60) || changed;
            break;
          }
          changed = timeline.runTo(target) || changed;
        } while (wall() - startMs < budgetMs);
        unpublished = changed || !!unpublished;
      },
    });

    return {
      sim: timeline.sim,
      scenario: timeline.scenario,
      now: 0,
      horizon: 0,
      version: 0,
      playing: false,
      speed: options.speed ?? 10,
      commands: [],
      canUndo: false,
      canRedo: false,
      forkNotice: null,
      message: null,
      markers: [],
      failures: [],

      play() {
        if (get().playing) return;
        set({ playing: true });
        player.start();
      },
      pause() {
        set({ playing: false });
        player.stop();
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed });
      },
      advance(seconds) {
        if (!(seconds >= 0)) throw new RangeError(`cannot advance by ${seconds} seconds`);
        publish(timeline.runTo(timeline.sim.now + seconds));
      },
      stepToNextEvent() {
        publish(timeline.step());
      },
      seek(t) {
        publish(timeline.seek(Math.max(0, t)));
      },
      call(name, input) {
        const before = timeline.commands;
        const { result, discarded } = timeline.call(name, input);
        if (result.error) {
          publish(true);
          return result;
        }
        undoStack = [...undoStack, before];
        redoStack = [];
        if (discarded > 0) set({ forkNotice: { discarded, at: result.at } });
        publish(true, true);
        return result;
      },
      batch(run) {
        const before = timeline.commands;
        let discarded = 0;
        let at = timeline.sim.now;
        const callInBatch = (name: string, input?: unknown): CallResult => {
          const r = timeline.call(name, input);
          discarded += r.discarded;
          at = r.result.at;
          return r.result;
        };
        try {
          return run(callInBatch);
        } finally {
          const recorded = timeline.commands !== before;
          if (recorded) {
            undoStack = [...undoStack, before];
            redoStack = [];
          }
          if (discarded > 0) set({ forkNotice: { discarded, at } });
          publish(true, recorded);
        }
      },
      undo() {
        const previous = undoStack[undoStack.length - 1];
        if (!previous) return;
        undoStack = undoStack.slice(0, -1);
        redoStack = [...redoStack, timeline.commands];
        timeline.replaceCommands(previous);
        set({ forkNotice: null });
        publish(true, true);
      },
      redo() {
        const next = redoStack[redoStack.length - 1];
        if (!next) return;
        redoStack = redoStack.slice(0, -1);
        undoStack = [...undoStack, timeline.commands];
        timeline.replaceCommands(next);
        publish(true, true);
      },
      load(scenario) {
        start(createTimeline(scenario, [], timelineOptions), []);
      },
      loadEnvelope(envelope) {
        const next = createTimeline(envelope.scenario, envelope.commands, timelineOptions);
        next.seek(envelope.playhead);
        // The loaded commands can be undone one by one, newest first.
        start(next, envelope.commands.map((_, i) => envelope.commands.slice(0, i)));
      },
      toEnvelope() {
        return makeEnvelope(timeline.scenario, timeline.commands, timeline.sim.now);
      },
      dismissForkNotice() {
        set({ forkNotice: null });
      },
      showMessage(message) {
        set({ message });
      },
    };
  });

  if (options.envelope) store.getState().loadEnvelope(options.envelope);
  else store.getState().load(options.scenario);
  if (options.autoplay) store.getState().play();
  return store;
}
