import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { createWorld } from '../../world/create';
import { findSeries, putDatapoint, readPeriod, seriesKey, sortDimensions, storedBuckets, TIERS } from './store';

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

  it('keys a series with the JSON text of [namespace, metric name, sorted [Name, Value] pairs], whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(fc.record({ Name: fc.string(), Value: fc.string() }), { maxLength: 5 }), (ns, name, dims) => {
        expect(seriesKey(ns, name, dims)).toBe(JSON.stringify([ns, name, sortDimensions(dims).map((d) => [d.Name, d.Value])]));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the raw values of each minute for percentiles: every value with its count, or none once a datum is not one value repeated', () => {
    const datum = fc.oneof(
      fc.record({ value: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ statisticValues: fc.constantFrom({ SampleCount: 4, Sum: 8, Minimum: 2, Maximum: 2 }, { SampleCount: 2, Sum: 3, Minimum: 1, Maximum: 2 }) }),
      fc.record({ values: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), counts: fc.constant(undefined) }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ minute: fc.integer({ min: 0, max: 2 }), d: datum }), { maxLength: 12 }), (data) => {
        const w = createWorld();
        const expected = new Map<number, Map<number, number> | null>();
        for (const { minute, d } of data) {
          putDatapoint(w, { namespace: 'App', metricName: 'X', at: minute * 60 + 5, ...d });
          const known = expected.has(minute) ? expected.get(minute)! : new Map<number, number>();
          let next: Map<number, number> | null = known;
          if (!known) next = null;
          else if ('statisticValues' in d) next = d.statisticValues.Minimum === d.statisticValues.Maximum ? known.set(2, (known.get(2) ?? 0) + 4) : null;
          else for (const v of 'value' in d ? [d.value] : d.values) known.set(v, (known.get(v) ?? 0) + 1);
          expected.set(minute, next);
        }
        const series = findSeries(w, 'App', 'X');
        for (const [minute, values] of expected) {
          const got = readPeriod(series!, minute * 60, 60, 600)!.values;
          const pairs = (xs: number[]) => Array.from({ length: xs.length / 2 }, (_, i) => [xs[2 * i], xs[2 * i + 1]] as const).sort((a, b) => a[0] - b[0]);
          if (values === null) expect(got).toBeUndefined();
          else expect(pairs(got!)).toEqual([...values].sort((a, b) => a[0] - b[0]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes a datum into the world it is given, also to a copy of a world already written to (restored snapshots)', () => {
    const w = createWorld();
    const dims = [{ Name: 'LoadBalancer', Value: 'app/web/1' }];
    putDatapoint(w, { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: dims, dimensionsKey: '[["LoadBalancer","app/web/1"]]', at: 5, value: 1 });
    const copy = structuredClone(w);
    putDatapoint(copy, { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: dims, dimensionsKey: '[["LoadBalancer","app/web/1"]]', at: 6, value: 1 });
    expect(readPeriod(findSeries(copy, 'AWS/ApplicationELB', 'RequestCount', dims)!, 0, 60, 60)!.SampleCount).toBe(2);
    expect(readPeriod(findSeries(w, 'AWS/ApplicationELB', 'RequestCount', dims)!, 0, 60, 60)!.SampleCount).toBe(1);
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
