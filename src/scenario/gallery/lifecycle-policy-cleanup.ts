/**
 * ECR lifecycle policy: a repository that received a build a day for eight days (v1..v8, and
 * "latest" re-pushed each time, which leaves the previous "latest" untagged), then a policy that
 * keeps the last 5 images tagged v* and expires untagged images after 1 day.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';

export const DAY = 86_400;
export const BUILDS = 8;
/** When the policy is put: 10 minutes after the eighth day's build, just after a hotfix push of "latest". */
export const POLICY_AT_SECONDS = (BUILDS - 1) * DAY + 600;

export const LIFECYCLE_POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: 'Keep the last 5 release images',
      selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 5 },
      action: { type: 'expire' },
    },
    {
      rulePriority: 2,
      description: 'Expire untagged images older than 1 day',
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
      action: { type: 'expire' },
    },
  ],
};

function build(): Scenario {
  const b = new ScenarioBuilder(9);
  b.call('ecr:CreateRepository', { repositoryName: 'app' });
  for (let i = 1; i <= BUILDS; i++) {
    // Each day's build: a release tag and "latest" (a different build each day, so a new digest).
    b.call('sim:PushImage', { repositoryName: 'app', imageTag: `v${i}`, sizeMiB: 60 + i });
    b.call('sim:PushImage', { repositoryName: 'app', imageTag: 'latest', sizeMiB: 40 + i });
    if (i < BUILDS) b.advance(DAY);
  }
  // A hotfix of "latest" 5 minutes later: the eighth day's "latest" becomes untagged, but is recent.
  b.advance(300).call('sim:PushImage', { repositoryName: 'app', imageTag: 'latest', sizeMiB: 49, behavior: { startupSeconds: 4 } });
  b.advance(300).call('ecr:PutLifecyclePolicy', { repositoryName: 'app', lifecyclePolicyText: JSON.stringify(LIFECYCLE_POLICY) });
  // The first evaluation runs 30–60 minutes after the policy is put, then every 24 hours.
  b.advance(2 * 3600);
  return b.build({
    name: 'ECR lifecycle policy cleanup',
    description:
      'Repository app has a release (v1..v8) and a new "latest" every day; each push of "latest" leaves the previous one untagged. The lifecycle policy keeps the newest 5 images tagged v* (rule 1) and expires untagged images pushed more than 1 day ago (rule 2); ECR applies it within an hour, then daily.',
  });
}

export const lifecyclePolicyCleanup: Scenario = build();
