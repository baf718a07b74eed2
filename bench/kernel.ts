/**
 * Kernel event throughput in the classic "hold" model: N events wait; each step pops the earliest
 * and schedules one more a random (exponential) delay later, so the queue stays at N.
 *
 * Measured side by side in one run, on the same pre-drawn delays:
 *  - kernel:      the engine's Kernel (typed-array heap + payloads + handler dispatch by type);
 *  - flat heap:   a plain binary heap of bare times in one Float64Array (no payloads, no
 *                 dispatch): the fastest reasonable baseline, the ratio's denominator;
 *  - object heap: a binary heap of {time, priority, seq, event} objects with a comparator
 *                 function, the common textbook shape, for contrast.
 */
import { Kernel, type KernelEvent } from '../src/engine/kernel/kernel';

const DELAYS = 1 << 16;

function drawDelays(): Float64Array {
  const delays = new Float64Array(DELAYS);
  let s = 12345;
  for (let i = 0; i < DELAYS; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    delays[i] = -Math.log(1 - s / 4294967296) * 10;
  }
  return delays;
}

function kernelHold(waiting: number, steps: number, delays: Float64Array): number {
  let i = 0;
  const kernel = new Kernel<null>(null, 1, (k, e) => {
    k.schedule(delays[i++ & (DELAYS - 1)], e);
  });
  for (let n = 0; n < waiting; n++) kernel.schedule(delays[i++ & (DELAYS - 1)], { type: 'hold' });
  const t0 = performance.now();
  for (let n = 0; n < steps; n++) kernel.step();
  return performance.now() - t0;
}

function flatHeapHold(waiting: number, steps: number, delays: Float64Array): number {
  let heap = new Float64Array(1024);
  let size = 0;
  const push = (t: number) => {
    if (size === heap.length) {
      const h = new Float64Array(size * 2);
      h.set(heap);
      heap = h;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= t) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const pop = () => {
    const top = heap[0];
    const t = heap[--size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1] < heap[c]) c++;
      if (t <= heap[c]) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = t;
    return top;
  };
  let i = 0;
  for (let n = 0; n < waiting; n++) push(delays[i++ & (DELAYS - 1)]);
  const t0 = performance.now();
  for (let n = 0; n < steps; n++) {
    const now = pop();
    push(now + delays[i++ & (DELAYS - 1)]);
  }
  return performance.now() - t0;
}

interface Entry {
  time: number;
  priority: number;
  seq: number;
  event: KernelEvent;
}

function objectHeapHold(waiting: number, steps: number, delays: Float64Array): number {
  const heap: Entry[] = [];
  const less = (a: Entry, b: Entry) => a.time - b.time || a.priority - b.priority || a.seq - b.seq;
  let seq = 0;
  const push = (e: Entry) => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(heap[p], e) <= 0) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = e;
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && less(heap[c + 1], heap[c]) < 0) c++;
        if (less(last, heap[c]) <= 0) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  let i = 0;
  for (let n = 0; n < waiting; n++) push({ time: delays[i++ & (DELAYS - 1)], priority: 0, seq: seq++, event: { type: 'hold' } });
  const t0 = performance.now();
  for (let n = 0; n < steps; n++) {
    const e = pop();
    push({ time: e.time + delays[i++ & (DELAYS - 1)], priority: 0, seq: seq++, event: e.event });
  }
  return performance.now() - t0;
}

export interface KernelBench {
  waiting: number;
  steps: number;
  kernelPerSecond: number;
  flatHeapPerSecond: number;
  objectHeapPerSecond: number;
  ratioToFlatHeap: number;
  ratioToObjectHeap: number;
}

/** Interleaves the three, several rounds, and keeps each one's best round. */
export function benchKernel(waiting = 10_000, steps = 1_000_000, rounds = 5): KernelBench {
  const delays = drawDelays();
  let k = Infinity;
  let f = Infinity;
  let o = Infinity;
  for (let r = 0; r < rounds; r++) {
    k = Math.min(k, kernelHold(waiting, steps, delays));
    f = Math.min(f, flatHeapHold(waiting, steps, delays));
    o = Math.min(o, objectHeapHold(waiting, steps, delays));
  }
  const perSecond = (ms: number) => (steps / ms) * 1000;
  return {
    waiting,
    steps,
    kernelPerSecond: perSecond(k),
    flatHeapPerSecond: perSecond(f),
    objectHeapPerSecond: perSecond(o),
    ratioToFlatHeap: f / k,
    ratioToObjectHeap: o / k,
  };
}
