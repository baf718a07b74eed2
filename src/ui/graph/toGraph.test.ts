import { describe, it, expect } from 'vitest';
import { createWorld } from '../../engine/world/create';
import type { ContainerInstance, Ec2Instance, Task, TaskStatus, World } from '../../engine/world/types';
import { nodeId, repositoryUriOf, STOPPED_TASK_VISIBLE_SECONDS, toGraph } from './toGraph';
import type { ContainerInstanceNode, SandboxNode, TaskNode } from './types';

// A world built by hand, as the engine would leave it: one repository with two images, a task
// definition using it, a cluster "prod" with two registered instances and one still booting.
const ACCOUNT = '123456789012';
const HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`;
const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
const TD_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`;

function instance(id: string, az: string, state: Ec2Instance['State']['Name'], ciArn?: string): Ec2Instance {
  return {
    InstanceId: id, InstanceType: 'm5.large', ImageId: 'ami-1', State: { Code: 16, Name: state }, LaunchTime: 0,
    Placement: { AvailabilityZone: az }, SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '172.31.0.10',
    Tags: [], ecsClusterName: 'prod', containerInstanceArn: ciArn,
  };
}

function containerInstance(arn: string, ec2InstanceId: string, remainingCpu: number, remainingMemory: number): ContainerInstance {
  return {
    containerInstanceArn: arn, clusterArn: CLUSTER_ARN, ec2InstanceId, status: 'ACTIVE', agentConnected: true,
    versionInfo: { agentVersion: '1.0.0', agentHash: 'x', dockerVersion: 'DockerVersion: 25.0.0' },
    registeredResources: { cpu: 2048, memory: 7680, ports: [], portsUdp: [] },
    remainingResources: { cpu: remainingCpu, memory: remainingMemory, ports: [], portsUdp: [] },
    eniLimit: 2, enisInUse: 0, attributes: [], registeredAt: 60, version: 1, tags: [],
  };
}

function task(id: string, lastStatus: TaskStatus, ciArn: string | undefined, extra: Partial<Task> = {}): Task {
  return {
    taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/${id}`, clusterArn: CLUSTER_ARN, taskDefinitionArn: TD_ARN,
    containerInstanceArn: ciArn, launchType: 'EC2', lastStatus, desiredStatus: 'RUNNING', group: 'family:web',
    availabilityZone: 'us-east-1a', overrides: { containerOverrides: [] }, attachments: [],
    containers: [{ containerArn: 'c', name: 'web', image: `${HOST}/web:v1`, lastStatus: 'RUNNING', essential: true, healthStatus: 'UNKNOWN', cpu: '256', networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 49153, protocol: 'tcp' }] }],
    reserved: { cpu: 256, memory: 512, ports: [], portsUdp: [], eni: false }, healthStatus: 'UNKNOWN',
    createdAt: 120, version: 1, tags: [], ...extra,
  };
}

const CI_A = `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/prod/aaaa`;
const CI_B = `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/prod/bbbb`;

function sampleWorld(): World {
  const world = createWorld('us-east-1', ACCOUNT);
  world.repositories[REPO_ARN] = {
    repositoryArn: REPO_ARN, registryId: ACCOUNT, region: 'us-east-1', repositoryName: 'web', repositoryUri: `${HOST}/web`,
    createdAt: 0, imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' }, tags: [],
  };
  for (const [tag, pushedAt] of [['v1', 10], ['v2', 20]] as const) {
    world.images[`${REPO_ARN}@${tag}`] = {
      repositoryArn: REPO_ARN, repositoryName: 'web', registryId: ACCOUNT, region: 'us-east-1', imageDigest: `sha256:${tag}`,
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

const byId = (nodes: SandboxNode[], id: string) => nodes.find((n) => n.id === id);

describe('toGraph', () => {
  it('puts each repository inside the ECR registry group, with its image tags newest first', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    const repo = byId(nodes, nodeId.repository(REPO_ARN));
    expect(repo?.parentId).toBe(nodeId.registry(HOST));
    expect(repo?.type === 'repository' && repo.data.imageTags).toEqual(['v2', 'v1']);
  });

  it('links a task definition to the repository its container image comes from, labelled with the tag', () => {
    const { edges } = toGraph(sampleWorld(), 200);
    expect(edges).toEqual([
      expect.objectContaining({ source: nodeId.repository(REPO_ARN), target: nodeId.taskDefinition(TD_ARN), label: 'v1' }),
    ]);
  });

  it('does not link a task definition whose image is from Docker Hub', () => {
    const world = sampleWorld();
    world.taskDefinitions[TD_ARN].containerDefinitions = [{ name: 'web', image: 'nginx:latest', memory: 128 }];
    expect(toGraph(world, 0).edges).toEqual([]);
  });

  it('shows container instances inside their cluster with registered and remaining CPU and memory', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    const a = byId(nodes, nodeId.containerInstance('i-a')) as ContainerInstanceNode;
    expect(a.parentId).toBe(nodeId.cluster(CLUSTER_ARN));
    expect(a.data).toMatchObject({ availabilityZone: 'us-east-1a', instanceType: 'm5.large', status: 'ACTIVE', taskCount: 2 });
    expect(a.data.cpu).toEqual({ registered: 2048, remaining: 1536 });
    expect(a.data.memory).toEqual({ registered: 7680, remaining: 6656 });
  });

  it('shows an instance that is still booting, before its agent registers, without resources', () => {
    const c = byId(toGraph(sampleWorld(), 200).nodes, nodeId.containerInstance('i-c')) as ContainerInstanceNode;
    expect(c.data).toMatchObject({ ec2State: 'pending', status: undefined, cpu: undefined });
  });

  it('puts each task chip inside the container instance it was placed on, with its lastStatus', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    const chips = nodes.filter((n): n is TaskNode => n.type === 'task');
    expect(chips.map((c) => [c.parentId, c.data.lastStatus, c.data.taskId])).toEqual([
      [nodeId.containerInstance('i-a'), 'RUNNING', '11111111'],
      [nodeId.containerInstance('i-a'), 'PENDING', '22222222'],
    ]);
    expect(chips[0].data.hostPorts).toEqual([49153]);
  });

  it('keeps a STOPPED task on the canvas for an hour after it stopped, then drops it', () => {
    const world = sampleWorld();
    world.tasks.t1 = task('11111111aaaa', 'STOPPED', CI_A, { stoppedAt: 300 });
    const has = (now: number) => toGraph(world, now).nodes.some((n) => n.id === nodeId.task(world.tasks.t1.taskArn));
    expect(has(300 + STOPPED_TASK_VISIBLE_SECONDS - 1)).toBe(true);
    expect(has(300 + STOPPED_TASK_VISIBLE_SECONDS)).toBe(false);
  });

  it('puts tasks without a container instance (Fargate) directly in the cluster', () => {
    const world = sampleWorld();
    world.tasks.f = task('ffffffff0000', 'PROVISIONING', undefined, { launchType: 'FARGATE' });
    const chip = byId(toGraph(world, 200).nodes, nodeId.task(world.tasks.f.taskArn));
    expect(chip?.parentId).toBe(nodeId.cluster(CLUSTER_ARN));
  });

  it('lists every parent before its children, and children fit inside their parent', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    nodes.forEach((node, i) => {
      if (!node.parentId) return;
      const parentIndex = nodes.findIndex((n) => n.id === node.parentId);
      expect(parentIndex).toBeGreaterThanOrEqual(0);
      expect(parentIndex).toBeLessThan(i);
      const parent = nodes[parentIndex];
      expect(node.position.x + (node.width ?? 0)).toBeLessThanOrEqual(parent.width ?? 0);
      expect(node.position.y + (node.height ?? 0)).toBeLessThanOrEqual(parent.height ?? 0);
    });
  });

  it('is a pure function of the world: the same world gives the same graph', () => {
    const world = sampleWorld();
    expect(toGraph(world, 200)).toEqual(toGraph(structuredClone(world), 200));
  });
});

describe('repositoryUriOf', () => {
  it('strips a tag or a digest from an image reference, keeping a registry port', () => {
    expect(repositoryUriOf(`${HOST}/web:v1`)).toBe(`${HOST}/web`);
    expect(repositoryUriOf(`${HOST}/web@sha256:abc`)).toBe(`${HOST}/web`);
    expect(repositoryUriOf('localhost:5000/web')).toBe('localhost:5000/web');
  });
});
