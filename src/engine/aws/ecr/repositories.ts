/**
 * ECR repositories: CreateRepository, DescribeRepositories, DeleteRepository,
 * PutImageTagMutability and the repository policy actions.
 */
import type { Simulation } from '../../simulation';
import type { Repository } from '../../world/types';
import { registryHost, repositoryArn } from '../../world/arn';
import { AwsError } from '../errors';
import { optionalArray, optionalBoolean, requireString, type Input } from '../validate';
import {
  findRepository,
  getRepository,
  imageKey,
  imagesOf,
  invalidAt,
  paginate,
  regionOf,
  registryIdOf,
  repositoryNotFound,
  repositoryOutput,
  validateRepositoryName,
} from './common';

const MUTABILITY = ['MUTABLE', 'IMMUTABLE'] as const;

function mutabilityOf(input: Input): Repository['imageTagMutability'] | undefined {
  const v = input.imageTagMutability;
  if (v === undefined || v === null) return undefined;
  if (!MUTABILITY.includes(v as Repository['imageTagMutability'])) {
    throw invalidAt('imageTagMutability', 'Member must satisfy enum value set: [IMMUTABLE, MUTABLE]');
  }
  return v as Repository['imageTagMutability'];
}

/** Creates a repository in `region` with default settings; used by CreateRepository and replication. */
export function createRepositoryRecord(sim: Simulation, name: string, region: string, settings: Partial<Repository> = {}): Repository {
  const world = sim.world;
  const repo: Repository = {
    repositoryArn: repositoryArn(world, name, region),
    registryId: world.accountId,
    region,
    repositoryName: name,
    repositoryUri: `${registryHost(world, region)}/${name}`,
    createdAt: sim.now,
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' },
    tags: [],
    ...settings,
  };
  world.repositories[repo.repositoryArn] = repo;
  return repo;
}

export function createRepository(sim: Simulation, input: Input) {
  const world = sim.world;
  const name = requireString(input, 'repositoryName');
  validateRepositoryName(name);
  const region = regionOf(world, input);
  const registryId = registryIdOf(world, input);
  if (findRepository(world, name, region)) {
    throw new AwsError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${registryId}'`);
  }
  const scanning = input.imageScanningConfiguration as { scanOnPush?: unknown } | undefined;
  const encryption = input.encryptionConfiguration as { encryptionType?: unknown; kmsKey?: unknown } | undefined;
  const encryptionType = encryption?.encryptionType ?? 'AES256';
  if (encryptionType !== 'AES256' && encryptionType !== 'KMS') {
    throw invalidAt('encryptionConfiguration.encryptionType', 'Member must satisfy enum value set: [AES256, KMS]');
  }
  const tags = (optionalArray<{ Key: string; Value: string }>(input, 'tags') ?? []).map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') }));
  const repo = createRepositoryRecord(sim, name, region, {
    imageTagMutability: mutabilityOf(input) ?? 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: scanning?.scanOnPush === true },
    encryptionConfiguration: {
      encryptionType,
      ...(encryptionType === 'KMS' ? { kmsKey: typeof encryption?.kmsKey === 'string' ? encryption.kmsKey : `arn:aws:kms:${region}:${world.accountId}:alias/aws/ecr` } : {}),
    },
    tags,
  });
  sim.emit({ source: 'ecr', kind: 'repository.created', resource: repo.repositoryArn, message: `Created repository ${repo.repositoryUri} (${repo.imageTagMutability} tags).` });
  return { repository: repositoryOutput(sim, repo) };
}

export function describeRepositories(sim: Simulation, input: Input) {
  const world = sim.world;
  const region = regionOf(world, input);
  const registryId = registryIdOf(world, input);
  const names = optionalArray<string>(input, 'repositoryNames');
  let repos: Repository[];
  if (names) {
    repos = names.map((name) => {
      validateRepositoryName(String(name), 'repositoryNames');
      const repo = registryId === world.accountId ? findRepository(world, name, region) : undefined;
      if (!repo) throw repositoryNotFound(name, registryId);
      return repo;
    });
  } else {
    // Choice: repositories are listed in creation order (AWS does not document an order).
    repos = Object.values(world.repositories).filter((r) => r.region === region && r.registryId === registryId);
  }
  const { page, nextToken } = paginate(repos, input);
  return { repositories: page.map((r) => repositoryOutput(sim, r)), ...(nextToken ? { nextToken } : {}) };
}

export function deleteRepository(sim: Simulation, input: Input) {
  const world = sim.world;
  const repo = getRepository(world, input);
  const images = imagesOf(world, repo.repositoryArn);
  if (images.length > 0 && optionalBoolean(input, 'force') !== true) {
    throw new AwsError(
      'RepositoryNotEmptyException',
      `The repository with name '${repo.repositoryName}' in registry with id '${repo.registryId}' cannot be deleted because it still contains images`,
    );
  }
  const output = { repository: repositoryOutput(sim, repo) };
  for (const image of images) delete world.images[imageKey(repo.repositoryArn, image.imageDigest)];
  delete world.lifecyclePreviews[repo.repositoryArn];
  delete world.repositories[repo.repositoryArn];
  sim.emit({
    source: 'ecr',
    kind: 'repository.deleted',
    resource: repo.repositoryArn,
    message: `Deleted repository ${repo.repositoryUri}${images.length ? ` and its ${images.length} image(s) (force)` : ''}.`,
  });
  return output;
}

export function putImageTagMutability(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const mutability = mutabilityOf(input);
  if (!mutability) throw invalidAt('imageTagMutability', 'Member must not be null');
  repo.imageTagMutability = mutability;
  sim.emit({ source: 'ecr', kind: 'repository.updated', resource: repo.repositoryArn, message: `Image tags in ${repo.repositoryName} are now ${mutability}.` });
  return { registryId: repo.registryId, repositoryName: repo.repositoryName, imageTagMutability: mutability };
}

const policyNotFound = (repo: Repository) =>
  new AwsError(
    'RepositoryPolicyNotFoundException',
    `Repository policy does not exist for the repository with name '${repo.repositoryName}' in the registry with id '${repo.registryId}'`,
  );

export function setRepositoryPolicy(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const policyText = requireString(input, 'policyText');
  let doc: unknown;
  try {
    doc = JSON.parse(policyText);
  } catch {
    doc = undefined;
  }
  // Choice: we check the policy is a JSON object with a Statement list, as IAM's validator would
  // at the least; the statements themselves are not evaluated (the simulator has no IAM).
  const statements = (doc as { Statement?: unknown } | undefined)?.Statement;
  if (typeof doc !== 'object' || doc === null || !(Array.isArray(statements) || typeof statements === 'object')) {
    throw invalidAt('PolicyText', 'Invalid repository policy provided');
  }
  repo.repositoryPolicyText = policyText;
  return { registryId: repo.registryId, repositoryName: repo.repositoryName, policyText };
}

export function getRepositoryPolicy(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  if (repo.repositoryPolicyText === undefined) throw policyNotFound(repo);
  return { registryId: repo.registryId, repositoryName: repo.repositoryName, policyText: repo.repositoryPolicyText };
}

export function deleteRepositoryPolicy(sim: Simulation, input: Input) {
  const repo = getRepository(sim.world, input);
  const policyText = repo.repositoryPolicyText;
  if (policyText === undefined) throw policyNotFound(repo);
  delete repo.repositoryPolicyText;
  return { registryId: repo.registryId, repositoryName: repo.repositoryName, policyText };
}
