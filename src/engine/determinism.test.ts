/**
 * Same scenario + seed = same event log, byte for byte: twice in one process, and across a
 * snapshot/restore in the middle of a run. A different seed is allowed to differ (and here does).
 */
import { describe, expect, it } from 'vitest';
import { applyStep, createSimulation, runScenario } from '../scenario/run';
import type { CallResult } from './simulation';
import { busyScenario } from './testing/busy-scenario';

function fullRun(seed: number) {
  const results: CallResult[] = [];
  const sim = runScenario(busyScenario(seed), (r) => results.push(r));
  sim.advance(3600);
  return { log: JSON.stringify(sim.world.events), results: JSON.stringify(results), world: JSON.stringify(sim.world) };
}

describe('determinism', () => {
  it('gives an identical event log, outputs and world for the same scenario and seed', () => {
    const a = fullRun(7);
    const b = fullRun(7);
    expect(a.log.length).toBeGreaterThan(1000);
    expect(b.log).toBe(a.log);
    expect(b.results).toBe(a.results);
    expect(b.world).toBe(a.world);
  });

  it('the scenario really exercises the engine: tasks run, fail to pull and place with reasons', () => {
    const results: CallResult[] = [];
    const sim = runScenario(busyScenario(7), (r) => results.push(r));
    const failed = results.filter((r) => r.error && r.call !== 'ecs:StopTask');
    expect(failed).toEqual([]);
    const tasks = Object.values(sim.world.tasks);
    expect(tasks.some((t) => t.lastStatus === 'RUNNING' && t.launchType === 'EC2')).toBe(true);
    expect(tasks.some((t) => t.lastStatus === 'RUNNING' && t.launchType === 'FARGATE')).toBe(true);
    expect(tasks.some((t) => t.stopCode === 'TaskFailedToStart')).toBe(true);
  });

  it('continues identically after a snapshot is restored', () => {
    const scenario = busyScenario(11);
    const sim = createSimulation(scenario);
    const half = Math.floor(scenario.steps.length / 2);
    scenario.steps.slice(0, half).forEach((s) => applyStep(sim, s));
    sim.advance(5);
    const snapshot = sim.snapshot();

    const finish = () => {
      const out = scenario.steps.slice(half).map((s) => applyStep(sim, s));
      sim.advance(1800);
      return JSON.stringify({ out, events: sim.world.events, world: sim.world });
    };
    const first = finish();
    sim.restore(snapshot);
    const second = finish();
    expect(second).toBe(first);

    const fresh = createSimulation(scenario);
    fresh.restore(snapshot);
    const out = scenario.steps.slice(half).map((s) => applyStep(fresh, s));
    fresh.advance(1800);
    expect(JSON.stringify({ out, events: fresh.world.events, world: fresh.world })).toBe(first);
  });

  it('a different seed gives a different (but equally valid) history', () => {
    expect(fullRun(8).log).not.toBe(fullRun(7).log);
  });
});
