/**
 * The reference for time travel tests: the state at t computed the plain way, from scratch, with
 * no checkpoints: every timed call (scenario steps and commands, merged by time) made after
 * runUntil(its time) where it flushes (commands.ts), then runUntil(t). Seeking must give exactly
 * this world.
 */
import type { Simulation } from '../engine/simulation';
import { createSimulation } from '../scenario/run';
import type { Scenario } from '../scenario/schema';
import { mergeCalls, scenarioCalls, type Command } from './commands';

export function straightRun(scenario: Scenario, commands: readonly Command[], t: number): Simulation {
  const sim = createSimulation(scenario);
  for (const c of mergeCalls(scenarioCalls(scenario), commands)) {
    if (c.at > t) break;
    if (c.flush) sim.runUntil(c.at);
    sim.call(c.call, structuredClone(c.input));
  }
  sim.runUntil(t);
  return sim;
}

/** The world as JSON, for byte-for-byte comparisons. */
export const worldJson = (sim: Simulation): string => JSON.stringify(sim.world);
