/**
 * One simulated AWS account: the kernel (clock, queue, seeded random, world) plus the API surface
 * and the control processes. Everything a user, a scenario file or a share link does goes through
 * `call(action, input)` with AWS SDK request shapes and comes back as `{ output }` or
 * `{ error: { code, message } }`.
 */
import { Kernel, type KernelEvent, type KernelSnapshot } from './kernel/kernel';
import type { Random } from './kernel/random';
import { createWorld } from './world/create';
import { SIM_EPOCH_MS, type SimEvent, type World } from './world/types';
import { AwsError } from './aws/errors';
import { asInput, type Input } from './aws/validate';
import { actions } from './aws';
import { eventHandlers } from './control';

export interface SimulationOptions {
  seed?: number;
  region?: string;
  accountId?: string;
}

export interface CallError {
  code: string;
  message: string;
}

export type CallResult =
  | { at: number; call: string; output: unknown; error?: undefined }
  | { at: number; call: string; error: CallError; output?: undefined };

/** An API action: validate input -> change the world -> schedule follow-up events -> output. */
export type Action = (sim: Simulation, input: Input) => unknown;

/** A control process's reaction to one kernel event. */
export type EventHandler = (sim: Simulation, event: KernelEvent) => void;

export type SimulationSnapshot = KernelSnapshot<World> & { seed: number };

export class Simulation {
  readonly kernel: Kernel<World>;
  readonly seed: number;

  constructor(options: SimulationOptions = {}) {
    this.seed = options.seed ?? 1;
    const world = createWorld(options.region ?? 'us-east-1', options.accountId ?? '123456789012');
    this.kernel = new Kernel<World>(world, this.seed, (_kernel, event) => this.handle(event));
  }

  get world(): World {
    return this.kernel.world;
  }

  /** Simulated seconds since the start. */
  get now(): number {
    return this.kernel.now;
  }

  get random(): Random {
    return this.kernel.random;
  }

  /** A simulated timestamp as the Date the SDK would return. */
  date(seconds: number): Date;
  date(seconds: number | undefined): Date | undefined;
  date(seconds: number | undefined): Date | undefined {
    return seconds === undefined ? undefined : new Date(SIM_EPOCH_MS + seconds * 1000);
  }

  /** Calls an API action, e.g. `call('ecs:RunTask', {...})`. Never throws for bad input. */
  call(name: string, input?: unknown): CallResult {
    const at = this.now;
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) {
      return { at, call: name, error: { code: 'UnknownOperationException', message: unknownActionMessage(name) } };
    }
    try {
      const output = action(this, asInput(input));
      return { at, call: name, output: output === undefined ? {} : structuredClone(output) };
    } catch (e) {
      if (e instanceof AwsError) return { at, call: name, error: { code: e.code, message: e.message } };
      const message = e instanceof Error ? e.message : String(e);
      return { at, call: name, error: { code: 'InternalFailure', message: `The simulator failed on ${name}: ${message}` } };
    }
  }

  /** Schedules a control event `delay` seconds from now. */
  schedule(delay: number, event: KernelEvent, priority = 0): void {
    this.kernel.schedule(delay, event, priority);
  }

  /** Appends to the event log. */
  emit(event: Omit<SimEvent, 'at'>): void {
    this.world.events.push({ at: this.now, ...event });
  }

  advance(seconds: number): void {
    this.kernel.advance(seconds);
  }

  runUntil(t: number): void {
    this.kernel.runUntil(t);
  }

  step(): boolean {
    return this.kernel.step();
  }

  snapshot(): SimulationSnapshot {
    return { ...this.kernel.snapshot(), seed: this.seed };
  }

  restore(snapshot: SimulationSnapshot): void {
    this.kernel.restore(snapshot);
  }

  private handle(event: KernelEvent): void {
    const handler = Object.hasOwn(eventHandlers, event.type) ? eventHandlers[event.type] : undefined;
    if (!handler) throw new Error(`no handler for event type ${event.type}`);
    handler(this, event);
  }
}

export const actionNames = (): string[] => Object.keys(actions).sort();

/** The CLI's service prefixes (DESIGN.md), plus sim: for what AWS has no API for. */
const SERVICE_PREFIXES = ['ecr', 'ecs', 'ec2', 'elbv2', 'autoscaling', 'application-autoscaling', 'cloudwatch', 'codedeploy', 'sim'];

function unknownActionMessage(name: string): string {
  const [prefix, action] = name.split(':');
  if (!action) return `"${name}" is not an action: write it as service:Action, e.g. ecs:RunTask.`;
  if (!SERVICE_PREFIXES.includes(prefix)) {
    return `Unknown service prefix "${prefix}" in ${name}. Known prefixes: ${SERVICE_PREFIXES.join(', ')}.`;
  }
  const known = actionNames().filter((n) => n.startsWith(`${prefix}:`));
  if (known.length === 0) return `The simulator does not model any ${prefix} action yet, so ${name} is not available.`;
  return `The simulator does not know ${name}. Actions of ${prefix}: ${known.map((n) => n.split(':')[1]).join(', ')}.`;
}
