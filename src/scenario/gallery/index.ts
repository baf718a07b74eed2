/**
 * The scenario gallery: each entry is a scenario module (its name and description say what to
 * watch) and the file name of its copy in scenarios/ for the headless runner
 * (`npm run --silent sim -- scenarios/ID.json`). json.test.ts keeps the copies equal to the modules.
 */
import type { Scenario } from '../schema';
import { defaultScenario } from '../default';
import { binpackVsSpread } from './binpack-vs-spread';
import { rollingUpdate50200 } from './rolling-update-50-200';
import { circuitBreakerRollback } from './circuit-breaker-rollback';
import { blueGreenCanary } from './blue-green-canary';
import { targetTrackingSpike } from './target-tracking-spike';
import { capacityProviderScaleOut } from './capacity-provider-scale-out';
import { fargateSpotInterruption } from './fargate-spot-interruption';
import { lifecyclePolicyCleanup } from './lifecycle-policy-cleanup';

export interface GalleryEntry {
  /** File name without .json in scenarios/, and a stable id for the UI. */
  id: string;
  scenario: Scenario & { name: string; description: string };
  /** The playback speed the app switches to when the scenario is chosen (simulated seconds per second), when 10x would be too slow to watch. */
  speed?: 60 | 'max';
}

const entry = (id: string, scenario: Scenario, speed?: GalleryEntry['speed']): GalleryEntry => ({ id, scenario: scenario as GalleryEntry['scenario'], ...(speed ? { speed } : {}) });

export const GALLERY: readonly GalleryEntry[] = [
  entry('default', defaultScenario),
  entry('binpack-vs-spread', binpackVsSpread),
  entry('rolling-update-50-200', rollingUpdate50200),
  entry('circuit-breaker-rollback', circuitBreakerRollback),
  entry('blue-green-canary', blueGreenCanary),
  entry('target-tracking-spike', targetTrackingSpike, 60),
  entry('capacity-provider-scale-out', capacityProviderScaleOut),
  entry('fargate-spot-interruption', fargateSpotInterruption),
  entry('lifecycle-policy-cleanup', lifecyclePolicyCleanup, 'max'),
];

/** A scenario file's text, as scenarios/ID.json holds it. */
export const scenarioFileText = (scenario: Scenario) => `${JSON.stringify(scenario, null, 2)}\n`;
