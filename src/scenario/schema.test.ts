import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './schema';

describe('a scenario file', () => {
  it('fills the documented defaults: seed 1, us-east-1, account 123456789012', () => {
    const s = parseScenario({ steps: [] });
    expect(s).toMatchObject({ seed: 1, region: 'us-east-1', accountId: '123456789012', steps: [] });
  });

  it('keeps calls and advances in order', () => {
    const s = parseScenario({ seed: 7, steps: [{ call: 'ecr:CreateRepository', input: { repositoryName: 'web' } }, { advance: 60 }] });
    expect(s.steps).toEqual([{ call: 'ecr:CreateRepository', input: { repositoryName: 'web' } }, { advance: 60 }]);
  });

  it('names the step at fault when a step has the wrong shape', () => {
    expect(() => parseScenario({ steps: [{ advance: 1 }, { advnce: 3 }] })).toThrow(/step 2 .*advnce/);
    expect(() => parseScenario({ steps: [{ advance: -5 }] })).toThrow(/step 1/);
    expect(() => parseScenario({ steps: [{ call: 'ecs:RunTask', input: 'x' }] })).toThrow(/step 1 .*input/);
    expect(() => parseScenario({ steps: ['nope'] })).toThrow(ScenarioError);
  });

  it('refuses a file without steps, a bad region and a bad account id', () => {
    expect(() => parseScenario({})).toThrow(/steps/);
    expect(() => parseScenario({ region: 'mars', steps: [] })).toThrow(/region/);
    expect(() => parseScenario({ accountId: '12', steps: [] })).toThrow(/accountId/);
  });
});
