/** Task definition revisions, each linked to the ECR repositories its container images come from. */
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { BuildContext } from './context';

/** The repository URI an image reference points into (`URI:tag` or `URI@sha256:...`), if any. */
export function repositoryUriOf(image: string): string | undefined {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/** The tag of an image reference ("latest" when none), or the start of its digest. */
export function tagOf(image: string): string {
  if (image.includes('@')) return image.slice(image.indexOf('@') + 1, image.indexOf('@') + 20);
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : 'latest';
}

/**
 * Choice: INACTIVE revisions (deregistered) are drawn only while a task or service still uses
 * them, so a family registered many times does not fill the canvas with history.
 */
export function buildTaskDefinitions(ctx: BuildContext, repositories: Map<string, string>, inUse: Set<string>): void {
  const { world, nodes, edges } = ctx;
  const T = LAYOUT.taskDefinition;
  const definitions = Object.values(world.taskDefinitions)
    .filter((d) => d.status === 'ACTIVE' || inUse.has(d.taskDefinitionArn))
    .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision);
  for (const definition of definitions) {
    const id = nodeId.taskDefinition(definition.taskDefinitionArn);
    const containers = definition.containerDefinitions.map((c) => ({ name: c.name ?? '', image: c.image ?? '' }));
    nodes.push({
      id,
      type: 'taskDefinition',
      position: { x: 0, y: 0 },
      data: {
        family: definition.family,
        revision: definition.revision,
        status: definition.status,
        networkMode: definition.networkMode ?? 'bridge',
        containers,
        cpu: definition.cpu,
        memory: definition.memory,
        requiresCompatibilities: definition.requiresCompatibilities ?? [],
      },
      width: T.width,
      height: T.baseHeight + containers.length * T.containerRow,
    });
    const linked = new Set<string>();
    for (const container of containers) {
      const source = repositories.get(repositoryUriOf(container.image) ?? '');
      if (!source || linked.has(source)) continue;
      linked.add(source);
      const imageTag = tagOf(container.image);
      edges.push({ id: `image:${source}->${id}`, source, target: id, label: imageTag, data: { relation: 'image', imageTag } });
    }
  }
}
