/** A frame clock a test drives by hand: `fire(ms)` runs the pending frame callback. */
import type { FrameClock } from './player';

export function fakeFrames() {
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

/** A frame clock that never fires (for tests that move time by hand). */
export const noFrames: FrameClock = { request: () => 0, cancel: () => {} };
