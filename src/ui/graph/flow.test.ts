import { describe, it, expect } from 'vitest';
import { createFlowClock, FLOW_DASH, flowSpeed, flowStyle } from './flow';
import { PLAYBACK_REFRESH_MS } from '../../store/player';

describe('traffic flow on the canvas', () => {
  it('moves faster for more requests, and each redraw of playback moves it less than half a dash period (no aliasing)', () => {
    expect(flowSpeed(500)).toBeGreaterThan(flowSpeed(5));
    const period = FLOW_DASH[0] + FLOW_DASH[1];
    for (const rate of [0.1, 5, 500, 1e6]) expect((flowSpeed(rate) * PLAYBACK_REFRESH_MS) / 1000).toBeLessThan(period / 2);
  });

  it('runs only while playing: paused, the dashes stand still', () => {
    const clock = createFlowClock();
    expect(clock.read(true, 1000)).toBe(0);
    expect(clock.read(true, 1100)).toBeCloseTo(0.1, 9);
    expect(clock.read(false, 1200)).toBeCloseTo(0.1, 9);
    expect(clock.read(false, 9000)).toBeCloseTo(0.1, 9);
    expect(clock.read(true, 10_000)).toBeCloseTo(0.1, 9); // playing again: starts from here
    expect(clock.read(true, 60_000)).toBeCloseTo(0.35, 9); // a hidden tab: at most 0.25 s per redraw
  });

  it('gives a busy edge dashes and its speed, an idle one neither', () => {
    expect(flowStyle(50)).toEqual({ strokeDasharray: '8 6', '--sb-flow-speed': Math.round(flowSpeed(50) * 10) / 10 });
    expect(flowStyle(0)).toEqual({});
  });
});
