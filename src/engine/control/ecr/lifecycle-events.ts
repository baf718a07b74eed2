/**
 * Scheduled lifecycle work: the daily evaluation that expires images ('ecr.lifecycleEvaluate')
 * and the completion of a preview ('ecr.lifecyclePreviewComplete'). Both use the one evaluator.
 * Events are checked against the world when they fire: a deleted repository, a deleted or
 * replaced policy (another lifecyclePolicyId) or a newer preview makes them stale, and they stop.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import { imagesOf } from '../../aws/ecr/common';
import { deleteImageRecord } from '../../aws/ecr/images';
import { EVALUATION_INTERVAL_SECONDS } from '../../aws/ecr/lifecycle';
import { parseLifecyclePolicy } from '../../aws/ecr/lifecycle-policy';
import { evaluateLifecyclePolicy } from './lifecycle-evaluate';

export function lifecycleEvaluate(sim: Simulation, event: KernelEvent): void {
  const repo = sim.world.repositories[String(event.repositoryArn)];
  if (!repo || repo.lifecyclePolicyText === undefined || repo.lifecyclePolicyId !== event.lifecyclePolicyId) return;
  const policy = parseLifecyclePolicy(repo.lifecyclePolicyText);
  const images = imagesOf(sim.world, repo.repositoryArn);
  const expired = evaluateLifecyclePolicy(policy, images, sim.now);
  for (const expiry of expired) {
    const image = images.find((i) => i.imageDigest === expiry.imageDigest)!;
    deleteImageRecord(sim, image, `expired by lifecycle policy ${expiry.reason}`);
  }
  repo.lifecyclePolicyLastEvaluatedAt = sim.now;
  sim.emit({
    source: 'ecr',
    kind: 'lifecycle.evaluated',
    resource: repo.repositoryArn,
    message: `Lifecycle policy of ${repo.repositoryName} evaluated over ${images.length} image(s): ${expired.length} expired. Next evaluation in 24 hours.`,
    detail: { expired: expired.map((e) => ({ imageDigest: e.imageDigest, rulePriority: e.rulePriority })) },
  });
  sim.schedule(EVALUATION_INTERVAL_SECONDS, { type: 'ecr.lifecycleEvaluate', repositoryArn: repo.repositoryArn, lifecyclePolicyId: repo.lifecyclePolicyId });
}

export function lifecyclePreviewComplete(sim: Simulation, event: KernelEvent): void {
  const repoArn = String(event.repositoryArn);
  const repo = sim.world.repositories[repoArn];
  const preview = sim.world.lifecyclePreviews[repoArn];
  if (!repo || !preview || preview.status !== 'IN_PROGRESS' || preview.startedAt !== event.startedAt) return;
  const expired = evaluateLifecyclePolicy(parseLifecyclePolicy(preview.lifecyclePolicyText), imagesOf(sim.world, repoArn), sim.now);
  preview.status = 'COMPLETE';
  preview.results = expired.map(({ imageDigest, imageTags, imagePushedAt, rulePriority }) => ({ imageDigest, imageTags, imagePushedAt, rulePriority }));
  sim.emit({
    source: 'ecr',
    kind: 'lifecycle.preview',
    resource: repoArn,
    message: `Lifecycle policy preview for ${repo.repositoryName} complete: ${expired.length} image(s) would expire.`,
    detail: { reasons: expired.map((e) => `${e.imageDigest.slice(0, 19)}: ${e.reason}`) },
  });
}
