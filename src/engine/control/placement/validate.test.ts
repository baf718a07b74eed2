import { describe, it, expect } from 'vitest';
import { AwsError } from '../../aws/errors';
import { validatePlacementInput } from './place';

function problem(strategy: unknown, constraints: unknown): string {
  try {
    validatePlacementInput(strategy, constraints);
  } catch (e) {
    if (e instanceof AwsError && e.code === 'InvalidParameterException') return e.message;
    throw e;
  }
  return 'valid';
}

describe('validatePlacementInput (RunTask / CreateService placementStrategy and placementConstraints)', () => {
  it('accepts the strategies and constraints AWS documents', () => {
    expect(
      problem(
        [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }, { type: 'spread', field: 'host' }, { type: 'binpack', field: 'memory' }, { type: 'random' }],
        [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t2.*' }],
      ),
    ).toBe('valid');
    expect(problem(undefined, undefined)).toBe('valid');
  });

  it('allows at most 5 strategy rules and 10 constraints', () => {
    expect(problem(Array(6).fill({ type: 'random' }), [])).toContain('maximum number of placement strategy rules is 5');
    expect(problem([], Array(11).fill({ type: 'distinctInstance' }))).toContain('maximum number of placement constraints is 10');
  });

  it('rejects unknown strategy types and bad binpack / spread fields', () => {
    expect(problem([{ type: 'pack' }], [])).toContain("Value 'pack' at 'placementStrategy.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [random, spread, binpack]");
    expect(problem([{ type: 'binpack', field: 'disk' }], [])).toBe('Invalid value for binpack field: disk. Valid values are cpu and memory.');
    expect(problem([{ type: 'spread', field: 'az' }], [])).toContain('Invalid value for spread field: az.');
    expect(problem([{ type: 'spread' }], [])).toContain('Invalid value for spread field: null.');
    expect(problem([{ type: 'random', field: 'memory' }], [])).toContain('random');
  });

  it('rejects unknown constraint types, memberOf without an expression, distinctInstance with one, and bad expressions', () => {
    expect(problem([], [{ type: 'sameInstance' }])).toContain('Member must satisfy enum value set: [distinctInstance, memberOf]');
    expect(problem([], [{ type: 'memberOf' }])).toContain('requires an expression');
    expect(problem([], [{ type: 'distinctInstance', expression: 'a' }])).toContain('does not take an expression');
    expect(problem([], [{ type: 'memberOf', expression: 'attribute:a ==' }])).toContain('expected a value');
    expect(problem([], [{ type: 'memberOf', expression: `attribute:a == ${'x'.repeat(2000)}` }])).toContain('length less than or equal to 2000');
  });

  it('rejects lists that are not lists', () => {
    expect(problem({ type: 'random' }, [])).toContain("Invalid type for parameter placementStrategy");
    expect(problem([], 'distinctInstance')).toContain('Invalid type for parameter placementConstraints');
  });
});
