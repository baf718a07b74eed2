/**
 * ECR images: PutImage, DescribeImages, ListImages, BatchGetImage, BatchDeleteImage, and
 * `storeImage`, the one place an image enters a repository (PutImage, sim:PushImage, replication).
 *
 * AWS facts: an image is identified by its digest; tags point at digests. Pushing a tag that
 * another image holds moves the tag (MUTABLE; the old image stays, untagged if it has no other
 * tag) or fails with ImageTagAlreadyExistsException (IMMUTABLE). The same manifest with the same
 * tag again is ImageAlreadyExistsException. Removing an image's last tag deletes the image.
 */
import type { Simulation } from '../../simulation';
import type { Image, ImageBehavior, Repository } from '../../world/types';
import { AwsError } from '../errors';
import { optionalString, requireString, validationMessage, type Input } from '../validate';
import { getRepository, imageIdsOf, imageKey, imageNotFound, imagesOf, invalidAt, lookupImage, paginate, type ImageIdentifier } from './common';
import { DOCKER_CONFIG_V1, DOCKER_MANIFEST_V2, MIB, parseManifest, sha256Digest } from './manifest';
import { scheduleReplication } from './replication';

export interface StoreImageRequest {
  imageManifest: string;
  imageManifestMediaType?: string;
  imageTag?: string;
  imageDigest?: string;
  /** How containers from it behave; default: that of an image with the same digest anywhere, else none (defaults). */
  behavior?: ImageBehavior;
  /** False for replicated copies (replicated images are not replicated again). */
  replicate?: boolean;
}

export function validateImageTag(tag: string, field = 'imageTag'): void {
  if (tag.length < 1 || tag.length > 300) {
    throw new AwsError('InvalidParameterException', validationMessage(field, tag, 'Member must have length between 1 and 300'));
  }
}

const short = (digest: string) => digest.slice(0, 19);

export function storeImage(sim: Simulation, repo: Repository, req: StoreImageRequest): Image {
  const world = sim.world;
  const parsed = parseManifest(req.imageManifest);
  const digest = sha256Digest(req.imageManifest);
  if (req.imageDigest !== undefined && req.imageDigest !== digest) {
    throw new AwsError(
      'ImageDigestDoesNotMatchException',
      `The specified image digest '${req.imageDigest}' does not match the digest that Amazon ECR calculated for the image ('${digest}').`,
    );
  }
  const tag = req.imageTag;
  if (tag !== undefined) validateImageTag(tag);
  const existing = world.images[imageKey(repo.repositoryArn, digest)];
  if (existing && (tag === undefined || existing.imageTags.includes(tag))) {
    throw new AwsError(
      'ImageAlreadyExistsException',
      `Image with digest '${digest}'${tag !== undefined ? ` and tag '${tag}'` : ''} already exists in the repository with name '${repo.repositoryName}' in registry with id '${repo.registryId}'`,
    );
  }
  const holder = tag === undefined ? undefined : imagesOf(world, repo.repositoryArn).find((i) => i.imageTags.includes(tag));
  if (holder && repo.imageTagMutability === 'IMMUTABLE') {
    throw new AwsError(
      'ImageTagAlreadyExistsException',
      `The image tag '${tag}' already exists in the '${repo.repositoryName}' repository and cannot be overwritten because the repository is immutable.`,
    );
  }
  if (holder && tag !== undefined) {
    holder.imageTags = holder.imageTags.filter((t) => t !== tag);
    sim.emit({
      source: 'ecr',
      kind: 'image.retagged',
      resource: repo.repositoryArn,
      message: `Tag ${tag} in ${repo.repositoryName} moved from ${short(holder.imageDigest)} to ${short(digest)}; ${
        holder.imageTags.length ? `${short(holder.imageDigest)} keeps ${holder.imageTags.join(', ')}` : `${short(holder.imageDigest)} is now untagged (it stays until deleted or expired)`
      }.`,
    });
  }
  let image: Image;
  if (existing) {
    existing.imageTags.push(tag!);
    image = existing;
    sim.emit({ source: 'ecr', kind: 'image.tagged', resource: repo.repositoryArn, message: `Tagged ${repo.repositoryName}@${short(digest)} as ${tag}.` });
  } else {
    const twin = Object.values(world.images).find((i) => i.imageDigest === digest);
    image = {
      repositoryArn: repo.repositoryArn,
      repositoryName: repo.repositoryName,
      registryId: repo.registryId,
      region: repo.region,
      imageDigest: digest,
      imageTags: tag === undefined ? [] : [tag],
      imageManifest: req.imageManifest,
      imageManifestMediaType: req.imageManifestMediaType ?? parsed.mediaType ?? DOCKER_MANIFEST_V2,
      imageSizeInBytes: parsed.sizeInBytes,
      imagePushedAt: sim.now,
      behavior: { ...(req.behavior ?? twin?.behavior ?? {}) },
    };
    world.images[imageKey(repo.repositoryArn, digest)] = image;
    sim.emit({
      source: 'ecr',
      kind: 'image.pushed',
      resource: repo.repositoryArn,
      message: `Pushed ${repo.repositoryName}${tag !== undefined ? `:${tag}` : ''} (${short(digest)}, ${(parsed.sizeInBytes / MIB).toFixed(1)} MiB) to ${repo.repositoryUri}.`,
      detail: { imageDigest: digest, imageTag: tag, region: repo.region },
    });
  }
  if (req.replicate !== false) scheduleReplication(sim, repo, digest, tag);
  return image;
}

export function putImage(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const image = storeImage(sim, repo, {
    imageManifest: requireString(input, 'imageManifest'),
    imageManifestMediaType: optionalString(input, 'imageManifestMediaType'),
    imageTag: optionalString(input, 'imageTag'),
    imageDigest: optionalString(input, 'imageDigest'),
  });
  const tag = optionalString(input, 'imageTag');
  return {
    image: {
      registryId: repo.registryId,
      repositoryName: repo.repositoryName,
      imageId: { imageDigest: image.imageDigest, ...(tag !== undefined ? { imageTag: tag } : {}) },
      imageManifest: image.imageManifest,
      imageManifestMediaType: image.imageManifestMediaType,
    },
  };
}

type TagStatus = 'TAGGED' | 'UNTAGGED' | 'ANY';

function tagStatusFilter(input: Input): TagStatus {
  const filter = input.filter as { tagStatus?: unknown } | undefined;
  const v = filter?.tagStatus ?? 'ANY';
  if (v !== 'TAGGED' && v !== 'UNTAGGED' && v !== 'ANY') throw invalidAt('filter.tagStatus', 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]');
  return v;
}

const keep = (status: TagStatus) => (i: Image) => status === 'ANY' || (status === 'TAGGED') === i.imageTags.length > 0;

export function imageDetail(sim: Simulation, i: Image) {
  return {
    registryId: i.registryId,
    repositoryName: i.repositoryName,
    imageDigest: i.imageDigest,
    ...(i.imageTags.length ? { imageTags: [...i.imageTags] } : {}),
    imageSizeInBytes: i.imageSizeInBytes,
    imagePushedAt: sim.date(i.imagePushedAt),
    imageManifestMediaType: i.imageManifestMediaType,
    artifactMediaType: DOCKER_CONFIG_V1,
    ...(i.lastRecordedPullTime !== undefined ? { lastRecordedPullTime: sim.date(i.lastRecordedPullTime) } : {}),
  };
}

export function describeImages(sim: Simulation, input: Input) {
  const world = sim.world;
  const repo = getRepository(world, input);
  const ids = imageIdsOf(input, 'imageIds');
  let images: Image[];
  if (ids) {
    images = ids.map((id) => {
      const found = lookupImage(world, repo.repositoryArn, id);
      if ('image' in found) return found.image;
      if (found.failureCode === 'ImageNotFound') throw imageNotFound(id, repo.repositoryName, repo.registryId);
      throw new AwsError('InvalidParameterException', found.failureReason);
    });
  } else {
    images = imagesOf(world, repo.repositoryArn).filter(keep(tagStatusFilter(input)));
  }
  const { page, nextToken } = paginate(images, input);
  return { imageDetails: page.map((i) => imageDetail(sim, i)), ...(nextToken ? { nextToken } : {}) };
}

export function listImages(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const ids: ImageIdentifier[] = imagesOf(sim.world, repo.repositoryArn)
    .filter(keep(tagStatusFilter(input)))
    .flatMap((i) => (i.imageTags.length ? i.imageTags.map((imageTag) => ({ imageDigest: i.imageDigest, imageTag })) : [{ imageDigest: i.imageDigest }]));
  const { page, nextToken } = paginate(ids, input);
  return { imageIds: page, ...(nextToken ? { nextToken } : {}) };
}

function requireImageIds(input: Input): ImageIdentifier[] {
  const ids = imageIdsOf(input, 'imageIds');
  if (!ids) throw new AwsError('InvalidParameterException', validationMessage('imageIds', undefined, 'Member must not be null'));
  if (ids.length < 1 || ids.length > 100) throw invalidAt('imageIds', 'Member must have length less than or equal to 100');
  return ids;
}

export function batchGetImage(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const images: unknown[] = [];
  const failures: unknown[] = [];
  for (const id of requireImageIds(input)) {
    const found = lookupImage(sim.world, repo.repositoryArn, id);
    if ('image' in found) {
      images.push({
        registryId: repo.registryId,
        repositoryName: repo.repositoryName,
        imageId: { imageDigest: found.image.imageDigest, ...(id.imageTag ? { imageTag: id.imageTag } : {}) },
        imageManifest: found.image.imageManifest,
        imageManifestMediaType: found.image.imageManifestMediaType,
      });
    } else {
      failures.push({ imageId: id, failureCode: found.failureCode, failureReason: found.failureReason });
    }
  }
  return { images, failures };
}

export function batchDeleteImage(sim: Simulation, input: Input) {
  const world = sim.world;
  const repo = getRepository(world, input);
  const imageIds: ImageIdentifier[] = [];
  const failures: unknown[] = [];
  for (const id of requireImageIds(input)) {
    const found = lookupImage(world, repo.repositoryArn, id);
    if (!('image' in found)) {
      failures.push({ imageId: id, failureCode: found.failureCode, failureReason: found.failureReason });
      continue;
    }
    const image = found.image;
    if (id.imageTag && !id.imageDigest) {
      // Deleting by tag removes the tag; the image goes with its last tag.
      image.imageTags = image.imageTags.filter((t) => t !== id.imageTag);
      imageIds.push({ imageDigest: image.imageDigest, imageTag: id.imageTag });
      if (image.imageTags.length > 0) {
        sim.emit({ source: 'ecr', kind: 'image.untagged', resource: repo.repositoryArn, message: `Removed tag ${id.imageTag} from ${repo.repositoryName}@${short(image.imageDigest)}.` });
        continue;
      }
    } else {
      imageIds.push(...(image.imageTags.length ? image.imageTags.map((imageTag) => ({ imageDigest: image.imageDigest, imageTag })) : [{ imageDigest: image.imageDigest }]));
    }
    deleteImageRecord(sim, image, 'BatchDeleteImage');
  }
  return { imageIds, failures };
}

/** Removes an image from the world and says so in the log. */
export function deleteImageRecord(sim: Simulation, image: Image, why: string): void {
  delete sim.world.images[imageKey(image.repositoryArn, image.imageDigest)];
  sim.emit({
    source: 'ecr',
    kind: 'image.deleted',
    resource: image.repositoryArn,
    message: `Deleted ${image.repositoryName}@${short(image.imageDigest)}${image.imageTags.length ? ` (${image.imageTags.join(', ')})` : ''}: ${why}.`,
    detail: { imageDigest: image.imageDigest },
  });
}
