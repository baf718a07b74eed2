/**
 * A chainable harness for engine tests, after tldraw's TestEditor:
 *
 *   sandbox().call('ecs:CreateCluster', { clusterName: 'prod' }).advance(30).expectTaskStatus(arn, 'RUNNING')
 *
 * `call` fails the test on an AWS error (use `callExpectingError` for the error cases) and keeps
 * the output in `last`. Add expectations here as the engine grows.
 */
import { Simulation, type CallError, type SimulationOptions } from '../simulation';
import type { TaskStatus } from '../world/types';

export class Sandbox {
  readonly sim: Simulation;
  /** Output of the most recent successful call. */
  last: any = undefined;

  constructor(options: SimulationOptions = {}) {
    this.sim = new Simulation(options);
  }

  get world() {
    return this.sim.world;
  }

  get now() {
    return this.sim.now;
  }

  /** Calls an action that must succeed; `then` receives its output. */
  call(name: string, input: unknown = {}, then?: (output: any) => void): this {
    const result = this.sim.call(name, input);
    if (result.error) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    this.last = result.output;
    then?.(result.output);
    return this;
  }

  /** Calls an action and returns its output (fails on error). */
  output<T = any>(name: string, input: unknown = {}): T {
    this.call(name, input);
    return this.last as T;
  }

  /** Calls an action that must fail; returns the error. */
  error(name: string, input: unknown = {}): CallError {
    const result = this.sim.call(name, input);
    if (!result.error) throw new Error(`${name} succeeded but an error was expected: ${JSON.stringify(result.output)}`);
    return result.error;
  }

  /** Calls an action that must fail with `code` (and a message containing `messagePart`). */
  callExpectingError(name: string, input: unknown, code: string, messagePart?: string): this {
    const error = this.error(name, input);
    if (error.code !== code) throw new Error(`${name}: expected ${code} but got ${error.code}: ${error.message}`);
    if (messagePart !== undefined && !error.message.includes(messagePart)) {
      throw new Error(`${name}: expected the message to contain "${messagePart}" but it was "${error.message}"`);
    }
    return this;
  }

  advance(seconds: number): this {
    this.sim.advance(seconds);
    return this;
  }

  /** Advances in steps of `every` seconds until `condition` holds; fails after `within` seconds. */
  advanceUntil(condition: (s: this) => boolean, within = 3600, every = 1): this {
    const deadline = this.now + within;
    while (!condition(this)) {
      if (this.now >= deadline) throw new Error(`condition not met within ${within} simulated seconds`);
      this.sim.advance(every);
    }
    return this;
  }

  expectTaskStatus(taskArn: string, status: TaskStatus): this {
    const task = this.world.tasks[taskArn];
    if (!task) throw new Error(`no task ${taskArn}`);
    if (task.lastStatus !== status) throw new Error(`task ${taskArn} is ${task.lastStatus}, expected ${status}`);
    return this;
  }

  /** The event log messages, optionally only those of one kind. */
  messages(kind?: string): string[] {
    return this.world.events.filter((e) => kind === undefined || e.kind === kind).map((e) => e.message);
  }
}

export const sandbox = (options: SimulationOptions = {}) => new Sandbox(options);
