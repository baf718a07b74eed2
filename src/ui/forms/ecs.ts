/**
 * Drop forms for ECS: a task definition (RegisterTaskDefinition: one essential container from an
 * ECR image or nginx:latest, 256 CPU units / 512 MiB, port 80; bridge networking with a dynamic
 * host port on EC2, awsvpc on Fargate as Fargate requires) and a service (CreateService with a
 * rolling deployment 100/200 and the circuit breaker with rollback, optionally behind a target
 * group).
 */
import type { World } from '../../engine/world/types';
import { nodeId } from '../graph/ids';
import { num, str, type FormSpec, type FormValues } from './types';
import { activeServices, clusterFor, clusterNames, defaultSubnets, freshName, imageChoices, latestTaskDefinitions, option, targetGroups } from './world';

export const taskDefinitionForm: FormSpec = {
  kind: 'taskDefinition',
  title: 'Task definition',
  summary: 'ecs:RegisterTaskDefinition: the container(s) a task runs, with CPU, memory and ports.',
  fields: (world) => [
    { name: 'family', label: 'family', type: 'text' },
    { name: 'image', label: 'image', type: 'text', options: imageChoices(world).map((i) => option(i)), params: ['image', 'Image'] },
    { name: 'requiresCompatibilities', label: 'requiresCompatibilities', type: 'select', options: [option('EC2'), option('FARGATE')] },
    { name: 'networkMode', label: 'networkMode', type: 'select', options: ['bridge', 'awsvpc', 'host'].map((m) => option(m)), params: ['networkMode', 'network mode'] },
    { name: 'cpu', label: 'cpu (units)', type: 'number', params: ['cpu'] },
    { name: 'memory', label: 'memory (MiB)', type: 'number', params: ['memory', 'Fargate configuration'] },
    { name: 'containerPort', label: 'portMappings.containerPort', type: 'number', params: ['containerPort', 'hostPort', 'portMappings'] },
    { name: 'executionRoleArn', label: 'executionRoleArn', type: 'text' },
  ],
  defaults: (world) => {
    const family = freshName('web', Object.keys(world.taskDefinitionFamilies));
    return {
      family,
      image: imageChoices(world)[0],
      requiresCompatibilities: 'EC2',
      networkMode: 'bridge',
      cpu: 256,
      memory: 512,
      containerPort: 80,
      // The console's default: the task execution role lets the agent pull from ECR and write logs.
      executionRoleArn: `arn:aws:iam::${world.accountId}:role/ecsTaskExecutionRole`,
    };
  },
  derive: (changed, v) => (changed === 'requiresCompatibilities' ? { ...v, networkMode: v.requiresCompatibilities === 'FARGATE' ? 'awsvpc' : 'bridge' } : v),
  plan: (v) => {
    const bridge = v.networkMode === 'bridge';
    const family = str(v.family);
    return [
      {
        call: 'ecs:RegisterTaskDefinition',
        label: 'register the task definition',
        field: 'family',
        input: () => ({
          family,
          networkMode: str(v.networkMode),
          requiresCompatibilities: [str(v.requiresCompatibilities)],
          cpu: str(v.cpu),
          memory: str(v.memory),
          ...(str(v.executionRoleArn) ? { executionRoleArn: str(v.executionRoleArn) } : {}),
          containerDefinitions: [
            {
              name: family,
              image: str(v.image),
              essential: true,
              // bridge: hostPort 0 lets ECS pick a free port from the ephemeral range (several tasks per instance).
              portMappings: [{ containerPort: num(v.containerPort), hostPort: bridge ? 0 : num(v.containerPort), protocol: 'tcp' }],
            },
          ],
        }),
        nodeId: (o) => nodeId.taskDefinition((o as { taskDefinition: { taskDefinitionArn: string } }).taskDefinition.taskDefinitionArn),
      },
    ];
  },
};

/** The task definition's first container with a port mapping: the one a load balancer targets. */
export function loadBalancedContainer(world: World, taskDefinition: string): { containerName: string; containerPort: number } | undefined {
  const [family, revision] = taskDefinition.split(':');
  const td = Object.values(world.taskDefinitions).find((t) => t.family === family && String(t.revision) === revision);
  for (const c of td?.containerDefinitions ?? []) {
    const port = c.portMappings?.[0]?.containerPort;
    if (c.name && port !== undefined) return { containerName: c.name, containerPort: port };
  }
  return undefined;
}

function launchTypeOf(world: World, taskDefinition: string): 'EC2' | 'FARGATE' {
  const [family, revision] = taskDefinition.split(':');
  const td = Object.values(world.taskDefinitions).find((t) => t.family === family && String(t.revision) === revision);
  return td?.requiresCompatibilities?.includes('FARGATE') && !td.requiresCompatibilities.includes('EC2') ? 'FARGATE' : 'EC2';
}

const networkModeOf = (world: World, taskDefinition: string) => {
  const [family, revision] = taskDefinition.split(':');
  return Object.values(world.taskDefinitions).find((t) => t.family === family && String(t.revision) === revision)?.networkMode;
};

function withContainer(world: World, v: FormValues): FormValues {
  const c = loadBalancedContainer(world, str(v.taskDefinition));
  return { ...v, containerName: c?.containerName ?? '', containerPort: c?.containerPort ?? 80 };
}

export const serviceForm: FormSpec = {
  kind: 'service',
  title: 'Service',
  summary: 'ecs:CreateService: keeps desiredCount tasks running, replacing them by rolling deployments.',
  fields: (world) => [
    { name: 'cluster', label: 'cluster', type: 'select', options: clusterNames(world).map((n) => option(n)) },
    { name: 'serviceName', label: 'serviceName', type: 'text' },
    { name: 'taskDefinition', label: 'taskDefinition', type: 'select', options: latestTaskDefinitions(world).map((t) => option(t)) },
    { name: 'desiredCount', label: 'desiredCount', type: 'number' },
    { name: 'launchType', label: 'launchType', type: 'select', options: [option('EC2'), option('FARGATE')] },
    { name: 'minimumHealthyPercent', label: 'minimumHealthyPercent', type: 'number' },
    { name: 'maximumPercent', label: 'maximumPercent', type: 'number' },
    { name: 'circuitBreaker', label: 'deploymentCircuitBreaker (enable, rollback)', type: 'checkbox', params: ['deploymentCircuitBreaker'] },
    { name: 'targetGroupArn', label: 'loadBalancers.targetGroupArn', type: 'select', options: [option('', '(none)'), ...targetGroups(world).map((t) => option(t.TargetGroupArn, t.TargetGroupName))], params: ['targetGroupArn', 'target group', 'loadBalancers'] },
    { name: 'containerName', label: 'loadBalancers.containerName', type: 'text' },
    { name: 'containerPort', label: 'loadBalancers.containerPort', type: 'number' },
  ],
  defaults: (world, ctx) => {
    const taskDefinition = latestTaskDefinitions(world)[0] ?? '';
    const tg = ctx.target?.kind === 'targetGroup' ? ctx.target.id : (targetGroups(world)[0]?.TargetGroupArn ?? '');
    return withContainer(world, {
      cluster: clusterFor(world, ctx.target),
      serviceName: freshName('web', activeServices(world).map((s) => s.serviceName)),
      taskDefinition,
      desiredCount: 2,
      launchType: launchTypeOf(world, taskDefinition),
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      circuitBreaker: true,
      targetGroupArn: tg,
    });
  },
  derive: (changed, v, world) => (changed === 'taskDefinition' ? withContainer(world, { ...v, launchType: launchTypeOf(world, str(v.taskDefinition)) }) : v),
  plan: (v, world) => {
    const awsvpc = networkModeOf(world, str(v.taskDefinition)) === 'awsvpc' || v.launchType === 'FARGATE';
    return [
      {
        call: 'ecs:CreateService',
        label: 'create the service',
        field: 'serviceName',
        input: () => ({
          cluster: str(v.cluster),
          serviceName: str(v.serviceName),
          taskDefinition: str(v.taskDefinition),
          desiredCount: num(v.desiredCount),
          launchType: str(v.launchType),
          deploymentConfiguration: {
            maximumPercent: num(v.maximumPercent),
            minimumHealthyPercent: num(v.minimumHealthyPercent),
            deploymentCircuitBreaker: { enable: !!v.circuitBreaker, rollback: !!v.circuitBreaker },
          },
          ...(str(v.targetGroupArn)
            ? { loadBalancers: [{ targetGroupArn: str(v.targetGroupArn), containerName: str(v.containerName), containerPort: num(v.containerPort) }] }
            : {}),
          // awsvpc tasks need a network configuration: the default subnets of three AZs. A public IP
          // only on Fargate (EC2 tasks cannot have one: "Assign public IP is not supported for this launch type.").
          ...(awsvpc
            ? { networkConfiguration: { awsvpcConfiguration: { subnets: defaultSubnets(world, 3), ...(v.launchType === 'FARGATE' ? { assignPublicIp: 'ENABLED' } : {}) } } }
            : {}),
        }),
        nodeId: (o) => nodeId.service((o as { service: { serviceArn: string } }).service.serviceArn),
      },
    ];
  },
};
