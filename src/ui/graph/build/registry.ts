/** The ECR registry of the home region as a group, holding its repositories. */
import { registryHost } from '../../../engine/world/arn';
import type { Image } from '../../../engine/world/types';
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { RegistryNode } from '../types';
import type { BuildContext } from './context';

/** Adds the registry and its repositories; returns repository URI -> repository node id. */
export function buildRegistry(ctx: BuildContext): Map<string, string> {
  const { world, nodes } = ctx;
  const { repository: R, header, pad, gap } = LAYOUT;
  const host = registryHost(world);
  const repositories = Object.values(world.repositories)
    .filter((r) => r.region === world.region)
    .sort((a, b) => a.repositoryName.localeCompare(b.repositoryName));
  const imagesByRepository = new Map<string, Image[]>();
  for (const image of Object.values(world.images)) {
    const list = imagesByRepository.get(image.repositoryArn) ?? [];
    list.push(image);
    imagesByRepository.set(image.repositoryArn, list);
  }
  const registryId = nodeId.registry(host);
  const registry: RegistryNode = {
    id: registryId,
    type: 'registry',
    position: { x: 0, y: 0 },
    data: { registryHost: host, repositoryCount: repositories.length },
    width: R.width + 2 * pad,
    height: 0,
  };
  nodes.push(registry);
  const uris = new Map<string, string>();
  let y = header;
  for (const repository of repositories) {
    const images = (imagesByRepository.get(repository.repositoryArn) ?? []).sort(
      (a, b) => b.imagePushedAt - a.imagePushedAt || a.imageDigest.localeCompare(b.imageDigest),
    );
    const shown = images.slice(0, R.maxImages);
    const rows = Math.max(1, shown.length) + (images.length > shown.length ? 1 : 0);
    const height = R.baseHeight + rows * R.imageRow;
    const id = nodeId.repository(repository.repositoryArn);
    nodes.push({
      id,
      type: 'repository',
      parentId: registryId,
      extent: 'parent',
      draggable: false,
      position: { x: pad, y },
      data: {
        repositoryName: repository.repositoryName,
        repositoryUri: repository.repositoryUri,
        imageTags: images.flatMap((i) => i.imageTags),
        imageCount: images.length,
        images: shown.map((i) => ({ digest: i.imageDigest.slice(0, 19), tags: i.imageTags })),
        imageTagMutability: repository.imageTagMutability,
        hasLifecyclePolicy: repository.lifecyclePolicyText !== undefined,
        scanOnPush: repository.imageScanningConfiguration.scanOnPush,
      },
      width: R.width,
      height,
    });
    uris.set(repository.repositoryUri, id);
    y += height + gap;
  }
  registry.height = Math.max(y - gap + pad, header + 40);
  return uris;
}
