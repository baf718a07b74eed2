import { describe, it, expect } from 'vitest';
import { createWorld } from '../../world/create';
import { findSeries, putDatapoint, readPeriod, storedBuckets, TIERS } from './store';

const DAY = 86400;

describe('the metric store', () => {
  it('keys a series by namespace, name and dimensions in any order', () => {
    const w = createWorld();
    putDatapoint(w, { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ Name: 'ServiceName', Value: 'web' }, { Name: 'ClusterName', Value: 'prod' }], at: 0, value: 40 });
    putDatapoint(w, { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'web' }], at: 10, value: 60 });
    expect(Object.keys(w.metrics)).toHaveLength(1);
    const s = findSeries(w, 'AWS/ECS', 'CPUUtilization', [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'web' }])!;
    expect(readPeriod(s, 0, 60, 60)).toMatchObject({ SampleCount: 2, Sum: 100, Minimum: 40, Maximum: 60 });
  });

  it('keeps memory bounded: a 15-day run of one datapoint a minute stores at most the tiers capacity', () => {
    const w = createWorld();
    for (let t = 0; t < 15 * DAY; t += 60) putDatapoint(w, { namespace: 'App', metricName: 'X', at: t, value: 1 });
    const s = findSeries(w, 'App', 'X')!;
    expect(storedBuckets(s)).toBe(TIERS.reduce((n, t) => n + t.capacity, 0));
  });

  it('answers minute periods for the last 24 hours only, and older hours from the hourly roll-up', () => {
    const w = createWorld();
    const now = 3 * DAY;
    for (let t = 0; t < now; t += 60) putDatapoint(w, { namespace: 'App', metricName: 'X', at: t, value: 2 });
    const s = findSeries(w, 'App', 'X')!;
    expect(readPeriod(s, now - 120, 60, now)).toMatchObject({ SampleCount: 1, Sum: 2 });
    expect(readPeriod(s, 3600, 60, now)).toBeUndefined(); // a minute two days ago: expired
    expect(readPeriod(s, 3600, 3600, now)).toMatchObject({ SampleCount: 60, Sum: 120, Minimum: 2, Maximum: 2 });
  });
});
