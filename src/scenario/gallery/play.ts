/**
 * For the gallery's tests: plays a scenario as the app does, step by step, and samples the
 * simulation every `every` simulated seconds (and after every call), so a test can assert what
 * held at every moment, not only at the end. Fails on any step that answers with an error.
 */
import type { Simulation } from '../../engine/simulation';
import { applyStep, createSimulation } from '../run';
import type { Scenario } from '../schema';

export interface PlayOptions {
  /** Seconds between samples (default 5). */
  every?: number;
  /** Simulated seconds to keep running after the last step (default 0). */
  after?: number;
  sample?: (sim: Simulation) => void;
}

export function play(scenario: Scenario, options: PlayOptions = {}): Simulation {
  const every = options.every ?? 5;
  const sim = createSimulation(scenario);
  const sample = options.sample ?? (() => {});
  const advance = (seconds: number) => {
    const end = sim.now + seconds;
    while (sim.now < end) {
      sim.advance(Math.min(every, end - sim.now));
      sample(sim);
    }
  };
  scenario.steps.forEach((step, i) => {
    if ('advance' in step) return advance(step.advance);
    const result = applyStep(sim, structuredClone(step));
    if (result?.error) throw new Error(`step ${i + 1} ${result.call}: ${result.error.code}: ${result.error.message}`);
    sample(sim);
  });
  advance(options.after ?? 0);
  return sim;
}

/** A service's tasks (group service:NAME) in one cluster, any status. */
export function tasksOf(sim: Simulation, service: string, cluster?: string) {
  return Object.values(sim.world.tasks).filter((t) => t.group === `service:${service}` && (cluster === undefined || t.clusterArn.endsWith(`:cluster/${cluster}`)));
}

/** The service as the world holds it (not DescribeServices: for reading deployments and desiredCount). */
export function serviceOf(sim: Simulation, name: string, cluster = 'prod') {
  const s = Object.values(sim.world.services).find((x) => x.serviceName === name && x.clusterArn.endsWith(`:cluster/${cluster}`));
  if (!s) throw new Error(`no service ${name} in ${cluster}`);
  return s;
}

/** DescribeServices' answer for one service. */
export function describeService(sim: Simulation, name: string, cluster = 'prod'): any {
  const r = sim.call('ecs:DescribeServices', { cluster, services: [name] });
  if (r.error) throw new Error(r.error.message);
  return (r.output as any).services[0];
}
