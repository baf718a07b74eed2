/**
 * What the forms read from the world to fill in defaults and pickers: active clusters,
 * repositories and their tags, the latest task definition revisions, services, target groups,
 * load balancers and the default subnets. Read-only.
 */
import type { World } from '../../engine/world/types';
import { defaultSubnetFor } from '../../engine/world/create';

export const activeClusters = (world: World) => Object.values(world.clusters).filter((c) => c.status === 'ACTIVE');
export const clusterNames = (world: World) => activeClusters(world).map((c) => c.clusterName);
export const repositories = (world: World) => Object.values(world.repositories).filter((r) => r.region === world.region);

/** Tags of a repository's images, newest push first. */
export function imageTags(world: World, repositoryName: string): string[] {
  return Object.values(world.images)
    .filter((i) => i.repositoryName === repositoryName && i.region === world.region)
    .sort((a, b) => b.imagePushedAt - a.imagePushedAt)
    .flatMap((i) => i.imageTags);
}

/** The next "vN" tag not yet in the repository (v1, v2, ...). */
export function nextVersionTag(world: World, repositoryName: string): string {
  const tags = new Set(imageTags(world, repositoryName));
  let n = 1;
  while (tags.has(`v${n}`)) n++;
  return `v${n}`;
}

export const repositoryUri = (world: World, repositoryName: string) => `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/${repositoryName}`;

/** Image choices for a container: each ECR repository's tags, then Docker Hub's nginx:latest. */
export function imageChoices(world: World): string[] {
  const ecr = repositories(world).flatMap((r) => imageTags(world, r.repositoryName).map((t) => `${r.repositoryUri}:${t}`));
  return [...ecr, 'nginx:latest'];
}

/** family:revision of the newest ACTIVE revision of each family. */
export function latestTaskDefinitions(world: World): string[] {
  const latest = new Map<string, number>();
  for (const td of Object.values(world.taskDefinitions)) {
    if (td.status !== 'ACTIVE') continue;
    latest.set(td.family, Math.max(latest.get(td.family) ?? 0, td.revision));
  }
  return [...latest].map(([family, revision]) => `${family}:${revision}`).sort();
}

export const activeServices = (world: World) => Object.values(world.services).filter((s) => s.status === 'ACTIVE');
export const targetGroups = (world: World) => Object.values(world.targetGroups);
export const loadBalancers = (world: World) => Object.values(world.loadBalancers);

/** The first n AZs' default subnets (a, b, c...). */
export function defaultSubnets(world: World, n = 3): string[] {
  return world.availabilityZones
    .slice(0, n)
    .map((az) => defaultSubnetFor(world, az))
    .filter((s): s is string => !!s);
}

export const defaultVpc = (world: World) => Object.values(world.vpcs).find((v) => v.IsDefault)?.VpcId ?? Object.keys(world.vpcs)[0] ?? '';

/** A name not yet used: base, base-2, base-3... */
export function freshName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The cluster a drop targets: the cluster dropped on (or the instance/service's), else the only one. */
export function clusterFor(world: World, target?: { kind: string; id: string }): string {
  if (target?.kind === 'cluster') {
    const c = world.clusters[target.id];
    if (c) return c.clusterName;
  }
  if (target?.kind === 'service') {
    const s = world.services[target.id];
    if (s) return world.clusters[s.clusterArn]?.clusterName ?? '';
  }
  const names = clusterNames(world);
  return names.length >= 1 ? names[0] : 'default';
}

export const option = (value: string, label = value) => ({ value, label });
