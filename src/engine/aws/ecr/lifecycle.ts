/**
 * Lifecycle policy actions: PutLifecyclePolicy, GetLifecyclePolicy, DeleteLifecyclePolicy,
 * StartLifecyclePolicyPreview, GetLifecyclePolicyPreview. The evaluation itself is
 * control/ecr/lifecycle-evaluate.ts; the scheduled runs are control/ecr/lifecycle-events.ts.
 *
 * Choices where AWS only bounds the timing:
 *  - AWS says images expire within 24 hours of a policy being applied. The first evaluation
 *    runs 30-60 minutes (seeded) after PutLifecyclePolicy, so a learner sees it; then every 24 h
 *    while that policy is in place.
 *  - A preview completes PREVIEW_SECONDS after StartLifecyclePolicyPreview.
 */
import type { Simulation } from '../../simulation';
import type { Repository } from '../../world/types';
import { AwsError } from '../errors';
import { optionalString, requireString, validationMessage, type Input } from '../validate';
import { getRepository, imageIdsOf, invalidAt, paginate } from './common';
import { parseLifecyclePolicy } from './lifecycle-policy';

export const FIRST_EVALUATION_MIN_SECONDS = 30 * 60;
export const FIRST_EVALUATION_MAX_SECONDS = 60 * 60;
export const EVALUATION_INTERVAL_SECONDS = 24 * 60 * 60;
export const PREVIEW_SECONDS = 10;

const policyNotFound = (repo: Repository) =>
  new AwsError(
    'LifecyclePolicyNotFoundException',
    `Lifecycle policy does not exist for the repository with name '${repo.repositoryName}' in the registry with id '${repo.registryId}'`,
  );

function policyText(input: Input, required: boolean): string | undefined {
  const text = required ? requireString(input, 'lifecyclePolicyText') : optionalString(input, 'lifecyclePolicyText');
  if (text === undefined) return undefined;
  if (text.length < 100) throw new AwsError('InvalidParameterException', validationMessage('lifecyclePolicyText', text, 'Member must have length greater than or equal to 100'));
  if (text.length > 30720) throw new AwsError('InvalidParameterException', validationMessage('lifecyclePolicyText', '...', 'Member must have length less than or equal to 30720'));
  parseLifecyclePolicy(text);
  return text;
}

/** Never evaluated: AWS answers the Unix epoch (1970-01-01). */
const lastEvaluatedAt = (sim: Simulation, repo: Repository) =>
  repo.lifecyclePolicyLastEvaluatedAt === undefined ? new Date(0) : sim.date(repo.lifecyclePolicyLastEvaluatedAt);

export function putLifecyclePolicy(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const text = policyText(input, true)!;
  repo.lifecyclePolicyText = text;
  repo.lifecyclePolicyId = sim.random.hex(12);
  delete repo.lifecyclePolicyLastEvaluatedAt;
  const delay = sim.random.between(FIRST_EVALUATION_MIN_SECONDS, FIRST_EVALUATION_MAX_SECONDS);
  sim.schedule(delay, { type: 'ecr.lifecycleEvaluate', repositoryArn: repo.repositoryArn, lifecyclePolicyId: repo.lifecyclePolicyId });
  sim.emit({
    source: 'ecr',
    kind: 'lifecycle.policy',
    resource: repo.repositoryArn,
    message: `Lifecycle policy set on ${repo.repositoryName}; it is first evaluated in ${Math.round(delay / 60)} minutes (AWS: within 24 hours), then daily.`,
  });
  return { registryId: repo.registryId, repositoryName: repo.repositoryName, lifecyclePolicyText: text };
}

export function getLifecyclePolicy(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  if (repo.lifecyclePolicyText === undefined) throw policyNotFound(repo);
  return {
    registryId: repo.registryId,
    repositoryName: repo.repositoryName,
    lifecyclePolicyText: repo.lifecyclePolicyText,
    lastEvaluatedAt: lastEvaluatedAt(sim, repo),
  };
}

export function deleteLifecyclePolicy(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  if (repo.lifecyclePolicyText === undefined) throw policyNotFound(repo);
  const output = {
    registryId: repo.registryId,
    repositoryName: repo.repositoryName,
    lifecyclePolicyText: repo.lifecyclePolicyText,
    lastEvaluatedAt: lastEvaluatedAt(sim, repo),
  };
  delete repo.lifecyclePolicyText;
  delete repo.lifecyclePolicyId;
  delete repo.lifecyclePolicyLastEvaluatedAt;
  sim.emit({ source: 'ecr', kind: 'lifecycle.policy', resource: repo.repositoryArn, message: `Lifecycle policy deleted from ${repo.repositoryName}; no more images expire.` });
  return output;
}

export function startLifecyclePolicyPreview(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const text = policyText(input, false) ?? repo.lifecyclePolicyText;
  if (text === undefined) throw policyNotFound(repo);
  const current = sim.world.lifecyclePreviews[repo.repositoryArn];
  if (current?.status === 'IN_PROGRESS') {
    // Wording chosen: AWS's exception is LifecyclePolicyPreviewInProgressException.
    throw new AwsError('LifecyclePolicyPreviewInProgressException', `Previous lifecycle policy preview request for the repository with name '${repo.repositoryName}' has not completed. Try again after it completes.`);
  }
  sim.world.lifecyclePreviews[repo.repositoryArn] = { lifecyclePolicyText: text, status: 'IN_PROGRESS', startedAt: sim.now, results: [] };
  sim.schedule(PREVIEW_SECONDS, { type: 'ecr.lifecyclePreviewComplete', repositoryArn: repo.repositoryArn, startedAt: sim.now });
  return { registryId: repo.registryId, repositoryName: repo.repositoryName, lifecyclePolicyText: text, status: 'IN_PROGRESS' };
}

export function getLifecyclePolicyPreview(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const preview = sim.world.lifecyclePreviews[repo.repositoryArn];
  if (!preview) {
    // Wording chosen after the other *NotFoundException texts of ECR.
    throw new AwsError(
      'LifecyclePolicyPreviewNotFoundException',
      `Lifecycle policy preview does not exist for the repository with name '${repo.repositoryName}' in the registry with id '${repo.registryId}'`,
    );
  }
  const filter = input.filter as { tagStatus?: unknown } | undefined;
  const tagStatus = filter?.tagStatus;
  if (tagStatus !== undefined && tagStatus !== 'TAGGED' && tagStatus !== 'UNTAGGED' && tagStatus !== 'ANY') {
    throw invalidAt('filter.tagStatus', 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]');
  }
  const ids = imageIdsOf(input, 'imageIds');
  const results = preview.results.filter(
    (r) =>
      (tagStatus === undefined || tagStatus === 'ANY' || (tagStatus === 'TAGGED') === r.imageTags.length > 0) &&
      (!ids || ids.some((id) => id.imageDigest === r.imageDigest || (id.imageTag !== undefined && r.imageTags.includes(id.imageTag)))),
  );
  const { page, nextToken } = paginate(results, input, 100);
  return {
    registryId: repo.registryId,
    repositoryName: repo.repositoryName,
    lifecyclePolicyText: preview.lifecyclePolicyText,
    status: preview.status,
    previewResults: page.map((r) => ({
      ...(r.imageTags.length ? { imageTags: [...r.imageTags] } : {}),
      imageDigest: r.imageDigest,
      imagePushedAt: sim.date(r.imagePushedAt),
      action: { type: 'EXPIRE' },
      appliedRulePriority: r.rulePriority,
    })),
    ...(preview.status === 'COMPLETE' ? { summary: { expiringImageTotalCount: preview.results.length } } : {}),
    ...(nextToken ? { nextToken } : {}),
  };
}
