/**
 * Applies a scenario's steps to a simulation, one at a time: calls go through the API, advances
 * move simulated time. Shared by the headless runner and the app.
 */
import { Simulation, type CallResult } from '../engine/simulation';
import type { Scenario, Step } from './schema';

export function createSimulation(scenario: Scenario): Simulation {
  return new Simulation({ seed: scenario.seed, region: scenario.region, accountId: scenario.accountId });
}

/** Applies one step; returns the call's result, or undefined for an advance. */
export function applyStep(sim: Simulation, step: Step): CallResult | undefined {
  if ('advance' in step) {
    sim.advance(step.advance);
    return undefined;
  }
  return sim.call(step.call, step.input ?? {});
}

/** Runs every step, handing each call's result to `onResult` in order. */
export function runScenario(scenario: Scenario, onResult: (result: CallResult) => void): Simulation {
  const sim = createSimulation(scenario);
  for (const step of scenario.steps) {
    const result = applyStep(sim, step);
    if (result) onResult(result);
  }
  return sim;
}
