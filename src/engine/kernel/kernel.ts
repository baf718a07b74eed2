/**
 * The discrete-event kernel, after SimPy's core: one heap of (time, priority, seq, event), a loop
 * of a few lines, and no way to move backwards. Events are plain data (`{ type, ...fields }`)
 * dispatched to a handler by `type`, so the whole kernel state (clock, queue, random state and the
 * world) is structured-clonable: that is what snapshot/restore, replay and share links rely on.
 *
 * Handlers must not hold references into the world across events; an event that may have become
 * stale (a timer for a task that already stopped) is checked against the world when it fires.
 */
import { EventQueue } from './queue';
import { Random, seedState, type RandomState } from './random';

export interface KernelEvent {
  type: string;
  [field: string]: unknown;
}

export type EventHandler<W, E extends KernelEvent = KernelEvent> = (kernel: Kernel<W>, event: E) => void;

export interface KernelSnapshot<W> {
  now: number;
  nextSeq: number;
  random: RandomState;
  world: W;
  queue: { time: number; priority: number; seq: number; event: KernelEvent }[];
}

export class Kernel<W> {
  now = 0;
  world: W;
  readonly random: Random;
  private readonly queue = new EventQueue<KernelEvent>();
  private nextSeq = 0;

  constructor(
    world: W,
    seed: number,
    private readonly handle: (kernel: Kernel<W>, event: KernelEvent) => void,
  ) {
    this.world = world;
    this.random = new Random(seedState(seed));
  }

  /** Number of events waiting. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next event, or Infinity. */
  get nextTime(): number {
    return this.queue.peekTime();
  }

  /** Schedules `event` `delay` seconds from now. Lower priority runs first among equal times. */
  schedule(delay: number, event: KernelEvent, priority = 0): void {
    if (!(delay >= 0) || !Number.isFinite(delay)) {
      throw new RangeError(`cannot schedule ${event.type} with delay ${delay}: delays must be finite and >= 0`);
    }
    this.queue.push(this.now + delay, priority, this.nextSeq++, event);
  }

  /** Schedules `event` at absolute time `at` (not in the past). */
  scheduleAt(at: number, event: KernelEvent, priority = 0): void {
    this.schedule(at - this.now, event, priority);
  }

  /** Runs the next event. Returns false when nothing is waiting. */
  step(): boolean {
    const event = this.queue.pop();
    if (event === undefined) return false;
    this.now = this.queue.lastTime;
    this.handle(this, event);
    return true;
  }

  /** Runs every event due at or before `t`, then sets the clock to `t`. */
  runUntil(t: number): void {
    if (t < this.now) throw new RangeError(`cannot run until ${t}: the clock is already at ${this.now}`);
    const queue = this.queue;
    while (queue.size > 0 && queue.peekTime() <= t) {
      const event = queue.pop()!;
      this.now = queue.lastTime;
      this.handle(this, event);
    }
    this.now = t;
  }

  /** Moves time forward by `seconds`, running every event due. */
  advance(seconds: number): void {
    if (!(seconds >= 0)) throw new RangeError(`cannot advance by ${seconds} seconds`);
    this.runUntil(this.now + seconds);
  }

  /** The whole kernel state as plain data (a deep copy). */
  snapshot(): KernelSnapshot<W> {
    return structuredClone({
      now: this.now,
      nextSeq: this.nextSeq,
      random: [...this.random.state] as RandomState,
      world: this.world,
      queue: this.queue.entries(),
    });
  }

  /** Replaces the whole kernel state with a (deep copy of a) snapshot. */
  restore(snapshot: KernelSnapshot<W>): void {
    const s = structuredClone(snapshot);
    this.now = s.now;
    this.nextSeq = s.nextSeq;
    this.random.state = s.random;
    this.world = s.world;
    this.queue.clear();
    for (const e of s.queue) this.queue.push(e.time, e.priority, e.seq, e.event);
  }
}
