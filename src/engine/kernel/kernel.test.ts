import { describe, expect, it } from 'vitest';
import { Kernel, type KernelEvent } from './kernel';

const recorder = () => {
  const seen: string[] = [];
  const kernel = new Kernel<{ n: number }>({ n: 0 }, 1, (k, e) => {
    seen.push(`${k.now}:${e.type}`);
    k.world.n++;
    if (e.type === 'again' && k.world.n < 5) k.schedule(1, { type: 'again' });
  });
  return { kernel, seen };
};

describe('the kernel', () => {
  it('runs events in order of time, then priority, then the order they were scheduled', () => {
    const { kernel, seen } = recorder();
    kernel.schedule(5, { type: 'late' });
    kernel.schedule(1, { type: 'b' }, 1);
    kernel.schedule(1, { type: 'a' }, 0);
    kernel.schedule(1, { type: 'c' }, 1);
    kernel.runUntil(10);
    expect(seen).toEqual(['1:a', '1:b', '1:c', '5:late']);
    expect(kernel.now).toBe(10);
  });

  it('refuses negative delays and running backwards', () => {
    const { kernel } = recorder();
    expect(() => kernel.schedule(-1, { type: 'x' })).toThrow(/delay/);
    kernel.advance(5);
    expect(() => kernel.runUntil(4)).toThrow(/already at 5/);
  });

  it('steps one event at a time and says when nothing is left', () => {
    const { kernel, seen } = recorder();
    kernel.schedule(2, { type: 'x' });
    expect(kernel.step()).toBe(true);
    expect(kernel.now).toBe(2);
    expect(kernel.step()).toBe(false);
    expect(seen).toEqual(['2:x']);
  });

  it('restores a snapshot to the same future, random numbers included', () => {
    const { kernel } = recorder();
    kernel.schedule(1, { type: 'again' });
    kernel.advance(1.5);
    const snap = kernel.snapshot();
    const drawn = [kernel.random.next(), kernel.random.next()];
    kernel.advance(10);
    const after = structuredClone(kernel.world);
    kernel.restore(snap);
    expect(kernel.now).toBe(1.5);
    expect([kernel.random.next(), kernel.random.next()]).toEqual(drawn);
    kernel.advance(10);
    expect(kernel.world).toEqual(after);
  });

  it('keeps thousands of events in exact order (heap check against a sort)', () => {
    const order: number[] = [];
    const kernel = new Kernel<null>(null, 3, (_k, e: KernelEvent) => order.push(e.id as number));
    const expected: { t: number; p: number; id: number }[] = [];
    for (let id = 0; id < 5000; id++) {
      const t = kernel.random.int(100);
      const p = kernel.random.int(3);
      expected.push({ t, p, id });
      kernel.schedule(t, { type: 'e', id }, p);
    }
    kernel.runUntil(1000);
    expected.sort((a, b) => a.t - b.t || a.p - b.p || a.id - b.id);
    expect(order).toEqual(expected.map((e) => e.id));
  });
});
