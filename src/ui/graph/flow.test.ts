import { describe, it, expect } from 'vitest';
import { applyFlow, createFlowClock, FLOW_DASH, flowOffset, flowSpeed } from './flow';
import { PLAYBACK_REFRESH_MS } from '../../store/player';
import type { SandboxEdge } from './types';

const traffic = (requestsPerSecond: number): SandboxEdge => ({ id: `t${requestsPerSecond}`, source: 'a', target: 'b', data: { relation: 'traffic', requestsPerSecond } });

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

  it('sets the dashes of edges with traffic only', () => {
    const idle = traffic(0);
    const other: SandboxEdge = { id: 'x', source: 'a', target: 'b', data: { relation: 'service' } };
    const [busy, stillIdle, same] = applyFlow([traffic(50), idle, other], 2);
    expect(busy.style).toMatchObject({ strokeDasharray: '8 6', strokeDashoffset: flowOffset(2, 50) });
    expect(stillIdle).toBe(idle);
    expect(same).toBe(other);
  });
});
