/**
 * OWNED BY: the ECR work. Signature fixed; body to be written.
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

export function resolveImage(world: World, image: string): ResolvedImage {
  void world;
  void image;
  throw new Error('resolveImage: not written yet');
}
