import { describe, it, expect } from 'vitest';
import { SPIKE_AT_SECONDS, SPIKE_END_SECONDS, targetTrackingSpike } from './target-tracking-spike';
import { play, serviceOf } from './play';

/** desiredCount of service web, sampled every minute: [time, desired][]. */
function desiredOverTime() {
  const samples: [number, number][] = [];
  const sim = play(targetTrackingSpike, {
    every: 60,
    sample: (s) => {
      if (Object.keys(s.world.services).length) samples.push([s.now, serviceOf(s, 'web').desiredCount]);
    },
  });
  return { sim, samples };
}

const firstTime = (samples: [number, number][], from: number, test: (desired: number) => boolean) => samples.find(([t, d]) => t >= from && test(d))?.[0];

describe('target tracking on CPU 50% during a traffic spike', () => {
  it('keeps 2 tasks before the spike, and raises the desired count within a few minutes of it (3 minutes above target)', () => {
    const { samples } = desiredOverTime();
    expect(samples.filter(([t]) => t < SPIKE_AT_SECONDS).every(([, d]) => d === 2)).toBe(true);
    const up = firstTime(samples, SPIKE_AT_SECONDS, (d) => d > 2);
    expect(up).toBeDefined();
    expect(up! - SPIKE_AT_SECONDS).toBeGreaterThanOrEqual(180);
    expect(up! - SPIKE_AT_SECONDS).toBeLessThanOrEqual(300);
  });

  it('falls back to 2 only after 15 minutes below the scale-in threshold once the spike is over', () => {
    const { sim, samples } = desiredOverTime();
    const down = firstTime(samples, SPIKE_END_SECONDS, (d) => d === 2);
    expect(down).toBeDefined();
    expect(down! - SPIKE_END_SECONDS).toBeGreaterThanOrEqual(900);
    expect(serviceOf(sim, 'web').desiredCount).toBe(2);
    const activities = sim.world.events.filter((e) => e.kind === 'appAutoScaling.activity').map((e) => e.message);
    expect(activities[0]).toMatch(/^Setting desired count to \d+ for service\/prod\/web: CPUUtilization [\d.]+ > target 50/);
    expect(activities.at(-1)).toMatch(/AlarmLow/);
  });
});
