/**
 * What every ECR action shares: finding a repository (in the home region or, with the optional
 * `region` input, in another one), AWS's error texts, and the output shapes.
 *
 * Regions: the world holds every region's registry (replication copies images into other regions).
 * Every ECR action answers for the home region unless the input carries `region`, as the CLI's
 * `--region` does: e.g. `ecr:DescribeImages {repositoryName: 'web', region: 'eu-west-1'}`.
 * This `region` field is the simulator's, not part of the SDK input (the SDK takes it from the
 * client configuration).
 */
import type { Simulation } from '../../simulation';
import type { Image, Repository, World } from '../../world/types';
import { repositoryArn } from '../../world/arn';
import { AwsError } from '../errors';
import { optionalNumber, optionalString, requireString, validationMessage, type Input } from '../validate';

export const REPOSITORY_NAME_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
const REPOSITORY_NAME = new RegExp(`^${REPOSITORY_NAME_PATTERN}$`);
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;
export const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;

/** The key of world.images. */
export const imageKey = (repositoryArnValue: string, digest: string) => `${repositoryArnValue}@${digest}`;

/** ECR's wording for a failed constraint: "Invalid parameter at 'X' failed to satisfy constraint: '...'". */
export const invalidAt = (field: string, constraint: string) =>
  new AwsError('InvalidParameterException', `Invalid parameter at '${field}' failed to satisfy constraint: '${constraint}'`);

export const repositoryNotFound = (name: string, registryId: string) =>
  new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`);

export const imageNotFound = (id: { imageDigest?: string; imageTag?: string }, name: string, registryId: string) =>
  new AwsError(
    'ImageNotFoundException',
    `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${name}' in the registry with id '${registryId}'`,
  );

/** The region an ECR call answers for: `input.region` or the home region. */
export function regionOf(world: World, input: Input): string {
  const region = optionalString(input, 'region');
  if (region === undefined) return world.region;
  if (!REGION.test(region)) {
    throw new AwsError('InvalidParameterException', `Unknown region '${region}': write it as AWS does, e.g. us-east-1 or eu-west-1.`);
  }
  return region;
}

/** The registry id of the call (`registryId` defaults to this account, as in AWS). */
export const registryIdOf = (world: World, input: Input) => optionalString(input, 'registryId') ?? world.accountId;

export function validateRepositoryName(name: string, field = 'repositoryName'): void {
  if (name.length < 2) throw new AwsError('InvalidParameterException', validationMessage(field, name, 'Member must have length greater than or equal to 2'));
  if (name.length > 256) throw new AwsError('InvalidParameterException', validationMessage(field, name, 'Member must have length less than or equal to 256'));
  if (!REPOSITORY_NAME.test(name)) throw invalidAt(field, `must satisfy regular expression '${REPOSITORY_NAME_PATTERN}'`);
}

export function findRepository(world: World, name: string, region = world.region): Repository | undefined {
  return world.repositories[repositoryArn(world, name, region)];
}

/** The repository named by `input.repositoryName` (and `region`/`registryId`), or RepositoryNotFoundException. */
export function getRepository(world: World, input: Input): Repository {
  const name = requireString(input, 'repositoryName');
  validateRepositoryName(name);
  const registryId = registryIdOf(world, input);
  const repo = registryId === world.accountId ? findRepository(world, name, regionOf(world, input)) : undefined;
  if (!repo) throw repositoryNotFound(name, registryId);
  return repo;
}

/** The repository's images, oldest push first (ties by digest, so the order is stable). */
export function imagesOf(world: World, repoArn: string): Image[] {
  return Object.values(world.images)
    .filter((i) => i.repositoryArn === repoArn)
    .sort((a, b) => a.imagePushedAt - b.imagePushedAt || (a.imageDigest < b.imageDigest ? -1 : 1));
}

export interface ImageIdentifier {
  imageDigest?: string;
  imageTag?: string;
}

export type ImageLookup = { image: Image } | { failureCode: string; failureReason: string };

/** Finds one image by ImageIdentifier, or the ImageFailure code and reason AWS gives. */
export function lookupImage(world: World, repoArn: string, id: ImageIdentifier): ImageLookup {
  if (!id.imageDigest && !id.imageTag) {
    return { failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' };
  }
  if (id.imageDigest && !DIGEST.test(id.imageDigest)) {
    return { failureCode: 'InvalidImageDigest', failureReason: "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'" };
  }
  const images = imagesOf(world, repoArn);
  const byDigest = id.imageDigest ? images.find((i) => i.imageDigest === id.imageDigest) : undefined;
  const byTag = id.imageTag ? images.find((i) => i.imageTags.includes(id.imageTag!)) : undefined;
  if (id.imageDigest && id.imageTag) {
    if (byDigest && byTag && byDigest !== byTag) {
      // Wording chosen: AWS's code is ImageTagDoesNotMatchDigest; its exact reason text was not found.
      return { failureCode: 'ImageTagDoesNotMatchDigest', failureReason: 'Invalid request parameters: image tag does not match digest' };
    }
    if (byDigest && byTag) return { image: byDigest };
  } else {
    const image = byDigest ?? byTag;
    if (image) return { image };
  }
  return { failureCode: 'ImageNotFound', failureReason: 'Requested image not found' };
}

/** Reads an ImageIdentifier list field (e.g. `imageIds`). */
export function imageIdsOf(input: Input, field: string): ImageIdentifier[] | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new AwsError('InvalidParameterException', validationMessage(field, v, 'Member must be a list of ImageIdentifier'));
  return v.map((item) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const imageDigest = typeof o.imageDigest === 'string' ? o.imageDigest : undefined;
    const imageTag = typeof o.imageTag === 'string' ? o.imageTag : undefined;
    return { ...(imageDigest ? { imageDigest } : {}), ...(imageTag ? { imageTag } : {}) };
  });
}

export function repositoryOutput(sim: Simulation, repo: Repository) {
  return {
    repositoryArn: repo.repositoryArn,
    registryId: repo.registryId,
    repositoryName: repo.repositoryName,
    repositoryUri: repo.repositoryUri,
    createdAt: sim.date(repo.createdAt),
    imageTagMutability: repo.imageTagMutability,
    imageScanningConfiguration: { ...repo.imageScanningConfiguration },
    encryptionConfiguration: { ...repo.encryptionConfiguration },
  };
}

/**
 * maxResults / nextToken paging. Choice: the token is the index of the next item as a string
 * (AWS's tokens are opaque); a token that is not one of ours is InvalidParameterException.
 */
export function paginate<T>(items: T[], input: Input, maxLimit = 1000): { page: T[]; nextToken?: string } {
  const maxResults = optionalNumber(input, 'maxResults');
  if (maxResults !== undefined && (maxResults < 1 || maxResults > maxLimit || !Number.isInteger(maxResults))) {
    throw new AwsError('InvalidParameterException', validationMessage('maxResults', maxResults, `Member must have value between 1 and ${maxLimit}`));
  }
  const token = optionalString(input, 'nextToken');
  const start = token === undefined ? 0 : Number(token);
  if (!Number.isInteger(start) || start < 0) throw new AwsError('InvalidParameterException', 'Invalid parameter at \'nextToken\' failed to satisfy constraint: \'Invalid pagination token\'');
  const end = maxResults === undefined ? items.length : start + maxResults;
  return { page: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}
