/**
 * sim:PushImage {repositoryName, imageTag?, sizeMiB?, behavior?, region?}: `docker push`.
 * Builds a Docker image manifest v2 whose layers sum to `sizeMiB` and stores it with PutImage's
 * rules (tag mutability, replication), keeping `behavior` for the containers that run it.
 *
 * Choices:
 *  - imageTag defaults to "latest", as docker's does; sizeMiB defaults to DEFAULT_PUSH_SIZE_MIB.
 *  - What makes two pushes the same image: the build is identified by (imageTag, sizeMiB,
 *    behavior). Pushing the same again is a no-op that returns the same digest, as re-pushing
 *    the same build is; a new tag ("v2") or different behaviour is a new build and a new digest.
 *    So pushing "v2" after "v1" gives a new image even with the same settings. To give one
 *    image a second tag, retag it as on AWS: BatchGetImage its manifest, PutImage it with the tag.
 */
import type { Simulation } from '../../simulation';
import type { ImageBehavior } from '../../world/types';
import { AwsError } from '../errors';
import { optionalNumber, optionalString, type Input } from '../validate';
import { getRepository, imageKey } from './common';
import { storeImage, validateImageTag } from './images';
import { buildManifest, MIB, sha256Digest } from './manifest';

export const DEFAULT_PUSH_SIZE_MIB = 50;
const MAX_PUSH_SIZE_MIB = 10_240;

const NUMBER_FIELDS = ['startupSeconds', 'exitAfterSeconds', 'cpuUnitsIdle', 'cpuUnitsPerRequest', 'memoryMiBIdle', 'memoryMiBPerRequest', 'latencyMs'] as const;

function behaviorOf(input: Input): ImageBehavior {
  const raw = input.behavior;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new AwsError('InvalidParameterException', 'behavior must be an object, e.g. {"startupSeconds": 10}.');
  const out: ImageBehavior = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new AwsError('InvalidParameterException', `behavior.${key} must be a number >= 0, not ${JSON.stringify(value)}.`);
      (out as Record<string, number>)[key] = value;
    } else if (key === 'exitCode') {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 255) throw new AwsError('InvalidParameterException', `behavior.exitCode must be an integer 0-255, not ${JSON.stringify(value)}.`);
      out.exitCode = value as number;
    } else if (key === 'healthy') {
      if (typeof value !== 'boolean') throw new AwsError('InvalidParameterException', `behavior.healthy must be true or false, not ${JSON.stringify(value)}.`);
      out.healthy = value;
    } else {
      throw new AwsError('InvalidParameterException', `behavior.${key} is not a behaviour field. Known: ${[...NUMBER_FIELDS, 'exitCode', 'healthy'].join(', ')}.`);
    }
  }
  return out;
}

export function pushImage(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const imageTag = optionalString(input, 'imageTag') ?? 'latest';
  validateImageTag(imageTag);
  const sizeMiB = optionalNumber(input, 'sizeMiB') ?? DEFAULT_PUSH_SIZE_MIB;
  if (!(sizeMiB > 0) || sizeMiB > MAX_PUSH_SIZE_MIB) throw new AwsError('InvalidParameterException', `sizeMiB must be more than 0 and at most ${MAX_PUSH_SIZE_MIB}, not ${sizeMiB}.`);
  const behavior = behaviorOf(input);
  const sorted = Object.fromEntries(Object.entries(behavior).sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest = buildManifest(JSON.stringify({ imageTag, sizeMiB, behavior: sorted }), sizeMiB);
  const digest = sha256Digest(manifest);
  const existing = sim.world.images[imageKey(repo.repositoryArn, digest)];
  const image = existing?.imageTags.includes(imageTag) ? existing : storeImage(sim, repo, { imageManifest: manifest, imageTag, behavior });
  if (image === existing) {
    sim.emit({ source: 'ecr', kind: 'image.pushed', resource: repo.repositoryArn, message: `${repo.repositoryName}:${imageTag} is already up to date (${digest.slice(0, 19)}): nothing to push.` });
  }
  return {
    imageId: { imageDigest: image.imageDigest, imageTag },
    imageDigest: image.imageDigest,
    repositoryUri: repo.repositoryUri,
    imageUri: `${repo.repositoryUri}:${imageTag}`,
    imageSizeInBytes: image.imageSizeInBytes,
    sizeMiB: Math.round((image.imageSizeInBytes / MIB) * 10) / 10,
  };
}
