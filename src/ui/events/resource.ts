/**
 * Which resource an event is about, as the canvas selects it ({kind, id}: graph/ids.ts and
 * graph/types.ts name the kinds). Event resources are ARNs or AWS ids; most map by the ARN's
 * resource type, a few need the world:
 *  - a container instance is selected by its EC2 instance id (the canvas keys container
 *    instances that way, so an instance shows before its agent registers); an EC2 instance id
 *    selects the same node;
 *  - an Application Auto Scaling resource id ("service/prod/web") selects that ECS service;
 *  - a listener rule selects its listener (the canvas has no node per rule).
 * Anything else (an account id, a CodeDeploy name) selects nothing.
 */
import type { World } from '../../engine/world/types';
import type { SandboxNodeKind } from '../graph/types';

export interface ResourceSelection {
  kind: SandboxNodeKind;
  id: string;
}

type WorldView = Pick<World, 'region' | 'accountId' | 'containerInstances'>;

/** "arn:partition:service:region:account:resource" -> service and resource (the part after the account). */
function splitArn(arn: string): { service: string; resource: string } | null {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  return { service: parts[2], resource: parts.slice(5).join(':') };
}

export function selectionOfResource(resource: string, world: WorldView): ResourceSelection | null {
  if (/^i-[0-9a-f]+$/.test(resource)) return { kind: 'containerInstance', id: resource };
  if (resource.startsWith('service/')) {
    return { kind: 'service', id: `arn:aws:ecs:${world.region}:${world.accountId}:${resource}` };
  }
  const arn = splitArn(resource);
  if (!arn) return null;
  const type = arn.resource.split(/[/:]/)[0];
  switch (`${arn.service}:${type}`) {
    case 'ecs:task':
      return { kind: 'task', id: resource };
    case 'ecs:service':
      return { kind: 'service', id: resource };
    case 'ecs:cluster':
      return { kind: 'cluster', id: resource };
    case 'ecs:task-definition':
      return { kind: 'taskDefinition', id: resource };
    case 'ecs:container-instance': {
      const ci = Object.hasOwn(world.containerInstances, resource) ? world.containerInstances[resource] : undefined;
      return ci ? { kind: 'containerInstance', id: ci.ec2InstanceId } : null;
    }
    case 'ecs:capacity-provider':
      return { kind: 'capacityProvider', id: arn.resource.slice('capacity-provider/'.length) };
    case 'ecr:repository':
      return { kind: 'repository', id: resource };
    case 'elasticloadbalancing:loadbalancer':
      return { kind: 'loadBalancer', id: resource };
    case 'elasticloadbalancing:listener':
      return { kind: 'listener', id: resource };
    case 'elasticloadbalancing:listener-rule':
      return { kind: 'listener', id: resource.replace(':listener-rule/', ':listener/').replace(/\/[^/]+$/, '') };
    case 'elasticloadbalancing:targetgroup':
      return { kind: 'targetGroup', id: resource };
    case 'autoscaling:autoScalingGroup':
      return { kind: 'autoScalingGroup', id: arn.resource.slice(arn.resource.indexOf('autoScalingGroupName/') + 'autoScalingGroupName/'.length) };
    case 'autoscaling:scalingPolicy':
      return { kind: 'scalingPolicy', id: resource };
    case 'cloudwatch:alarm':
      return { kind: 'alarm', id: arn.resource.slice('alarm:'.length) };
    default:
      return null;
  }
}

/** The key of a selection, to compare two of them. */
export const selectionKey = (s: { kind: string; id: string }) => `${s.kind}:${s.id}`;

/**
 * The distinct resources events name, in first-seen order. The log only grows (or is replaced
 * when the session seeks), so callers memoise this on the log's length.
 */
export function eventResources(events: readonly { resource: string }[]): string[] {
  const seen = new Set<string>();
  for (const e of events) seen.add(e.resource);
  return [...seen];
}

/** Every event resource that selects `selection`: what "only the selection" filters by. */
export function resourcesOfSelection(selection: { kind: string; id: string }, resources: readonly string[], world: WorldView): string[] {
  const key = selectionKey(selection);
  const out = resources.filter((r) => {
    const s = selectionOfResource(r, world);
    return s !== null && selectionKey(s) === key;
  });
  return out.includes(selection.id) ? out : [selection.id, ...out];
}

/** A resource as the resource list names it: its type and short id, "service web", "targetgroup web". */
export function resourceLabel(resource: string): string {
  const arn = splitArn(resource);
  if (!arn) return /^i-/.test(resource) ? `instance ${resource}` : resource;
  const type = arn.resource.split(/[/:]/)[0];
  const slash = resource.lastIndexOf('/');
  const short = slash >= 0 ? resource.slice(slash + 1) : resource.slice(resource.lastIndexOf(':') + 1);
  if (type === 'loadbalancer' || type === 'targetgroup') return `${type} ${arn.resource.split('/').slice(-2, -1)[0] ?? short}`;
  return `${type} ${short}`;
}
