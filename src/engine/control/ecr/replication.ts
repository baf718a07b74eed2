/**
 * Replication copies ('ecr.replicate', scheduled by aws/ecr/replication.ts when an image is pushed):
 * the image (and the pushed tag) is stored in the destination region's repository of the same
 * name, which is created with default settings if missing (AWS: repository settings and lifecycle
 * policies are not replicated). Replicated copies are not replicated again.
 * If the source image is gone by then, or the destination refuses the tag (IMMUTABLE), the copy
 * fails and the log says why.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import { AwsError } from '../../aws/errors';
import { findRepository, imageKey } from '../../aws/ecr/common';
import { storeImage } from '../../aws/ecr/images';
import { createRepositoryRecord } from '../../aws/ecr/repositories';

export function replicate(sim: Simulation, event: KernelEvent): void {
  const sourceArn = String(event.sourceRepositoryArn);
  const digest = String(event.imageDigest);
  const tag = typeof event.imageTag === 'string' ? event.imageTag : undefined;
  const region = String(event.destinationRegion);
  const source = sim.world.images[imageKey(sourceArn, digest)];
  const what = `${digest.slice(0, 19)}${tag !== undefined ? ` (${tag})` : ''}`;
  if (!source) {
    sim.emit({ source: 'ecr', kind: 'image.replication', resource: sourceArn, message: `Replication of ${what} to ${region} failed: the source image was deleted before it was copied.` });
    return;
  }
  let repo = findRepository(sim.world, source.repositoryName, region);
  if (!repo) {
    repo = createRepositoryRecord(sim, source.repositoryName, region);
    sim.emit({ source: 'ecr', kind: 'repository.created', resource: repo.repositoryArn, message: `Replication created repository ${repo.repositoryUri} (default settings: settings are not replicated).` });
  }
  const existing = sim.world.images[imageKey(repo.repositoryArn, digest)];
  if (existing && (tag === undefined || existing.imageTags.includes(tag))) return; // already there
  try {
    storeImage(sim, repo, { imageManifest: source.imageManifest, imageManifestMediaType: source.imageManifestMediaType, imageTag: tag, behavior: source.behavior, replicate: false });
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    sim.emit({ source: 'ecr', kind: 'image.replication', resource: repo.repositoryArn, message: `Replication of ${what} to ${region} failed: ${e.code}: ${e.message}` });
    return;
  }
  sim.emit({ source: 'ecr', kind: 'image.replication', resource: repo.repositoryArn, message: `Replicated ${source.repositoryName}@${what} from ${source.region} to ${region}.` });
}
