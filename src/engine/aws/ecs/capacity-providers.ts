/**
 * ecs:CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider,
 * DeleteCapacityProvider and PutClusterCapacityProviders.
 *
 * AWS facts and the choices made where AWS leaves room:
 * - autoScalingGroupArn: the group must exist. AWS documents the ARN; it has also accepted the
 *   group's name since 2020, so we accept both and store the ARN.
 * - A group can back one capacity provider only; a provider can be associated with one cluster.
 * - Creating a provider with managed scaling makes ECS create a target tracking policy on the
 *   group; here managed scaling runs directly (control/capacity/scaling.ts), once a minute.
 * - DeleteCapacityProvider is refused while the provider is associated with a cluster (remove it
 *   with PutClusterCapacityProviders first; the error text is our choice). The provider becomes
 *   INACTIVE at once (AWS shows DELETE_IN_PROGRESS, then DELETE_COMPLETE); its name may be reused.
 * - PutClusterCapacityProviders replaces the cluster's list and default strategy; a provider that
 *   still has tasks in the cluster cannot be removed: ResourceInUseException "The specified
 *   capacity provider is in use and cannot be removed."
 */
import type {
  CreateCapacityProviderResponse,
  DeleteCapacityProviderResponse,
  DescribeCapacityProvidersResponse,
  PutClusterCapacityProvidersResponse,
  UpdateCapacityProviderResponse,
} from '@aws-sdk/client-ecs';
import type { Action, Simulation } from '../../simulation';
import type { AutoScalingGroup } from '../../world/autoscaling-types';
import type { CapacityProvider } from '../../world/capacity-types';
import { resourceName } from '../../world/arn';
import { AwsError } from '../errors';
import { optionalArray, requireString, validationMessage } from '../validate';
import { assignExistingInstances } from '../../control/capacity/registration';
import { managedScalingNames, startManagedScalingTicks } from '../../control/capacity/scaling';
import { clusterOutput, paginate } from './clusters';
import { requireActiveCluster } from './clusters-store';
import {
  capacityProviderArn,
  capacityProviderOutput,
  clustersUsing,
  FARGATE_PROVIDERS,
  fargateProviderOutput,
  findAsgProvider,
  isFargateProvider,
  providerName,
  providerOfGroup,
} from './capacity-providers-store';
import { checkProviderName, parseProviderSettings, readProviderTags } from './capacity-providers-input';
import { parseStrategy, PROVIDER_NOT_FOUND, requireAssociated } from './capacity-providers-strategy';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const client = (message: string) => new AwsError('ClientException', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MAX_PROVIDERS_PER_CLUSTER = 20;

function requireGroupByArnOrName(sim: Simulation, ref: string): AutoScalingGroup {
  const name = ref.startsWith('arn:') ? (ref.split('autoScalingGroupName/')[1] ?? '') : ref;
  const group = Object.hasOwn(sim.world.autoScalingGroups, name) ? sim.world.autoScalingGroups[name] : undefined;
  if (!group || group.Status || (ref.startsWith('arn:') && group.AutoScalingGroupARN !== ref)) {
    throw invalid(`The specified Auto Scaling group ${ref} could not be found. Specify the ARN (or name) of an existing Auto Scaling group and try again.`);
  }
  return group;
}

export const createCapacityProvider: Action = (sim, input): CreateCapacityProviderResponse => {
  const name = requireString(input, 'name', 'ClientException');
  checkProviderName(name);
  const raw = input.autoScalingGroupProvider;
  if (!isObject(raw)) throw invalid(validationMessage('autoScalingGroupProvider', raw, 'Member must not be null'));
  if (typeof raw.autoScalingGroupArn !== 'string') throw invalid(validationMessage('autoScalingGroupProvider.autoScalingGroupArn', raw.autoScalingGroupArn, 'Member must not be null'));
  if (findAsgProvider(sim.world, name)) {
    throw client('The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.');
  }
  const group = requireGroupByArnOrName(sim, raw.autoScalingGroupArn);
  const owner = providerOfGroup(sim.world, group.AutoScalingGroupName);
  if (owner) throw invalid(`The specified Auto Scaling group is already in use by capacity provider ${owner.name}. An Auto Scaling group can be used by one capacity provider only.`);
  const settings = parseProviderSettings(raw, group);
  const tags = readProviderTags(input);
  const provider: CapacityProvider = {
    capacityProviderArn: capacityProviderArn(sim.world, name),
    name,
    status: 'ACTIVE',
    autoScalingGroupProvider: { autoScalingGroupArn: group.AutoScalingGroupARN, ...settings },
    tags,
    createdAt: sim.now,
  };
  (sim.world.capacityProviders ??= {})[name] = provider;
  const scaling = settings.managedScaling;
  sim.emit({
    source: 'ecs',
    kind: 'capacity.created',
    resource: provider.capacityProviderArn,
    message:
      `Capacity provider ${name} created for Auto Scaling group ${group.AutoScalingGroupName}. ` +
      (scaling.status === 'ENABLED'
        ? `Managed scaling is ENABLED: ECS tracks CapacityProviderReservation at a target of ${scaling.targetCapacity}% with policy ${managedScalingNames(provider).policy}. `
        : 'Managed scaling is DISABLED: ECS will not change the group size, and tasks that find no room fail instead of waiting. ') +
      `Managed termination protection is ${settings.managedTerminationProtection}.`,
  });
  startManagedScalingTicks(sim, provider);
  return { capacityProvider: capacityProviderOutput(provider) };
};

export const describeCapacityProviders: Action = (sim, input): DescribeCapacityProvidersResponse => {
  const refs = optionalArray<unknown>(input, 'capacityProviders');
  const withTags = (optionalArray<string>(input, 'include') ?? []).includes('TAGS');
  const world = sim.world;
  const shape = (name: string) => {
    if (isFargateProvider(name)) return fargateProviderOutput(world, name);
    const out = capacityProviderOutput(findAsgProvider(world, name)!);
    if (!withTags) delete out.tags;
    return out;
  };
  if (refs && refs.length > 0) {
    if (refs.length > 100) throw invalid('capacityProviders can have at most 100 items.');
    const capacityProviders = [];
    const failures = [];
    for (const ref of refs) {
      if (typeof ref !== 'string') throw invalid('capacityProviders must be a list of capacity provider names or ARNs.');
      const name = providerName(world, ref);
      if (name) capacityProviders.push(shape(name));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : capacityProviderArn(world, ref), reason: 'MISSING' });
    }
    return { capacityProviders, failures };
  }
  const names = [...FARGATE_PROVIDERS, ...Object.values(world.capacityProviders ?? {}).filter((p) => p.status === 'ACTIVE').map((p) => p.name)];
  const page = paginate(names, input, 'names');
  return { capacityProviders: page.names.map(shape), failures: [], ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

function requireOwnProvider(sim: Simulation, ref: string): CapacityProvider {
  if (isFargateProvider(resourceName(ref))) throw invalid(`The ${resourceName(ref)} capacity provider is managed by AWS and cannot be changed or deleted.`);
  const provider = findAsgProvider(sim.world, ref);
  if (!provider) throw invalid(`${PROVIDER_NOT_FOUND} (${ref})`);
  return provider;
}

export const updateCapacityProvider: Action = (sim, input): UpdateCapacityProviderResponse => {
  const provider = requireOwnProvider(sim, requireString(input, 'name', 'ClientException'));
  const raw = input.autoScalingGroupProvider;
  if (!isObject(raw)) throw invalid(validationMessage('autoScalingGroupProvider', raw, 'Member must not be null'));
  const group = requireGroupByArnOrName(sim, provider.autoScalingGroupProvider.autoScalingGroupArn);
  const settings = parseProviderSettings(raw, group, provider.autoScalingGroupProvider);
  provider.autoScalingGroupProvider = { ...provider.autoScalingGroupProvider, ...settings };
  provider.updateStatus = 'UPDATE_COMPLETE';
  provider.minutesBelowTarget = 0;
  sim.emit({
    source: 'ecs',
    kind: 'capacity.updated',
    resource: provider.capacityProviderArn,
    message: `Capacity provider ${provider.name} updated: managed scaling ${settings.managedScaling.status} (target ${settings.managedScaling.targetCapacity}%, steps ${settings.managedScaling.minimumScalingStepSize}–${settings.managedScaling.maximumScalingStepSize}, warm-up ${settings.managedScaling.instanceWarmupPeriod} s), managed termination protection ${settings.managedTerminationProtection}.`,
  });
  return { capacityProvider: capacityProviderOutput(provider) };
};

export const deleteCapacityProvider: Action = (sim, input): DeleteCapacityProviderResponse => {
  const provider = requireOwnProvider(sim, requireString(input, 'capacityProvider', 'ClientException'));
  const clusters = clustersUsing(sim.world, provider.name);
  if (clusters.length > 0) {
    throw new AwsError(
      'ResourceInUseException',
      `The specified capacity provider is in use and cannot be removed. It is associated with cluster ${clusters.join(', ')}: remove it from the cluster with PutClusterCapacityProviders first.`,
    );
  }
  const answer = capacityProviderOutput({ ...provider, updateStatus: 'DELETE_IN_PROGRESS' });
  provider.status = 'INACTIVE';
  provider.updateStatus = 'DELETE_COMPLETE';
  sim.emit({ source: 'ecs', kind: 'capacity.deleted', resource: provider.capacityProviderArn, message: `Capacity provider ${provider.name} deleted (INACTIVE); its Auto Scaling group is left as it is.` });
  return { capacityProvider: answer };
};

export const putClusterCapacityProviders: Action = (sim, input): PutClusterCapacityProvidersResponse => {
  const world = sim.world;
  const cluster = requireActiveCluster(world, requireString(input, 'cluster'));
  const rawList = optionalArray<unknown>(input, 'capacityProviders');
  if (!rawList) throw invalid(validationMessage('capacityProviders', undefined, 'Member must not be null'));
  if (input.defaultCapacityProviderStrategy === undefined || input.defaultCapacityProviderStrategy === null) {
    throw invalid(validationMessage('defaultCapacityProviderStrategy', undefined, 'Member must not be null'));
  }
  if (rawList.length > MAX_PROVIDERS_PER_CLUSTER) throw invalid('The maximum number of capacity providers per cluster has been exceeded.');
  const names: string[] = [];
  for (const ref of rawList) {
    const name = typeof ref === 'string' ? providerName(world, ref) : undefined;
    if (!name) throw invalid(`${PROVIDER_NOT_FOUND} (${String(ref)})`);
    if (names.includes(name)) throw invalid(`The capacity provider ${name} is listed more than once.`);
    const elsewhere = isFargateProvider(name) ? [] : clustersUsing(world, name).filter((c) => c !== cluster.clusterName);
    if (elsewhere.length) throw invalid(`The capacity provider ${name} is already associated with cluster ${elsewhere[0]}. A capacity provider can be associated with one cluster only.`);
    names.push(name);
  }
  const strategy = parseStrategy(world, input.defaultCapacityProviderStrategy, 'defaultCapacityProviderStrategy');
  requireAssociated({ capacityProviders: names }, strategy);
  for (const removed of cluster.capacityProviders.filter((n) => !names.includes(n))) {
    const inUse = Object.values(world.tasks).some((t) => t.clusterArn === cluster.clusterArn && t.capacityProviderName === removed && t.lastStatus !== 'STOPPED');
    if (inUse) throw new AwsError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
  }
  for (const ci of Object.values(world.containerInstances)) {
    if (ci.clusterArn === cluster.clusterArn && ci.capacityProviderName && !names.includes(ci.capacityProviderName)) {
      delete ci.capacityProviderName;
      ci.version += 1;
    }
  }
  cluster.capacityProviders = names;
  cluster.defaultCapacityProviderStrategy = strategy.map((i) => ({ ...i }));
  const describe = strategy.map((i) => `${i.capacityProvider} (base ${i.base}, weight ${i.weight})`).join(', ');
  sim.emit({
    source: 'ecs',
    kind: 'cluster.capacityProviders',
    resource: cluster.clusterArn,
    message: `Cluster ${cluster.clusterName} capacity providers: ${names.join(', ') || 'none'}; default capacity provider strategy: ${describe || 'none (tasks use a launch type)'}.`,
  });
  assignExistingInstances(sim, cluster);
  return { cluster: clusterOutput(sim, cluster) };
};

export const capacityProviderActions: Record<string, Action> = {
  'ecs:CreateCapacityProvider': createCapacityProvider,
  'ecs:DescribeCapacityProviders': describeCapacityProviders,
  'ecs:UpdateCapacityProvider': updateCapacityProvider,
  'ecs:DeleteCapacityProvider': deleteCapacityProvider,
  'ecs:PutClusterCapacityProviders': putClusterCapacityProviders,
};
