/**
 * Hand-built worlds for the canvas tests, shaped as the engine leaves them: an ECR repository with
 * two images, a task definition using it, a cluster "prod" with two registered instances (AZ a
 * and b) and one still booting (AZ c), and helpers to add tasks, a service behind a load
 * balancer, Auto Scaling, alarms and traffic.
 */
import { createWorld } from '../../engine/world/create';
import type { ContainerInstance, Ec2Instance, Task, TaskStatus, World } from '../../engine/world/types';
import type { Service } from '../../engine/world/service-types';
import type { TargetGroup } from '../../engine/world/elb-types';

export const ACCOUNT = '123456789012';
export const HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
export const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`;
export const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
export const TD_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`;
export const TD2_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:2`;
export const CI_A = `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/prod/aaaa`;
export const CI_B = `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/prod/bbbb`;
export const SERVICE_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/prod/web`;
export const LB_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/web-alb/50dc6c495c0c9188`;
export const LISTENER_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/web-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const TG_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/web-tg/6d0ecf831eec9f09`;
export const DEPLOYMENT_1 = 'ecs-svc/1111111111111111111';
export const DEPLOYMENT_2 = 'ecs-svc/2222222222222222222';

export function instance(id: string, az: string, state: Ec2Instance['State']['Name'], ciArn?: string): Ec2Instance {
  return {
    InstanceId: id, InstanceType: 'm5.large', ImageId: 'ami-1', State: { Code: 16, Name: state }, LaunchTime: 0,
    Placement: { AvailabilityZone: az }, SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '172.31.0.10',
    Tags: [], ecsClusterName: 'prod', containerInstanceArn: ciArn,
  };
}

export function containerInstance(arn: string, ec2InstanceId: string, remainingCpu: number, remainingMemory: number): ContainerInstance {
  return {
    containerInstanceArn: arn, clusterArn: CLUSTER_ARN, ec2InstanceId, status: 'ACTIVE', agentConnected: true,
    versionInfo: { agentVersion: '1.0.0', agentHash: 'x', dockerVersion: 'DockerVersion: 25.0.0' },
    registeredResources: { cpu: 2048, memory: 7680, ports: [22, 2375, 2376, 51678, 51679], portsUdp: [] },
    remainingResources: { cpu: remainingCpu, memory: remainingMemory, ports: [22, 2375, 2376, 51678, 51679, 49153], portsUdp: [] },
    eniLimit: 2, enisInUse: 0, attributes: [], registeredAt: 60, version: 1, tags: [],
  };
}

export function task(id: string, lastStatus: TaskStatus, ciArn: string | undefined, extra: Partial<Task> = {}): Task {
  const ec2InstanceId = ciArn === CI_A ? 'i-a' : ciArn === CI_B ? 'i-b' : undefined;
  return {
    taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/${id}`, clusterArn: CLUSTER_ARN, taskDefinitionArn: TD_ARN,
    containerInstanceArn: ciArn, ec2InstanceId, launchType: 'EC2', lastStatus, desiredStatus: 'RUNNING', group: 'family:web',
    availabilityZone: ciArn === CI_B ? 'us-east-1b' : 'us-east-1a', overrides: { containerOverrides: [] }, attachments: [],
    containers: [{ containerArn: 'c', name: 'web', image: `${HOST}/web:v1`, lastStatus: 'RUNNING', essential: true, healthStatus: 'UNKNOWN', cpu: '256', networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 49153, protocol: 'tcp' }] }],
    reserved: { cpu: 256, memory: 512, ports: [], portsUdp: [], eni: false }, healthStatus: 'UNKNOWN',
    createdAt: 120, version: 1, tags: [], ...extra,
  };
}

export const taskArnOf = (id: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/${id}`;

export function sampleWorld(): World {
  const world = createWorld('us-east-1', ACCOUNT);
  world.repositories[REPO_ARN] = {
    repositoryArn: REPO_ARN, registryId: ACCOUNT, region: 'us-east-1', repositoryName: 'web', repositoryUri: `${HOST}/web`,
    createdAt: 0, imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' }, tags: [],
  };
  for (const [tag, pushedAt] of [['v1', 10], ['v2', 20]] as const) {
    world.images[`${REPO_ARN}@${tag}`] = {
      repositoryArn: REPO_ARN, repositoryName: 'web', registryId: ACCOUNT, region: 'us-east-1', imageDigest: `sha256:${tag}000000000000000000`,
      imageTags: [tag], imageManifest: '{}', imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      imageSizeInBytes: 1, imagePushedAt: pushedAt, behavior: {},
    };
  }
  world.taskDefinitions[TD_ARN] = {
    taskDefinitionArn: TD_ARN, family: 'web', revision: 1, status: 'ACTIVE', networkMode: 'bridge', registeredAt: 0,
    containerDefinitions: [{ name: 'web', image: `${HOST}/web:v1`, memory: 512 }],
  };
  world.clusters[CLUSTER_ARN] = {
    clusterArn: CLUSTER_ARN, clusterName: 'prod', status: 'ACTIVE', createdAt: 0, settings: [], capacityProviders: [],
    defaultCapacityProviderStrategy: [], tags: [],
  };
  world.instances['i-a'] = instance('i-a', 'us-east-1a', 'running', CI_A);
  world.instances['i-b'] = instance('i-b', 'us-east-1b', 'running', CI_B);
  world.instances['i-c'] = instance('i-c', 'us-east-1c', 'pending');
  world.containerInstances[CI_A] = containerInstance(CI_A, 'i-a', 1536, 6656);
  world.containerInstances[CI_B] = containerInstance(CI_B, 'i-b', 2048, 7680);
  world.tasks.t1 = task('11111111aaaa', 'RUNNING', CI_A);
  world.tasks.t2 = task('22222222bbbb', 'PENDING', CI_A);
  return world;
}

function deployment(id: string, status: 'PRIMARY' | 'ACTIVE', taskDefinition: string, rolloutState: 'IN_PROGRESS' | 'COMPLETED') {
  return {
    id, status, taskDefinition, launchType: 'EC2' as const, createdAt: 100, updatedAt: 100, rolloutState,
    rolloutStateReason: rolloutState === 'COMPLETED' ? 'ECS deployment ecs-svc completed.' : 'ECS deployment ecs-svc in progress.',
    failedTasks: 0, circuitBreakerFailures: 0,
  };
}

/**
 * Adds a service "web" in the middle of a rolling update (web:1 ACTIVE -> web:2 PRIMARY), behind
 * an ALB (listener HTTP:80 -> target group web-tg): t1 (web:1) is a healthy target, t3 (web:2,
 * on i-b) is in initial health checks.
 */
export function withService(world: World): World {
  world.taskDefinitions[TD2_ARN] = { ...world.taskDefinitions[TD_ARN], taskDefinitionArn: TD2_ARN, revision: 2 };
  const service: Service = {
    serviceArn: SERVICE_ARN, serviceName: 'web', clusterArn: CLUSTER_ARN, status: 'ACTIVE', desiredCount: 2, launchType: 'EC2',
    taskDefinition: TD2_ARN, schedulingStrategy: 'REPLICA',
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
    deploymentController: { type: 'ECS' }, loadBalancers: [{ targetGroupArn: TG_ARN, containerName: 'web', containerPort: 80 }],
    placementConstraints: [], placementStrategy: [], healthCheckGracePeriodSeconds: 0, enableECSManagedTags: false,
    propagateTags: 'NONE', enableExecuteCommand: false, tags: [], createdAt: 100, createdBy: 'x',
    deployments: [deployment(DEPLOYMENT_2, 'PRIMARY', TD2_ARN, 'IN_PROGRESS'), deployment(DEPLOYMENT_1, 'ACTIVE', TD_ARN, 'COMPLETED')],
    events: [], throttle: { consecutiveFailures: 0 }, steady: false,
  };
  world.services[SERVICE_ARN] = service;
  Object.assign(world.tasks.t1, { serviceArn: SERVICE_ARN, deploymentId: DEPLOYMENT_1, startedBy: DEPLOYMENT_1 });
  world.tasks.t3 = task('33333333cccc', 'RUNNING', CI_B, {
    taskDefinitionArn: TD2_ARN, serviceArn: SERVICE_ARN, deploymentId: DEPLOYMENT_2, createdAt: 130,
    containers: [{ containerArn: 'c3', name: 'web', image: `${HOST}/web:v1`, lastStatus: 'RUNNING', essential: true, healthStatus: 'UNKNOWN', cpu: '256', networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 49160, protocol: 'tcp' }] }],
  });
  world.loadBalancers[LB_ARN] = {
    LoadBalancerArn: LB_ARN, LoadBalancerName: 'web-alb', DNSName: 'web-alb-1.us-east-1.elb.amazonaws.com', CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: 50, Scheme: 'internet-facing', VpcId: 'vpc-1', State: { Code: 'active' }, Type: 'application',
    AvailabilityZones: [{ ZoneName: 'us-east-1b', SubnetId: 's-b' }, { ZoneName: 'us-east-1a', SubnetId: 's-a' }], SecurityGroups: [], IpAddressType: 'ipv4', Tags: [],
  };
  world.listeners[LISTENER_ARN] = {
    ListenerArn: LISTENER_ARN, LoadBalancerArn: LB_ARN, Port: 80, Protocol: 'HTTP', defaultRuleArn: 'rule-default',
    DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_ARN }],
  };
  const target = (Id: string, Port: number, State: 'healthy' | 'initial') => ({
    Id, Port, State, Reason: State === 'initial' ? 'Elb.RegistrationInProgress' : undefined, consecutiveSuccesses: 0, consecutiveFailures: 0, registeredAt: 100, generation: 1,
  });
  const tg: TargetGroup = {
    TargetGroupArn: TG_ARN, TargetGroupName: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', TargetType: 'instance', IpAddressType: 'ipv4',
    HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: '/', Matcher: { HttpCode: '200' }, attributes: {},
    targets: { 'i-a:49153': target('i-a', 49153, 'healthy'), 'i-b:49160': target('i-b', 49160, 'initial') }, nextGeneration: 2, Tags: [],
  };
  world.targetGroups[TG_ARN] = tg;
  return world;
}
