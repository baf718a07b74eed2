import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';

const HOUR = 3600;
const DAY = 24 * HOUR;
const keepTwoUntagged = JSON.stringify({
  rules: [{ rulePriority: 1, description: 'keep two untagged', selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 2 }, action: { type: 'expire' } }],
});
const keepOneV = JSON.stringify({
  rules: [{ rulePriority: 1, selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }],
});

/** A repository with four images pushed an hour apart: v1, v2, v3 each moved from "latest", so three untagged + one tagged. */
function repoWithHistory(seed = 1) {
  const s = sandbox({ seed }).call('ecr:CreateRepository', { repositoryName: 'web' });
  for (let i = 1; i <= 4; i++) s.call('sim:PushImage', { repositoryName: 'web', imageTag: 'latest', sizeMiB: i }).advance(HOUR);
  return s;
}
const count = (s: ReturnType<typeof sandbox>) => s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails.length;

describe('lifecycle policies expire images on their own', () => {
  it('expires images within 24 hours of PutLifecyclePolicy, saying which rule expired each', () => {
    const s = repoWithHistory().call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged });
    expect(count(s)).toBe(4);
    s.advanceUntil(() => count(s) === 3, DAY, 60);
    const deleted = s.messages('image.deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toContain('expired by lifecycle policy rule 1 ("keep two untagged")');
    expect(s.output('ecr:GetLifecyclePolicy', { repositoryName: 'web' }).lastEvaluatedAt.getTime()).toBeGreaterThan(0);
  });

  it('evaluates again every 24 hours while the policy is there', () => {
    const s = repoWithHistory().call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged }).advance(DAY);
    const evaluations = () => s.messages('lifecycle.evaluated').length;
    expect(evaluations()).toBe(1);
    s.call('sim:PushImage', { repositoryName: 'web', imageTag: 'latest', sizeMiB: 9 }).advance(DAY);
    expect(evaluations()).toBe(2);
    expect(count(s)).toBe(3); // the new push left a third untagged image; the daily run expired it
  });

  it('stops evaluating once the policy is deleted or replaced (stale events do nothing)', () => {
    const s = repoWithHistory().call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged });
    s.call('ecr:DeleteLifecyclePolicy', { repositoryName: 'web' }).advance(3 * DAY);
    expect(s.messages('lifecycle.evaluated')).toEqual([]);
    expect(count(s)).toBe(4);
    s.call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged }).call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepOneV }).advance(3 * DAY);
    expect(s.messages('lifecycle.evaluated')).toHaveLength(3); // one chain only: the last policy's
  });

  it('does nothing for a repository that was deleted', () => {
    const s = repoWithHistory().call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged }).call('ecr:DeleteRepository', { repositoryName: 'web', force: true }).advance(2 * DAY);
    expect(s.messages('lifecycle.evaluated')).toEqual([]);
  });

  it('gives the same event log for the same seed', () => {
    const run = () => repoWithHistory(7).call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged }).advance(2 * DAY).world.events;
    expect(run()).toEqual(run());
  });
});

describe('lifecycle policy preview', () => {
  it('starts IN_PROGRESS, then completes with the images that would expire and their rule, deleting nothing', () => {
    const s = repoWithHistory();
    const started = s.output('ecr:StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged });
    expect(started.status).toBe('IN_PROGRESS');
    expect(s.output('ecr:GetLifecyclePolicyPreview', { repositoryName: 'web' }).status).toBe('IN_PROGRESS');
    s.callExpectingError('ecr:StartLifecyclePolicyPreview', { repositoryName: 'web', lifecyclePolicyText: keepTwoUntagged }, 'LifecyclePolicyPreviewInProgressException');
    s.advance(30);
    const preview = s.output('ecr:GetLifecyclePolicyPreview', { repositoryName: 'web' });
    expect(preview.status).toBe('COMPLETE');
    expect(preview.summary).toEqual({ expiringImageTotalCount: 1 });
    expect(preview.previewResults).toHaveLength(1);
    expect(preview.previewResults[0]).toMatchObject({ action: { type: 'EXPIRE' }, appliedRulePriority: 1 });
    expect(preview.previewResults[0].imageTags).toBeUndefined();
    expect(count(s)).toBe(4);
  });

  it('previews the repository\'s own policy when no text is given, and needs one of the two', () => {
    const s = repoWithHistory();
    s.callExpectingError('ecr:StartLifecyclePolicyPreview', { repositoryName: 'web' }, 'LifecyclePolicyNotFoundException');
    s.callExpectingError('ecr:GetLifecyclePolicyPreview', { repositoryName: 'web' }, 'LifecyclePolicyPreviewNotFoundException');
    s.call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: keepOneV });
    expect(s.output('ecr:StartLifecyclePolicyPreview', { repositoryName: 'web' }).lifecyclePolicyText).toBe(keepOneV);
  });
});
