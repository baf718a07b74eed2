/**
 * Node ids: `kind:resource id` (an ARN, or an AWS id where the resource has no ARN), stable for
 * the life of the resource, so React Flow keeps the same node as it changes.
 */
import type { SandboxNodeKind } from './types';

export const nodeId = {
  registry: (host: string) => `registry:${host}`,
  repository: (arn: string) => `repository:${arn}`,
  taskDefinition: (arn: string) => `taskDefinition:${arn}`,
  cluster: (arn: string) => `cluster:${arn}`,
  azLane: (clusterArn: string, az: string) => `azLane:${clusterArn}|${az}`,
  fargateArea: (clusterArn: string, az: string) => `fargateArea:${clusterArn}|${az}`,
  /** By EC2 instance id: an instance shows before its agent registers (and has an ARN). */
  containerInstance: (ec2InstanceId: string) => `containerInstance:${ec2InstanceId}`,
  task: (arn: string) => `task:${arn}`,
  taskSummary: (parentId: string) => `taskSummary:${parentId}`,
  service: (arn: string) => `service:${arn}`,
  loadBalancer: (arn: string) => `loadBalancer:${arn}`,
  listener: (arn: string) => `listener:${arn}`,
  targetGroup: (arn: string) => `targetGroup:${arn}`,
  autoScalingGroup: (name: string) => `autoScalingGroup:${name}`,
  capacityProvider: (name: string) => `capacityProvider:${name}`,
  scalingPolicy: (arn: string) => `scalingPolicy:${arn}`,
  alarm: (name: string) => `alarm:${name}`,
  trafficSource: (key: string) => `trafficSource:${key}`,
};

/**
 * The selection a node stands for: its kind and the resource id (ARN, EC2 instance id, Auto
 * Scaling group name, alarm name...). Layout-only nodes (lanes, areas, summaries) select nothing.
 */
export function selectionOf(id: string): { kind: SandboxNodeKind; id: string } | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = id.slice(0, colon) as SandboxNodeKind;
  if (kind === 'azLane' || kind === 'fargateArea' || kind === 'taskSummary') return null;
  return { kind, id: id.slice(colon + 1) };
}

/** The node id of a selection (the inverse of selectionOf). */
export const idOfSelection = (selection: { kind: string; id: string }) => `${selection.kind}:${selection.id}`;
