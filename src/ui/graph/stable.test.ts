import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { samePlain } from './stable';

/** JSON with keys in sorted order: two values are the same data when these are equal. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

describe('samePlain, the test for "this node did not change"', () => {
  it('holds for any plain value and its copy', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => samePlain(v, structuredClone(v))));
  });

  it('agrees with comparing the values as JSON (keys in any order, undefined keys absent)', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom({ a: 1 }, { a: 1, b: undefined }, { b: undefined, a: 1 }, [1, 2], { a: [1, 2] }));
    fc.assert(fc.property(value, value, (a, b) => samePlain(a, b) === (canonical(a) === canonical(b))));
  });

  it('sees a change deep inside a node', () => {
    const node = { id: 't', data: { task: { lastStatus: 'RUNNING', hostPorts: [32768] } }, position: { x: 0, y: 0 } };
    expect(samePlain(node, { ...node, data: { task: { lastStatus: 'RUNNING', hostPorts: [32769] } } })).toBe(false);
    expect(samePlain(node, { ...node, position: { x: 0, y: 1 } })).toBe(false);
    expect(samePlain([1], { 0: 1 })).toBe(false);
  });
});
