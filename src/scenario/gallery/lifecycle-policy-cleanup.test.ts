import { describe, it, expect } from 'vitest';
import { DAY, lifecyclePolicyCleanup, POLICY_AT_SECONDS } from './lifecycle-policy-cleanup';
import { play } from './play';
import type { Simulation } from '../../engine/simulation';

/** The repository's images as ListImages names them: tags sorted, untagged as "<untagged>". */
function remaining(sim: Simulation): string[] {
  const out = sim.call('ecr:DescribeImages', { repositoryName: 'app', maxResults: 100 }).output as any;
  return out.imageDetails.map((d: any) => (d.imageTags?.length ? d.imageTags.join(',') : '<untagged>')).sort();
}

describe('an ECR lifecycle policy (keep the last 5 v* images, expire untagged after 1 day)', () => {
  it('holds 8 releases, latest and 8 untagged former "latest" builds before the policy is applied', () => {
    const sim = play({ ...lifecyclePolicyCleanup, steps: lifecyclePolicyCleanup.steps.filter((s) => !('call' in s && s.call === 'ecr:PutLifecyclePolicy')) });
    const images = remaining(sim);
    expect(images.filter((t) => t === '<untagged>')).toHaveLength(8);
    expect(images).toHaveLength(17);
  });

  it('after the first evaluation keeps exactly v4..v8, latest and the untagged build pushed minutes ago', () => {
    const sim = play(lifecyclePolicyCleanup);
    expect(sim.now).toBeGreaterThan(POLICY_AT_SECONDS + 3600);
    expect(remaining(sim)).toEqual(['<untagged>', 'latest', 'v4', 'v5', 'v6', 'v7', 'v8']);
  });

  it('says in the event log which rule expired each image', () => {
    const sim = play(lifecyclePolicyCleanup);
    const deleted = sim.world.events.filter((e) => /expired by lifecycle policy/.test(e.message)).map((e) => e.message);
    expect(deleted).toHaveLength(10);
    expect(deleted.filter((m) => /rule 1/.test(m))).toHaveLength(3);
    expect(deleted.filter((m) => /rule 2/.test(m))).toHaveLength(7);
  });

  it('expires the recent untagged image at the next daily evaluation, once it is more than a day old', () => {
    const sim = play(lifecyclePolicyCleanup, { after: DAY });
    expect(remaining(sim)).toEqual(['latest', 'v4', 'v5', 'v6', 'v7', 'v8']);
  });
});
