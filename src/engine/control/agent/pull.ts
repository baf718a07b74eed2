/**
 * How long the agent takes to pull a container image, and whether it can.
 *
 * Model (a documented choice; AWS publishes no formula, but pull time is dominated by the layer
 * download and grows with image size):
 *  - ECR (same region, over the AWS network): 2 s (auth token + manifest) + size / 60 MiB/s.
 *  - Public registries (Docker Hub, public.ecr.aws): 4 s + size / 20 MiB/s.
 *  - Either one jittered by +/-10% (sim.random), so tasks started together do not finish in lockstep.
 *  - EC2 with ECS_IMAGE_PULL_BEHAVIOR `default`: the agent still pulls, but when the instance's
 *    Docker daemon already holds that digest every layer "Already exists", so only the manifest
 *    is fetched: 0.5 s. Fargate never caches images between tasks (each task is a fresh microVM).
 *  - A pull that cannot succeed (missing image, no credentials) fails after the agent's retries:
 *    FAILED_PULL_SECONDS.
 *
 * Credentials: a private ECR image needs the task execution role on Fargate; on EC2 the agent can
 * use the instance role (AmazonEC2ContainerServiceforEC2Role grants ecr:GetAuthorizationToken and
 * BatchGetImage), so EC2 tasks pull without an execution role.
 */
import { resolveImage, type ResolvedImage } from '../../aws/ecr/resolve';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';

const MiB = 1024 * 1024;
export const FAILED_PULL_SECONDS = 8;
export const CACHED_PULL_SECONDS = 0.5;

export type PullPlan =
  | { ok: true; seconds: number; image: Extract<ResolvedImage, { ok: true }>; cached: boolean }
  | { ok: false; seconds: number; reason: string };

export function planPull(sim: Simulation, task: Task, image: string, cachedDigests: readonly string[]): PullPlan {
  const resolved = resolveImage(sim.world, image);
  if (!resolved.ok) return { ok: false, seconds: FAILED_PULL_SECONDS, reason: resolved.reason };
  if (resolved.private && task.launchType === 'FARGATE' && !executionRoleOf(sim, task)) {
    // Without an execution role the Fargate agent has no ECR credentials; containerd's anonymous
    // pull is refused, which AWS reports in this shape (stopped-task CannotPullContainerError).
    return {
      ok: false,
      seconds: FAILED_PULL_SECONDS,
      reason:
        `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${resolved.reference}: ` +
        `pulling from host ${resolved.reference.split('/')[0]} failed with status code [manifests]: 401 Unauthorized ` +
        `(the task has no task execution role to authenticate to Amazon ECR)`,
    };
  }
  const cached = task.launchType === 'EC2' && cachedDigests.includes(resolved.imageDigest);
  if (cached) return { ok: true, seconds: CACHED_PULL_SECONDS, image: resolved, cached };
  const [fixed, rate] = resolved.source === 'ecr' ? [2, 60 * MiB] : [4, 20 * MiB];
  const seconds = (fixed + resolved.sizeInBytes / rate) * sim.random.between(0.9, 1.1);
  return { ok: true, seconds: Math.round(seconds * 10) / 10, image: resolved, cached };
}

export function executionRoleOf(sim: Simulation, task: Task): string | undefined {
  if (task.overrides.executionRoleArn) return task.overrides.executionRoleArn;
  const td = Object.hasOwn(sim.world.taskDefinitions, task.taskDefinitionArn) ? sim.world.taskDefinitions[task.taskDefinitionArn] : undefined;
  return td?.executionRoleArn ?? undefined;
}
