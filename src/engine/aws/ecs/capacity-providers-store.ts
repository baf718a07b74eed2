/**
 * Finding capacity providers: the account's Auto Scaling group providers (world.capacityProviders)
 * and the two built-in Fargate providers every account has, FARGATE and FARGATE_SPOT.
 */
import type { CapacityProvider as SdkCapacityProvider } from '@aws-sdk/client-ecs';
import type { World } from '../../world/types';
import type { CapacityProvider } from '../../world/capacity-types';
import { arn, resourceName } from '../../world/arn';

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;
export const isFargateProvider = (name: string) => name === 'FARGATE' || name === 'FARGATE_SPOT';

export const capacityProviderArn = (world: World, name: string) => arn(world, 'ecs', `capacity-provider/${name}`);

/** The ACTIVE Auto Scaling group provider a name or ARN names, if any. */
export function findAsgProvider(world: World, nameOrArn: string): CapacityProvider | undefined {
  const name = resourceName(nameOrArn);
  const all = world.capacityProviders ?? {};
  const found = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!found || found.status !== 'ACTIVE') return undefined;
  if (nameOrArn.startsWith('arn:') && found.capacityProviderArn !== nameOrArn) return undefined;
  return found;
}

/** The short name of the provider a name or ARN names (built-in or ACTIVE), or undefined. */
export function providerName(world: World, nameOrArn: string): string | undefined {
  const name = resourceName(nameOrArn);
  if (isFargateProvider(name)) return !nameOrArn.startsWith('arn:') || nameOrArn === capacityProviderArn(world, name) ? name : undefined;
  return findAsgProvider(world, nameOrArn)?.name;
}

/** The provider whose Auto Scaling group is `groupName`, if any. */
export function providerOfGroup(world: World, groupName: string): CapacityProvider | undefined {
  for (const p of Object.values(world.capacityProviders ?? {})) {
    if (p.status === 'ACTIVE' && resourceName(p.autoScalingGroupProvider.autoScalingGroupArn) === groupName) return p;
  }
  return undefined;
}

/** The Auto Scaling group name of a provider (its ARN ends in autoScalingGroupName/NAME). */
export const groupNameOf = (p: CapacityProvider) => resourceName(p.autoScalingGroupProvider.autoScalingGroupArn);

export function capacityProviderOutput(p: CapacityProvider): SdkCapacityProvider {
  const asg = p.autoScalingGroupProvider;
  return {
    capacityProviderArn: p.capacityProviderArn,
    name: p.name,
    status: p.status,
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.autoScalingGroupArn,
      managedScaling: { ...asg.managedScaling },
      managedTerminationProtection: asg.managedTerminationProtection,
      managedDraining: asg.managedDraining,
    },
    ...(p.updateStatus ? { updateStatus: p.updateStatus } : {}),
    ...(p.updateStatusReason ? { updateStatusReason: p.updateStatusReason } : {}),
    tags: p.tags.map((t) => ({ ...t })),
  };
}

/** FARGATE / FARGATE_SPOT as DescribeCapacityProviders shows them (no Auto Scaling group). */
export function fargateProviderOutput(world: World, name: string): SdkCapacityProvider {
  return { capacityProviderArn: capacityProviderArn(world, name), name, status: 'ACTIVE', tags: [] };
}

/** The clusters (ACTIVE) a provider is associated with. */
export function clustersUsing(world: World, name: string): string[] {
  return Object.values(world.clusters)
    .filter((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(name))
    .map((c) => c.clusterName);
}
