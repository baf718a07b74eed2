import { describe, it, expect } from 'vitest';
import { parseLifecyclePolicy } from './lifecycle-policy';
import { sandbox } from '../../testing/harness';

const PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: ";

const rule = (rulePriority: number, selection: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ rulePriority, selection, action: { type: 'expire' }, ...extra });
const policy = (...rules: unknown[]) => JSON.stringify({ rules });
const untagged = (p: number) => rule(p, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 });
const tagged = (p: number, sel: Record<string, unknown> = { tagPrefixList: ['v'] }) => rule(p, { tagStatus: 'tagged', ...sel, countType: 'imageCountMoreThan', countNumber: 5 });
const any = (p: number) => rule(p, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 50 });

/** The InvalidParameterException message for a policy, or undefined if it is valid. */
function rejection(text: string): string | undefined {
  try {
    parseLifecyclePolicy(text);
    return undefined;
  } catch (e) {
    expect((e as { code: string }).code).toBe('InvalidParameterException');
    return (e as Error).message;
  }
}

describe('lifecycle policy validation (as PutLifecyclePolicy)', () => {
  it('accepts a policy of an untagged, a tagged and a final any rule', () => {
    expect(rejection(policy(untagged(1), tagged(2), any(3)))).toBeUndefined();
  });

  it('answers text that is not JSON with "Could not map policyString into LifecyclePolicy."', () => {
    expect(rejection('{"rules": [')).toBe(`${PREFIX}Could not map policyString into LifecyclePolicy.'`);
  });

  it('names missing required properties as AWS\'s schema does', () => {
    expect(rejection('{}')).toBe(`${PREFIX}object has missing required properties (["rules"])'`);
    expect(rejection(policy({ rulePriority: 1, selection: {} }))).toContain('object has missing required properties (["action"])');
    expect(rejection(policy(rule(1, { tagStatus: 'any' })))).toContain('object has missing required properties (["countNumber","countType"])');
  });

  it('rejects an action other than expire and an unknown tagStatus', () => {
    expect(rejection(policy({ ...any(1), action: { type: 'archive' } }))).toContain('instance value ("archive") not found in enum (possible values: ["expire"])');
    expect(rejection(policy(rule(1, { tagStatus: 'some', countType: 'imageCountMoreThan', countNumber: 1 })))).toContain('not found in enum');
  });

  it('allows countUnit only with sinceImagePushed, and requires it there', () => {
    const mismatch = 'instance failed to match exactly one schema (matched 0 out of 2)';
    expect(rejection(policy(rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countUnit: 'days', countNumber: 3 })))).toContain(mismatch);
    expect(rejection(policy(rule(1, { tagStatus: 'any', countType: 'sinceImagePushed', countNumber: 3 })))).toContain(mismatch);
    expect(rejection(policy(rule(1, { tagStatus: 'any', countType: 'newest', countNumber: 3 })))).toContain(mismatch);
  });

  it('requires countNumber and rulePriority to be at least 1', () => {
    expect(rejection(policy(rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 0 })))).toContain('numeric instance is lower than the required minimum (minimum: 1, found: 0)');
    expect(rejection(policy({ ...any(0) }))).toContain('(minimum: 1, found: 0)');
  });

  it('requires tagPrefixList or tagPatternList for tagged rules and forbids them otherwise', () => {
    expect(rejection(policy(rule(1, { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 })))).toContain('tagPrefixList or tagPatternList is required when tagStatus is tagged');
    expect(rejection(policy(rule(1, { tagStatus: 'untagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 1 })))).toContain('can only be used when tagStatus is tagged');
    expect(rejection(policy(tagged(1, { tagPrefixList: ['v'], tagPatternList: ['v*'] })))).toContain('either tagPrefixList or tagPatternList, but not both');
  });

  it('allows at most four wildcards in a tag pattern', () => {
    expect(rejection(policy(tagged(1, { tagPatternList: ['*a*b*c*'] })))).toBeUndefined();
    expect(rejection(policy(tagged(1, { tagPatternList: ['*a*b*c*d*'] })))).toContain('more than 4 wildcards');
  });

  it('requires unique rule priorities', () => {
    expect(rejection(policy(tagged(1), tagged(1, { tagPrefixList: ['x'] })))).toContain('rulePriority 1 is used by more than one rule');
  });

  it('requires an any rule to have the highest priority', () => {
    expect(rejection(policy(any(1), tagged(2)))).toContain('tagStatus any, so it must have the highest rulePriority');
  });

  it('allows only one rule to select untagged images', () => {
    expect(rejection(policy(untagged(1), untagged(2)))).toContain('only one rule may select untagged images');
  });

  it('is what PutLifecyclePolicy answers, and GetLifecyclePolicy without a policy is LifecyclePolicyNotFoundException', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' });
    s.callExpectingError('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: policy(any(1), tagged(2)) }, 'InvalidParameterException', PREFIX);
    s.callExpectingError('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: '{"rules":[]}' }, 'InvalidParameterException', 'Member must have length greater than or equal to 100');
    s.callExpectingError('ecr:GetLifecyclePolicy', { repositoryName: 'web' }, 'LifecyclePolicyNotFoundException', "Lifecycle policy does not exist for the repository with name 'web' in the registry with id '123456789012'");
    s.callExpectingError('ecr:DeleteLifecyclePolicy', { repositoryName: 'web' }, 'LifecyclePolicyNotFoundException');
    const text = policy(untagged(1));
    s.call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: text });
    const got = s.output('ecr:GetLifecyclePolicy', { repositoryName: 'web' });
    expect(got.lifecyclePolicyText).toBe(text);
    expect(got.lastEvaluatedAt.getTime()).toBe(0);
  });
});
