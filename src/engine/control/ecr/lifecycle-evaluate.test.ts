import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { evaluateLifecyclePolicy, selects, type LifecycleImage, type LifecyclePolicy, type LifecycleRule, type LifecycleSelection } from './lifecycle-evaluate';

const DAY = 86_400;
const img = (imageDigest: string, imagePushedAt: number, ...imageTags: string[]): LifecycleImage => ({ imageDigest, imagePushedAt, imageTags });
const rule = (rulePriority: number, selection: LifecycleSelection): LifecycleRule => ({ rulePriority, selection, action: { type: 'expire' } });
const expiredBy = (policy: LifecyclePolicy, images: LifecycleImage[], now = 0) =>
  Object.fromEntries(evaluateLifecyclePolicy(policy, images, now).map((e) => [e.imageDigest, e.rulePriority]));

describe('lifecycle policy evaluation (AWS evaluation rules)', () => {
  it('imageCountMoreThan keeps the newest N by push time and expires the older ones', () => {
    const images = [img('a', 10, 'v1'), img('b', 30, 'v3'), img('c', 20, 'v2'), img('d', 40, 'v4')];
    const policy = { rules: [rule(1, { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 2 })] };
    expect(expiredBy(policy, images)).toEqual({ a: 1, c: 1 });
  });

  it('sinceImagePushed expires images pushed more than N days ago', () => {
    const images = [img('old', 0), img('edge', 6 * DAY), img('new', 9 * DAY)];
    const policy = { rules: [rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 3 })] };
    expect(expiredBy(policy, images, 9 * DAY)).toEqual({ old: 1 });
  });

  it('a multi-prefix list matches only images whose tags cover every prefix', () => {
    const sel: LifecycleSelection = { tagStatus: 'tagged', tagPrefixList: ['prod', 'beta'], countType: 'imageCountMoreThan', countNumber: 1 };
    expect(selects(sel, img('x', 0, 'prod-1', 'beta-1'))).toBe(true);
    expect(selects(sel, img('y', 0, 'prod-1'))).toBe(false);
    expect(selects(sel, img('z', 0))).toBe(false);
  });

  it('a tag pattern with * matches the whole tag', () => {
    const sel: LifecycleSelection = { tagStatus: 'tagged', tagPatternList: ['prod*-rc'], countType: 'imageCountMoreThan', countNumber: 1 };
    expect(selects(sel, img('x', 0, 'prod-7-rc'))).toBe(true);
    expect(selects(sel, img('y', 0, 'prod-7-rc2'))).toBe(false);
    expect(selects(sel, img('z', 0, 'x.prod-rc'))).toBe(false);
  });

  it('an image matching a higher-priority rule is never expired by a lower one, which still counts it', () => {
    // Rule 1 keeps up to 10 prod images; rule 2 keeps 1 image of any kind.
    const images = [img('oldest', 0), img('prod', 10, 'prod-1'), img('newest', 20)];
    const policy = {
      rules: [
        rule(1, { tagStatus: 'tagged', tagPrefixList: ['prod'], countType: 'imageCountMoreThan', countNumber: 10 }),
        rule(2, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }),
      ],
    };
    // Rule 2 keeps only "newest" (prod counts as one of the images), cannot touch prod, expires oldest.
    expect(expiredBy(policy, images)).toEqual({ oldest: 2 });
  });

  it('applies rules by priority, not by their order in the policy, and expires each image once', () => {
    const images = [img('p1', 0, 'prod-1'), img('p2', 10, 'prod-2'), img('u', 5)];
    const policy = {
      rules: [
        rule(9, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }),
        rule(1, { tagStatus: 'tagged', tagPrefixList: ['prod'], countType: 'imageCountMoreThan', countNumber: 1 }),
      ],
    };
    expect(expiredBy(policy, images)).toEqual({ p1: 1, u: 9 });
  });

  it('says which rule expired an image and why', () => {
    const [e] = evaluateLifecyclePolicy({ rules: [{ ...rule(3, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }), description: 'tidy' }] }, [img('a', 0), img('b', 1)], 1);
    expect(e.reason).toBe('rule 3 ("tidy") (untagged images, image count more than 1): it is number 2 of 2 by push time and the rule keeps the newest 1');
  });
});

// ------------------------------------------------------------------ properties

const TAGS = ['v1', 'v2', 'prod-a', 'prod-b', 'beta', 'latest'];
const imagesArb = fc
  .array(fc.record({ tags: fc.subarray(TAGS), pushedAt: fc.integer({ min: 0, max: 30 * DAY }) }), { maxLength: 25 })
  .map((list) => list.map((x, i) => img(`sha256:${String(i).padStart(4, '0')}`, x.pushedAt, ...x.tags)));

const countArb = fc.oneof(
  fc.record({ countType: fc.constant('imageCountMoreThan' as const), countNumber: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ countType: fc.constant('sinceImagePushed' as const), countUnit: fc.constant('days' as const), countNumber: fc.integer({ min: 1, max: 20 }) }),
);
const taggedArb = fc.record({
  tagStatus: fc.constant('tagged' as const),
  tagPrefixList: fc.subarray(['v', 'prod', 'b', 'lat'], { minLength: 1, maxLength: 2 }),
});
const policyArb = fc
  .record({
    tagged: fc.array(fc.tuple(taggedArb, countArb), { maxLength: 3 }),
    untagged: fc.option(countArb, { nil: undefined }),
    any: fc.option(countArb, { nil: undefined }),
    priorities: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ tagged, untagged, any, priorities }) => {
    const sorted = [...priorities].sort((a, b) => a - b);
    const sels: LifecycleSelection[] = [
      ...tagged.map(([t, c]) => ({ ...t, ...c }) as LifecycleSelection),
      ...(untagged ? [{ tagStatus: 'untagged' as const, ...untagged }] : []),
    ];
    // Shuffle-free but valid: non-any rules take the lower priorities, any takes the highest.
    const rules = sels.map((s, i) => rule(sorted[i], s));
    if (any) rules.push(rule(sorted[4], { tagStatus: 'any', ...any }));
    return { rules } as LifecyclePolicy;
  });

describe('lifecycle evaluation properties', () => {
  it('never expires an image by two rules', () => {
    fc.assert(
      fc.property(policyArb, imagesArb, (policy, images) => {
        const digests = evaluateLifecyclePolicy(policy, images, 30 * DAY).map((e) => e.imageDigest);
        expect(new Set(digests).size).toBe(digests.length);
      }),
    );
  });

  it('expires an image only by a rule that selects it and no higher-priority rule selects', () => {
    fc.assert(
      fc.property(policyArb, imagesArb, (policy, images) => {
        for (const e of evaluateLifecyclePolicy(policy, images, 30 * DAY)) {
          const image = images.find((i) => i.imageDigest === e.imageDigest)!;
          const own = policy.rules.find((r) => r.rulePriority === e.rulePriority)!;
          expect(selects(own.selection, image)).toBe(true);
          for (const higher of policy.rules.filter((r) => r.rulePriority < e.rulePriority)) expect(selects(higher.selection, image)).toBe(false);
        }
      }),
    );
  });

  it('imageCountMoreThan N never expires any of the newest N images it selects', () => {
    fc.assert(
      fc.property(policyArb, imagesArb, (policy, images) => {
        const expired = evaluateLifecyclePolicy(policy, images, 30 * DAY);
        for (const r of policy.rules.filter((x) => x.selection.countType === 'imageCountMoreThan')) {
          const newest = images
            .filter((i) => selects(r.selection, i))
            .sort((a, b) => b.imagePushedAt - a.imagePushedAt || (a.imageDigest < b.imageDigest ? -1 : 1))
            .slice(0, r.selection.countNumber)
            .map((i) => i.imageDigest);
          expect(expired.filter((e) => e.rulePriority === r.rulePriority && newest.includes(e.imageDigest))).toEqual([]);
        }
      }),
    );
  });

  it('with one imageCountMoreThan N rule, never leaves fewer than N matching images', () => {
    fc.assert(
      fc.property(taggedArb, fc.integer({ min: 1, max: 8 }), imagesArb, (sel, n, images) => {
        const selection = { ...sel, countType: 'imageCountMoreThan', countNumber: n } as LifecycleSelection;
        const gone = new Set(evaluateLifecyclePolicy({ rules: [rule(1, selection)] }, images, 0).map((e) => e.imageDigest));
        const matching = images.filter((i) => selects(selection, i));
        expect(matching.filter((i) => !gone.has(i.imageDigest)).length).toBe(Math.min(n, matching.length));
      }),
    );
  });

  it('sinceImagePushed never expires an image younger than N days', () => {
    fc.assert(
      fc.property(policyArb, imagesArb, (policy, images) => {
        const now = 30 * DAY;
        for (const e of evaluateLifecyclePolicy(policy, images, now)) {
          const r = policy.rules.find((x) => x.rulePriority === e.rulePriority)!;
          if (r.selection.countType === 'sinceImagePushed') expect(now - e.imagePushedAt).toBeGreaterThan(r.selection.countNumber * DAY);
        }
      }),
    );
  });
});
