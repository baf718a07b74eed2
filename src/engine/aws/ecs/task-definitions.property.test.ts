/**
 * Property: whatever sequence of registrations and deregistrations happens, revisions of a family
 * go 1, 2, 3, ... with no gap or reuse, and DescribeTaskDefinition(family) is always the highest
 * ACTIVE revision (or "Unable to describe task definition." when there is none).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox } from '../../testing/harness';

type Op = { kind: 'register'; family: string } | { kind: 'deregister'; family: string; revision: number };

const families = fc.constantFrom('web', 'api', 'batch');
const op: fc.Arbitrary<Op> = fc.oneof(
  families.map((family) => ({ kind: 'register' as const, family })),
  fc.tuple(families, fc.integer({ min: 1, max: 8 })).map(([family, revision]) => ({ kind: 'deregister' as const, family, revision })),
);

describe('task definition revisions (property)', () => {
  it('increase by one per family and a family lookup returns the highest ACTIVE revision', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const s = sandbox();
        const model = new Map<string, ('ACTIVE' | 'INACTIVE')[]>();
        for (const o of ops) {
          const revisions = model.get(o.family) ?? [];
          if (o.kind === 'register') {
            const out = s.output('ecs:RegisterTaskDefinition', { family: o.family, containerDefinitions: [{ name: 'app', image: 'nginx', memory: 64 }] });
            revisions.push('ACTIVE');
            expect(out.taskDefinition.revision).toBe(revisions.length);
          } else {
            const result = s.sim.call('ecs:DeregisterTaskDefinition', { taskDefinition: `${o.family}:${o.revision}` });
            expect(result.error === undefined).toBe(o.revision <= revisions.length);
            if (o.revision <= revisions.length) revisions[o.revision - 1] = 'INACTIVE';
          }
          if (revisions.length > 0) model.set(o.family, revisions);
          for (const [family, statuses] of model) {
            const highest = statuses.lastIndexOf('ACTIVE') + 1;
            const described = s.sim.call('ecs:DescribeTaskDefinition', { taskDefinition: family });
            if (highest === 0) expect(described.error?.message).toBe('Unable to describe task definition.');
            else expect((described.output as { taskDefinition: { revision: number } }).taskDefinition.revision).toBe(highest);
            expect(s.world.taskDefinitionFamilies[family]).toBe(statuses.length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
