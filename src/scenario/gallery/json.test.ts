/**
 * scenarios/*.json are the gallery's scenarios as files for the headless runner. They are
 * generated from the modules, never edited by hand: to regenerate them after changing a scenario,
 * run `UPDATE_SCENARIOS=1 npx vitest run src/scenario/gallery/json.test.ts`.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { GALLERY, scenarioFileText } from './index';
import { parseScenario } from '../schema';

const DIR = 'scenarios';
const update = process.env.UPDATE_SCENARIOS === '1';

describe('the scenario files in scenarios/', () => {
  it.each(GALLERY.map((g) => [g.id, g] as const))('%s.json equals its module', (id, g) => {
    const path = `${DIR}/${id}.json`;
    const text = scenarioFileText(g.scenario);
    if (update) writeFileSync(path, text);
    expect(existsSync(path), `${path} is missing: run UPDATE_SCENARIOS=1 npx vitest run src/scenario/gallery/json.test.ts`).toBe(true);
    expect(readFileSync(path, 'utf8'), `${path} is out of date: run UPDATE_SCENARIOS=1 npx vitest run src/scenario/gallery/json.test.ts`).toBe(text);
    expect(parseScenario(JSON.parse(text)).steps).toHaveLength(g.scenario.steps.length);
  });

  it('holds no file that is not in the gallery', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(GALLERY.map((g) => `${g.id}.json`).sort());
  });

  it('gives every scenario a distinct name and a description of one or two sentences', () => {
    expect(new Set(GALLERY.map((g) => g.scenario.name)).size).toBe(GALLERY.length);
    for (const g of GALLERY) expect(g.scenario.description.split(/(?<=[.!?])\s+/).length, g.id).toBeLessThanOrEqual(3);
  });
});
