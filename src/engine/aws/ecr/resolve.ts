/**
 * OWNED BY: the ECR work. Signature fixed.
 *
 * Resolves a container definition's `image` the way the container agent pulls it:
 *  - `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG` or `...NAME@sha256:DIGEST`: an ECR image of this world
 *    (any region's registry); private: pulling it needs a task execution role (Fargate) or an
 *    instance role (EC2).
 *  - anything else (`nginx`, `nginx:latest`, `public.ecr.aws/...`, `docker.io/library/redis:7`):
 *    a public image, present, default behaviour and a documented default size.
 * When the image is not there, `reason` is the CannotPullContainerError text the agent reports.
 */
import type { ImageBehavior, World } from '../../world/types';
import { withDefaultBehavior } from '../../world/image-behavior';
import { findRepository, imageKey, imagesOf } from './common';
import { MIB, sha256Digest } from './manifest';

export type ResolvedImage =
  | {
      ok: true;
      source: 'ecr' | 'public';
      /** The normalised reference, e.g. docker.io/library/nginx:latest. */
      reference: string;
      imageDigest: string;
      sizeInBytes: number;
      behavior: Required<Omit<ImageBehavior, 'exitAfterSeconds' | 'exitCode'>> & Pick<ImageBehavior, 'exitAfterSeconds' | 'exitCode'>;
      /** True for ECR images: the pull needs credentials (execution role / instance role). */
      private: boolean;
      repositoryArn?: string;
    }
  | { ok: false; reason: string };

/**
 * Sizes of well-known public images (compressed, linux/amd64, MiB; rounded, as Docker Hub shows
 * them in 2025). Any other public image is DEFAULT_PUBLIC_IMAGE_MIB. A choice, for pull times.
 */
export const PUBLIC_IMAGE_MIB: Readonly<Record<string, number>> = {
  nginx: 70,
  httpd: 55,
  redis: 45,
  memcached: 30,
  postgres: 150,
  mysql: 170,
  mongo: 250,
  rabbitmq: 90,
  node: 400,
  python: 380,
  golang: 280,
  ubuntu: 30,
  amazonlinux: 60,
  alpine: 4,
  busybox: 2,
  'hello-world': 1,
  traefik: 45,
  'amazon-ecs-sample': 110,
};
export const DEFAULT_PUBLIC_IMAGE_MIB = 100;

const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$/;

interface Reference {
  host: string;
  name: string;
  tag?: string;
  digest?: string;
}

/** Splits a Docker reference as docker does: [host/]name[:tag][@digest]; Docker Hub by default. */
function parseReference(image: string): Reference | undefined {
  const at = image.indexOf('@');
  const rest = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : 'docker.io';
  const path = hasHost ? rest.slice(slash + 1) : rest;
  const colon = path.indexOf(':', path.lastIndexOf('/') + 1);
  let name = colon >= 0 ? path.slice(0, colon) : path;
  const tag = colon >= 0 ? path.slice(colon + 1) : digest ? undefined : 'latest';
  if (!name || /[A-Z\s]/.test(name) || (tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(tag)) || (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest))) {
    return undefined;
  }
  if (host === 'docker.io' && !name.includes('/')) name = `library/${name}`;
  return { host, name, tag, digest };
}

const show = (r: Reference) => `${r.host}/${r.name}${r.tag !== undefined && r.digest === undefined ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;

export function resolveImage(world: World, image: string): ResolvedImage {
  const ref = parseReference(image.trim());
  if (!ref) return { ok: false, reason: `CannotPullContainerError: failed to resolve ref ${image}: invalid reference format` };
  const reference = show(ref);
  const ecr = ECR_HOST.exec(ref.host);
  if (!ecr) {
    const base = ref.name.slice(ref.name.lastIndexOf('/') + 1);
    const mib = PUBLIC_IMAGE_MIB[base] ?? DEFAULT_PUBLIC_IMAGE_MIB;
    return {
      ok: true,
      source: 'public',
      reference,
      imageDigest: ref.digest ?? sha256Digest(`public:${reference}`),
      sizeInBytes: mib * MIB,
      behavior: withDefaultBehavior(),
      private: false,
    };
  }
  // An ECR reference: the agent's containerd pull fails with "<ref>: not found" when the
  // repository, tag or digest is missing. Choice: another account's registry is not modelled,
  // so its images are not found either.
  const notFound = { ok: false as const, reason: `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${reference}: ${reference}: not found` };
  const [, account, region] = ecr;
  const repo = account === world.accountId ? findRepository(world, ref.name, region) : undefined;
  if (!repo) return notFound;
  const found = ref.digest
    ? world.images[imageKey(repo.repositoryArn, ref.digest)]
    : imagesOf(world, repo.repositoryArn).find((i) => i.imageTags.includes(ref.tag!));
  if (!found) return notFound;
  return {
    ok: true,
    source: 'ecr',
    reference,
    imageDigest: found.imageDigest,
    sizeInBytes: found.imageSizeInBytes,
    behavior: withDefaultBehavior(found.behavior as ImageBehavior),
    private: true,
    repositoryArn: repo.repositoryArn,
  };
}

/** Records a pull of an ECR image (DescribeImages' lastRecordedPullTime); the puller calls it. */
export function recordPull(world: World, repositoryArn: string, digest: string, at: number): void {
  const image = world.images[imageKey(repositoryArn, digest)];
  if (image) image.lastRecordedPullTime = at;
}
