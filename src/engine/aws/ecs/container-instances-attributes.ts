/**
 * ecs:PutAttributes, DeleteAttributes, ListAttributes for container instances (the only target
 * type ECS has). Custom attributes are what memberOf constraints and ListContainerInstances
 * filters match with `attribute:NAME`.
 *
 * AWS limits: up to 10 attributes per call, up to 10 custom attributes per resource
 * (AttributeLimitExceededException). Names: up to 128 letters, numbers, hyphens, underscores,
 * slashes, back slashes or periods; values: up to 128 of those plus @, : and spaces.
 * Choice: the agent's own attributes (ecs.* and com.amazonaws.ecs.*) cannot be overwritten or
 * deleted and do not count toward the 10.
 */
import type { Attribute as SdkAttribute, DeleteAttributesResponse, ListAttributesResponse, PutAttributesResponse } from '@aws-sdk/client-ecs';
import type { Action } from '../../simulation';
import type { Attribute, Cluster, ContainerInstance, World } from '../../world/types';
import { AwsError, invalidParameter } from '../errors';
import { optionalArray, optionalString, requireString } from '../validate';
import { isBuiltInAttribute } from '../../control/ec2/container-instance';
import { requireActiveCluster } from './clusters-store';
import { paginate } from './clusters';
import { findContainerInstance } from './container-instances-shared';

const NAME = /^[a-zA-Z0-9_\-/\\.]{1,128}$/;
const VALUE = /^[a-zA-Z0-9_\-.@/\\: ]{1,128}$/;

interface Target {
  attribute: { name: string; value?: string };
  ci: ContainerInstance;
}

function readTargets(world: World, cluster: Cluster, input: Record<string, unknown>, withValues: boolean): Target[] {
  const attrs = optionalArray<Record<string, unknown>>(input, 'attributes');
  if (!attrs || attrs.length === 0) throw invalidParameter("1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null");
  if (attrs.length > 10) throw invalidParameter('You can specify up to 10 attributes in a single call.');
  return attrs.map((a) => {
    const name = a?.name;
    if (typeof name !== 'string' || !NAME.test(name)) throw invalidParameter(`Attribute name '${String(name)}' is invalid: up to 128 letters, numbers, hyphens, underscores, slashes, back slashes or periods.`);
    const value = a.value;
    if (withValues && value !== undefined && (typeof value !== 'string' || !VALUE.test(value))) {
      throw invalidParameter(`Attribute value '${String(value)}' is invalid: up to 128 letters, numbers, hyphens, underscores, periods, at signs, slashes, back slashes, colons or spaces.`);
    }
    if (a.targetType !== undefined && a.targetType !== 'container-instance') throw invalidParameter(`Invalid targetType '${String(a.targetType)}'. Valid: container-instance.`);
    const targetId = a.targetId;
    if (typeof targetId !== 'string') throw invalidParameter('A targetId is required for each attribute.');
    if (!targetId.startsWith('arn:') && a.targetType === undefined) throw invalidParameter('targetType is required when targetId is not a full ARN.');
    if (isBuiltInAttribute(name)) throw invalidParameter(`Attribute name '${name}' is reserved: attributes starting with ecs. or com.amazonaws.ecs. are set by the container agent.`);
    const ci = findContainerInstance(world, cluster, targetId);
    if (!ci || ci.status === 'INACTIVE') throw new AwsError('TargetNotFoundException', `Could not find ${targetId}.`);
    return { attribute: withValues && typeof value === 'string' ? { name, value } : { name }, ci };
  });
}

const out = (ci: ContainerInstance, a: Attribute): SdkAttribute => ({
  name: a.name,
  ...(a.value !== undefined ? { value: a.value } : {}),
  targetType: 'container-instance',
  targetId: ci.containerInstanceArn,
});

export const putAttributes: Action = (sim, input): PutAttributesResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const targets = readTargets(sim.world, cluster, input, true);
  // Check the limit for every target before changing anything (the call is all or nothing).
  const after = new Map<string, Set<string>>();
  for (const { attribute, ci } of targets) {
    const names = after.get(ci.containerInstanceArn) ?? new Set(ci.attributes.filter((a) => !isBuiltInAttribute(a.name)).map((a) => a.name));
    names.add(attribute.name);
    after.set(ci.containerInstanceArn, names);
    if (names.size > 10) {
      throw new AwsError('AttributeLimitExceededException', 'You can apply up to 10 custom attributes for each resource. You can view the attributes of a resource with ListAttributes. You can remove existing attributes on a resource with DeleteAttributes.');
    }
  }
  for (const { attribute, ci } of targets) {
    const at = ci.attributes.findIndex((a) => a.name === attribute.name);
    if (at >= 0) ci.attributes[at] = { ...attribute };
    else ci.attributes.push({ ...attribute });
    ci.version += 1;
    sim.emit({
      source: 'ecs',
      kind: 'containerInstance.attribute',
      resource: ci.containerInstanceArn,
      message: `Attribute ${attribute.name}${attribute.value !== undefined ? `=${attribute.value}` : ''} put on container instance ${ci.containerInstanceArn.split('/').pop()} (${ci.ec2InstanceId}).`,
    });
  }
  return { attributes: targets.map(({ attribute, ci }) => out(ci, attribute)) };
};

export const deleteAttributes: Action = (sim, input): DeleteAttributesResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const targets = readTargets(sim.world, cluster, input, false);
  for (const { attribute, ci } of targets) {
    const before = ci.attributes.length;
    ci.attributes = ci.attributes.filter((a) => a.name !== attribute.name);
    if (ci.attributes.length !== before) {
      ci.version += 1;
      sim.emit({ source: 'ecs', kind: 'containerInstance.attribute', resource: ci.containerInstanceArn, message: `Attribute ${attribute.name} deleted from container instance ${ci.containerInstanceArn.split('/').pop()}.` });
    }
  }
  return { attributes: targets.map(({ attribute, ci }) => out(ci, attribute)) };
};

export const listAttributes: Action = (sim, input): ListAttributesResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const targetType = requireString(input, 'targetType');
  if (targetType !== 'container-instance') throw invalidParameter(`Invalid targetType '${targetType}'. Valid: container-instance.`);
  const name = optionalString(input, 'attributeName');
  const value = optionalString(input, 'attributeValue');
  if (value !== undefined && name === undefined) throw invalidParameter('attributeValue can only be used together with attributeName.');
  const all: SdkAttribute[] = Object.values(sim.world.containerInstances)
    .filter((ci) => ci.clusterArn === cluster.clusterArn && ci.status !== 'INACTIVE')
    .flatMap((ci) => ci.attributes.filter((a) => (name === undefined || a.name === name) && (value === undefined || a.value === value)).map((a) => out(ci, a)));
  const page = paginate(all.map((_, i) => String(i)), input, 'indexes');
  return { attributes: page.indexes.map((i) => all[Number(i)]), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

export const attributeActions: Record<string, Action> = {
  'ecs:PutAttributes': putAttributes,
  'ecs:DeleteAttributes': deleteAttributes,
  'ecs:ListAttributes': listAttributes,
};
