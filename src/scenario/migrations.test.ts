import { describe, it, expect } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { parseEnvelope } from './envelope';

/** A made-up version 0 that kept the playhead in minutes under another name. */
const fake: Record<number, Migration> = {
  0: ({ playheadMinutes, ...rest }) => ({ ...rest, playhead: Number(playheadMinutes) * 60 }),
};

describe('envelope migrations', () => {
  it('run step by step from an old version up to the current one', () => {
    const v0 = { format: 'ecs-sandbox', version: 0, scenario: { steps: [] }, playheadMinutes: 2, note: 'kept' };
    const migrated = migrate(v0, fake);
    expect(migrated).toEqual({ format: 'ecs-sandbox', version: 1, scenario: { steps: [] }, playhead: 120, note: 'kept' });
    expect(parseEnvelope(migrated).playhead).toBe(120);
  });

  it('leave a current envelope as it is', () => {
    const v1 = { format: 'ecs-sandbox', version: 1, scenario: { steps: [] } };
    expect(migrate(v1)).toEqual(v1);
  });

  it('refuse a version with no migration, a future version and a missing version, loudly', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([]); // version 1 is the first format
    expect(() => migrate({ format: 'ecs-sandbox', version: 0, scenario: {} })).toThrow(/version 0 is not supported/);
    expect(() => migrate({ format: 'ecs-sandbox', version: 2 })).toThrow(/newer ECS Sandbox/);
    expect(() => migrate({ format: 'ecs-sandbox' })).toThrow(/version: expected a whole number/);
    expect(() => migrate([1, 2])).toThrow(/not an ECS Sandbox session/);
  });
});
