/**
 * The transport's frame loop: on each animation frame, move simulated time by the real time that
 * passed times the speed (1x, 10x, 60x), or at 'max' run as many events as fit in MAX_FRAME_MS of
 * wall time. The frame clock and the wall clock are injectable, so tests drive frames by hand.
 */

/** How the store gets animation frames; the browser's by default, a fake one in tests. */
export interface FrameClock {
  request(callback: (timestampMs: number) => void): number;
  cancel(handle: number): void;
}

/** Real milliseconds (performance.now in the browser). */
export type WallClock = () => number;

/**
 * Choice: a frame never moves the clock by more than this many real seconds, so coming back to a
 * hidden tab (requestAnimationFrame pauses there) does not jump the simulation minutes ahead.
 */
export const MAX_FRAME_SECONDS = 0.25;

/** At 'max' speed, the wall time one frame may spend running events (leaves room to render at 60 fps). */
export const MAX_FRAME_MS = 12;

/**
 * While playing, what the simulation did is shown at most this often (real milliseconds of frame
 * time): the clock, the timeline, the canvas and the rest change together in one frame, and the
 * frames between change nothing on screen. Choice (issue #4's frame budget): drawing the clock on
 * every frame made every frame of 60x playback a frame with something to paint, on top of the
 * canvas's own redraws on other frames; at 10 updates a second a 60x clock moves 6 s at a time.
 * The simulation itself still runs on every frame, so its pace does not change.
 */
export const PLAYBACK_REFRESH_MS = 100;

export const browserFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface PlayerHooks {
  frames: FrameClock;
  wallClock?: WallClock;
  speed(): number | 'max';
  isPlaying(): boolean;
  /** Move simulated time forward by this many seconds. */
  advance(seconds: number): void;
  /** Run events until the budget (ms of wall time) is spent. */
  runBurst(budgetMs: number, wall: WallClock): void;
  /** Show what ran since the last call (at most every PLAYBACK_REFRESH_MS while playing, and on stop). */
  publish(): void;
}

export function createPlayer(hooks: PlayerHooks) {
  const wall: WallClock = hooks.wallClock ?? (() => performance.now());
  let frame: number | undefined;
  let lastFrameMs: number | undefined;
  let lastPublishMs: number | undefined;

  function onFrame(timestampMs: number): void {
    frame = undefined;
    if (!hooks.isPlaying()) return;
    const speed = hooks.speed();
    if (speed === 'max') hooks.runBurst(MAX_FRAME_MS, wall);
    else if (lastFrameMs !== undefined) {
      const realSeconds = Math.min(Math.max(0, (timestampMs - lastFrameMs) / 1000), MAX_FRAME_SECONDS);
      hooks.advance(realSeconds * speed);
    }
    lastFrameMs = timestampMs;
    // A frame's timestamp is when the frame began: a frame due within a millisecond of the
    // interval counts as on time, so the updates do not slip to every other refresh.
    if (lastPublishMs === undefined || timestampMs - lastPublishMs >= PLAYBACK_REFRESH_MS - 1) {
      hooks.publish();
      lastPublishMs = timestampMs;
    }
    if (hooks.isPlaying()) frame = hooks.frames.request(onFrame);
  }

  return {
    start(): void {
      lastFrameMs = undefined;
      lastPublishMs = undefined;
      frame ??= hooks.frames.request(onFrame);
    },
    stop(): void {
      if (frame !== undefined) hooks.frames.cancel(frame);
      frame = undefined;
      lastFrameMs = undefined;
      lastPublishMs = undefined;
      hooks.publish();
    },
  };
}
