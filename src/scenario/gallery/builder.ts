/**
 * Writing a scenario as a list of steps, when a later step needs what an earlier one returned.
 *
 * AWS names many resources with ids it makes up (a load balancer's ARN ends in a random hex id,
 * so does a target group's, a listener's, a task's). A scenario is plain data, so it must spell
 * those ARNs out. The builder runs the steps written so far in a headless simulation, with the
 * scenario's own seed, whenever a step needs an output; the same steps with the same seed give
 * the same ids in the app and in the headless runner (the engine is deterministic). The simulation
 * is only run as far as the last output read, so a module that reads nothing costs nothing.
 *
 *   const b = new ScenarioBuilder(7);
 *   const lb = b.output('elbv2:CreateLoadBalancer', {...}).LoadBalancers[0].LoadBalancerArn;
 *   b.call('elbv2:CreateListener', { LoadBalancerArn: lb, ... }).advance(60);
 *   export const myScenario = b.build({ name, description });
 */
import type { Simulation } from '../../engine/simulation';
import { applyStep, createSimulation } from '../run';
import type { Scenario, Step } from '../schema';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

export class ScenarioBuilder {
  readonly steps: Step[] = [];
  private sim: Simulation | undefined;
  private applied = 0;

  constructor(readonly seed: number) {}

  call(call: string, input: Record<string, unknown>): this {
    this.steps.push({ call, input });
    return this;
  }

  advance(seconds: number): this {
    this.steps.push({ advance: seconds });
    return this;
  }

  /** Adds a call and returns its output, running the scenario up to it (a failing call throws: a scenario must not). */
  output<T = any>(call: string, input: Record<string, unknown>): T {
    this.call(call, input);
    return this.run() as T;
  }

  /** Runs the steps so far and reads the simulation (e.g. a task ARN for a later step). */
  read<T>(read: (sim: Simulation) => T): T {
    this.run();
    return read(this.sim!);
  }

  /**
   * Adds the advance that takes the scenario to the first multiple of `every` seconds at which
   * `condition` holds (e.g. every target healthy), so later steps can be timed from it. The step
   * is a plain number of seconds in the file; the scenario's tests check the condition still holds.
   */
  advanceUntil(condition: (sim: Simulation) => boolean, options: { every?: number; within?: number } = {}): this {
    const every = options.every ?? 5;
    const within = options.within ?? 3600;
    this.run();
    const sim = this.sim!;
    let waited = 0;
    while (!condition(sim)) {
      if (waited >= within) throw new Error(`scenario: condition not met within ${within} s`);
      sim.advance(every);
      waited += every;
    }
    this.steps.push({ advance: waited });
    this.applied = this.steps.length;
    return this;
  }

  /** Simulated seconds at the end of the steps so far. */
  get now(): number {
    return this.steps.reduce((t, s) => t + ('advance' in s ? s.advance : 0), 0);
  }

  build(meta: { name: string; description: string }): Scenario {
    return { name: meta.name, description: meta.description, seed: this.seed, region: REGION, accountId: ACCOUNT, steps: [...this.steps] };
  }

  private run(): unknown {
    this.sim ??= createSimulation({ seed: this.seed, region: REGION, accountId: ACCOUNT, steps: [] });
    let last: unknown;
    for (; this.applied < this.steps.length; this.applied++) {
      const step = this.steps[this.applied];
      const result = applyStep(this.sim, structuredClone(step));
      if (result?.error) throw new Error(`scenario step ${this.applied + 1} (${result.call}) failed: ${result.error.code}: ${result.error.message}`);
      last = result?.output;
    }
    return last;
  }
}
