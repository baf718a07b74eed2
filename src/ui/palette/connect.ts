/**
 * What the canvas calls when the learner drags from one resource's handle to another's, e.g. a
 * target group onto a service (add it to the service's loadBalancers). OWNED BY the palette work:
 * the canvas (src/ui/graph/Canvas.tsx) only reports the intent; turning it into API calls
 * (through useSession((s) => s.call)) is decided here. Kinds are the canvas's node kinds
 * (SandboxNodeKind in src/ui/graph/types.ts); ids are ARNs, or the EC2 instance id for a
 * containerInstance, the group name for an autoScalingGroup, the name for a capacityProvider
 * and an alarm.
 *
 * Connections AWS has an API for (either drag direction):
 *  - service — target group: UpdateService loadBalancers (+ this group, for the task definition's
 *    first container with a port); ECS starts a new deployment whose tasks register there.
 *  - task definition — repository: RegisterTaskDefinition of a new revision whose first container
 *    runs the repository's newest image (what "Create new revision" does in the console).
 *  - service — task definition: UpdateService taskDefinition (a rolling deployment).
 *  - scaling policy — service: RegisterScalableTarget + PutScalingPolicy with the same
 *    configuration for that service (a policy belongs to one scalable target).
 * Anything else is refused with the reason (e.g. a service's cluster is fixed at creation).
 */
import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import type { CallResult } from '../../engine/simulation';
import type { World } from '../../engine/world/types';
import { cliCommand } from '../../scenario/cli';
import { loadBalancedContainer } from '../forms/ecs';
import { serviceResourceId } from '../forms/scaling';
import { imageTags } from '../forms/world';
import { currentWorld, noticeStore } from './notice';

export interface ConnectIntent {
  sourceKind: string;
  sourceId: string;
  targetKind: string;
  targetId: string;
}

export type ConnectionPlan =
  | { title: string; calls: { call: string; input: unknown }[]; refusal?: undefined }
  | { title: string; refusal: string; calls?: undefined };

const KIND_WORDS: Record<string, string> = {
  service: 'service',
  targetGroup: 'target group',
  taskDefinition: 'task definition',
  repository: 'repository',
  cluster: 'cluster',
  scalingPolicy: 'scaling policy',
  loadBalancer: 'load balancer',
  listener: 'listener',
  containerInstance: 'container instance',
  task: 'task',
  autoScalingGroup: 'Auto Scaling group',
  capacityProvider: 'capacity provider',
  alarm: 'CloudWatch alarm',
  registry: 'registry',
  trafficSource: 'traffic source',
};
const words = (kind: string) => KIND_WORDS[kind] ?? kind;

const SUPPORTED =
  'Connections with an AWS API: service → target group (UpdateService loadBalancers), task definition → repository (a new revision with its image), service → task definition (UpdateService), scaling policy → service (PutScalingPolicy).';

const familyRevision = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

function serviceRef(world: World, serviceArn: string) {
  const s = world.services[serviceArn];
  return s ? { cluster: world.clusters[s.clusterArn]?.clusterName ?? s.clusterArn, service: s.serviceName, s } : undefined;
}

function serviceToTargetGroup(world: World, serviceArn: string, targetGroupArn: string): ConnectionPlan {
  const ref = serviceRef(world, serviceArn);
  const tg = world.targetGroups[targetGroupArn];
  const title = 'Attach the target group to the service';
  if (!ref || !tg) return { title, refusal: 'That service or target group no longer exists.' };
  if (ref.s.loadBalancers.some((l) => l.targetGroupArn === targetGroupArn)) return { title, refusal: `(service ${ref.service}) already registers its tasks in target group ${tg.TargetGroupName}.` };
  if (ref.s.deploymentController.type !== 'ECS') {
    return { title, refusal: `(service ${ref.service}) uses the ${ref.s.deploymentController.type} deployment controller: its load balancers are set on task sets, not by UpdateService.` };
  }
  const container = loadBalancedContainer(world, familyRevision(ref.s.taskDefinition));
  if (!container) return { title, refusal: `The task definition ${familyRevision(ref.s.taskDefinition)} has no container with a port mapping for the target group to send traffic to.` };
  const loadBalancers = [...ref.s.loadBalancers, { targetGroupArn, ...container }];
  return { title, calls: [{ call: 'ecs:UpdateService', input: { cluster: ref.cluster, service: ref.service, loadBalancers } }] };
}

/** RegisterTaskDefinition input for a new revision of `td` with its first container's image replaced. */
function newRevisionInput(world: World, taskDefinitionArn: string, image: string): RegisterTaskDefinitionRequest | undefined {
  const td = world.taskDefinitions[taskDefinitionArn];
  if (!td) return undefined;
  const input: Record<string, unknown> = {};
  const keep = ['family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'volumes', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'pidMode', 'ipcMode', 'runtimePlatform', 'ephemeralStorage'] as const;
  for (const k of keep) if (td[k] !== undefined) input[k] = td[k];
  input.containerDefinitions = td.containerDefinitions.map((c, i) => (i === 0 ? { ...c, image } : c));
  return input as unknown as RegisterTaskDefinitionRequest;
}

function taskDefinitionToRepository(world: World, taskDefinitionArn: string, repositoryArn: string): ConnectionPlan {
  const repo = world.repositories[repositoryArn];
  const title = 'Run this repository\'s image in a new task definition revision';
  if (!repo) return { title, refusal: 'That repository no longer exists.' };
  const tag = imageTags(world, repo.repositoryName)[0];
  if (!tag) return { title, refusal: `Repository ${repo.repositoryName} has no tagged image yet: push one first (Image push in the palette).` };
  const input = newRevisionInput(world, taskDefinitionArn, `${repo.repositoryUri}:${tag}`);
  if (!input) return { title, refusal: 'That task definition no longer exists.' };
  return { title, calls: [{ call: 'ecs:RegisterTaskDefinition', input }] };
}

function serviceToTaskDefinition(world: World, serviceArn: string, taskDefinitionArn: string): ConnectionPlan {
  const ref = serviceRef(world, serviceArn);
  const title = 'Deploy this task definition to the service';
  if (!ref) return { title, refusal: 'That service no longer exists.' };
  return { title, calls: [{ call: 'ecs:UpdateService', input: { cluster: ref.cluster, service: ref.service, taskDefinition: familyRevision(taskDefinitionArn) } }] };
}

function scalingPolicyToService(world: World, policyArn: string, serviceArn: string): ConnectionPlan {
  const title = 'Scale this service with the policy';
  const state = world.applicationAutoScaling;
  const policy = Object.values(state?.scalingPolicies ?? {}).find((p) => p.PolicyARN === policyArn);
  const resourceId = serviceResourceId(world, serviceArn);
  if (!policy || !resourceId) return { title, refusal: 'That scaling policy or service no longer exists.' };
  if (policy.ResourceId === resourceId) return { title, refusal: `The policy ${policy.PolicyName} already scales ${resourceId}.` };
  const from = state?.scalableTargets[`${policy.ResourceId}|${policy.ScalableDimension}`];
  const target = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: resourceId };
  const config = policy.PolicyType === 'TargetTrackingScaling' ? { TargetTrackingScalingPolicyConfiguration: policy.TargetTrackingScalingPolicyConfiguration } : { StepScalingPolicyConfiguration: policy.StepScalingPolicyConfiguration };
  return {
    title,
    calls: [
      { call: 'application-autoscaling:RegisterScalableTarget', input: { ...target, MinCapacity: from?.MinCapacity ?? 1, MaxCapacity: from?.MaxCapacity ?? 10 } },
      { call: 'application-autoscaling:PutScalingPolicy', input: { ...target, PolicyName: policy.PolicyName, PolicyType: policy.PolicyType, ...config } },
    ],
  };
}

/** What a connection means in AWS calls, or why AWS has none. Either drag direction. */
export function planConnection(intent: ConnectIntent, world: World): ConnectionPlan {
  const pair = (a: string, b: string) =>
    intent.sourceKind === a && intent.targetKind === b ? [intent.sourceId, intent.targetId] : intent.sourceKind === b && intent.targetKind === a ? [intent.targetId, intent.sourceId] : undefined;
  let ids: string[] | undefined;
  if ((ids = pair('service', 'targetGroup'))) return serviceToTargetGroup(world, ids[0], ids[1]);
  if ((ids = pair('taskDefinition', 'repository'))) return taskDefinitionToRepository(world, ids[0], ids[1]);
  if ((ids = pair('service', 'taskDefinition'))) return serviceToTaskDefinition(world, ids[0], ids[1]);
  if ((ids = pair('scalingPolicy', 'service'))) return scalingPolicyToService(world, ids[0], ids[1]);
  if (pair('service', 'cluster')) {
    return {
      title: 'Move the service to another cluster',
      refusal: 'A service\'s cluster is chosen when it is created (CreateService cluster) and cannot change: UpdateService has no cluster parameter. Create a service in that cluster instead (drop a Service on it).',
    };
  }
  if (pair('service', 'loadBalancer')) {
    return { title: 'Attach the service to the load balancer', refusal: 'ECS services attach to a target group, not to a load balancer: connect the service to one of its target groups (a listener forwards to it).' };
  }
  return { title: `Connect ${words(intent.sourceKind)} to ${words(intent.targetKind)}`, refusal: `AWS has no API that connects a ${words(intent.sourceKind)} to a ${words(intent.targetKind)}. ${SUPPORTED}` };
}

/** Makes the planned calls in order; stops at the first error (what was done is kept and said). */
export function applyConnection(plan: ConnectionPlan, call: (name: string, input?: unknown) => CallResult): { ok: boolean; done: string[]; error?: string } {
  if (plan.refusal !== undefined) return { ok: false, done: [], error: plan.refusal };
  const done: string[] = [];
  for (const c of plan.calls) {
    const result = call(c.call, c.input);
    if (result.error) return { ok: false, done, error: `${c.call} failed: ${result.error.code}: ${result.error.message}` };
    done.push(cliCommand(c));
  }
  return { ok: true, done };
}

/** `call` is the session's (useSession((s) => s.call)): an edit is an API call made now. */
export function onConnectIntent(intent: ConnectIntent, call: (name: string, input?: unknown) => CallResult, world: World | undefined = currentWorld()): void {
  const { show } = noticeStore.getState();
  if (!world) return;
  const plan = planConnection(intent, world);
  const outcome = applyConnection(plan, call);
  if (plan.refusal !== undefined) show({ kind: 'refused', title: plan.title, text: plan.refusal });
  else if (!outcome.ok) show({ kind: 'error', title: plan.title, text: outcome.error ?? '', commands: outcome.done });
  else show({ kind: 'done', title: plan.title, text: 'Done.', commands: outcome.done });
}
