import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ClusterNode, ContainerInstanceNode, RepositoryNode, SandboxNode, TaskNode } from './types';
import { nodeId, repositoryUriOf, STOPPED_TASK_VISIBLE_SECONDS, toGraph } from './toGraph';
import { CLUSTER_ARN, CI_A, HOST, REPO_ARN, TD_ARN, sampleWorld, task, taskArnOf } from './fixtures';
import { createGraphCache } from './stable';

const byId = (nodes: SandboxNode[], id: string) => nodes.find((n) => n.id === id);
const lane = (az: string) => nodeId.azLane(CLUSTER_ARN, az);

describe('toGraph: ECR', () => {
  it('puts each repository inside the ECR registry group, with its images newest push first', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    const repo = byId(nodes, nodeId.repository(REPO_ARN)) as RepositoryNode;
    expect(repo.parentId).toBe(nodeId.registry(HOST));
    expect(repo.data.imageTags).toEqual(['v2', 'v1']);
    expect(repo.data.images.map((i) => i.tags)).toEqual([['v2'], ['v1']]);
  });

  it('shows tag immutability and a lifecycle policy badge as the repository has them', () => {
    const world = sampleWorld();
    const repo = () => byId(toGraph(world, 0).nodes, nodeId.repository(REPO_ARN)) as RepositoryNode;
    expect(repo().data).toMatchObject({ imageTagMutability: 'MUTABLE', hasLifecyclePolicy: false });
    world.repositories[REPO_ARN].imageTagMutability = 'IMMUTABLE';
    world.repositories[REPO_ARN].lifecyclePolicyText = '{"rules":[]}';
    expect(repo().data).toMatchObject({ imageTagMutability: 'IMMUTABLE', hasLifecyclePolicy: true });
  });
});

describe('toGraph: task definitions', () => {
  it('links a task definition to the repository its container image comes from, labelled with the tag', () => {
    const { edges } = toGraph(sampleWorld(), 200);
    expect(edges.filter((e) => e.data?.relation === 'image')).toEqual([
      expect.objectContaining({ source: nodeId.repository(REPO_ARN), target: nodeId.taskDefinition(TD_ARN), label: 'v1' }),
    ]);
  });

  it('does not link a task definition whose image is from Docker Hub', () => {
    const world = sampleWorld();
    world.taskDefinitions[TD_ARN].containerDefinitions = [{ name: 'web', image: 'nginx:latest', memory: 128 }];
    expect(toGraph(world, 0).edges.filter((e) => e.data?.relation === 'image')).toEqual([]);
  });

  it('drops a deregistered (INACTIVE) revision once no task uses it', () => {
    const world = sampleWorld();
    world.taskDefinitions[TD_ARN].status = 'INACTIVE';
    expect(byId(toGraph(world, 0).nodes, nodeId.taskDefinition(TD_ARN))).toBeDefined();
    world.tasks = {};
    expect(byId(toGraph(world, 0).nodes, nodeId.taskDefinition(TD_ARN))).toBeUndefined();
  });
});

describe('toGraph: clusters, AZ lanes and container instances', () => {
  it('counts the lanes it draws, so a cluster whose instances are still registering is not called empty', () => {
    const world = sampleWorld();
    const cluster = () => byId(toGraph(world, 200).nodes, nodeId.cluster(CLUSTER_ARN)) as ClusterNode;
    expect(cluster().data.laneCount).toBeGreaterThan(0);
    for (const arn of Object.keys(world.containerInstances)) delete world.containerInstances[arn];
    world.instances = {};
    world.tasks = {};
    expect(cluster().data.laneCount).toBe(0);
  });

  it('gives a cluster one lane per availability zone in use, in AZ order', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    const lanes = nodes.filter((n) => n.type === 'azLane');
    expect(lanes.map((l) => [l.parentId, l.type === 'azLane' && l.data.availabilityZone])).toEqual([
      [nodeId.cluster(CLUSTER_ARN), 'us-east-1a'],
      [nodeId.cluster(CLUSTER_ARN), 'us-east-1b'],
      [nodeId.cluster(CLUSTER_ARN), 'us-east-1c'],
    ]);
  });

  it('shows a container instance in its AZ lane with registered and reserved CPU, memory, ENIs and task host ports', () => {
    const a = byId(toGraph(sampleWorld(), 200).nodes, nodeId.containerInstance('i-a')) as ContainerInstanceNode;
    expect(a.parentId).toBe(lane('us-east-1a'));
    expect(a.data).toMatchObject({ availabilityZone: 'us-east-1a', instanceType: 'm5.large', status: 'ACTIVE', taskCount: 2 });
    expect(a.data.cpu).toEqual({ registered: 2048, remaining: 1536 });
    expect(a.data.memory).toEqual({ registered: 7680, remaining: 6656 });
    expect(a.data.enis).toEqual({ registered: 2, remaining: 2 });
    // The agent's reserved ports (22, 2375, 2376, 51678, 51679) are not task ports.
    expect(a.data.taskHostPorts).toEqual([49153]);
  });

  it('says DRAINING when the container instance is draining', () => {
    const world = sampleWorld();
    world.containerInstances[CI_A].status = 'DRAINING';
    const a = byId(toGraph(world, 0).nodes, nodeId.containerInstance('i-a')) as ContainerInstanceNode;
    expect(a.data.status).toBe('DRAINING');
  });

  it('shows an instance that is still booting, before its agent registers, without resources', () => {
    const c = byId(toGraph(sampleWorld(), 200).nodes, nodeId.containerInstance('i-c')) as ContainerInstanceNode;
    expect(c.data).toMatchObject({ ec2State: 'pending', status: undefined, cpu: undefined });
  });

  it('lists every parent before its children, and children fit inside their parent', () => {
    const world = sampleWorld();
    world.tasks.f = task('ffffffff0000', 'RUNNING', undefined, { launchType: 'FARGATE', availabilityZone: 'us-east-1d' });
    const { nodes } = toGraph(world, 200);
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
});

describe('toGraph: task chips', () => {
  it('puts each task chip inside the container instance it was placed on, with its lastStatus', () => {
    const { nodes } = toGraph(sampleWorld(), 200);
    const chips = nodes.filter((n): n is TaskNode => n.type === 'task');
    expect(chips.map((c) => [c.parentId, c.data.lastStatus, c.data.taskId])).toEqual([
      [nodeId.containerInstance('i-a'), 'RUNNING', '11111111'],
      [nodeId.containerInstance('i-a'), 'PENDING', '22222222'],
    ]);
    expect(chips[0].data.hostPorts).toEqual([49153]);
  });

  it('fills a chip as the task pulls its image and starts: PENDING pulling < pulled < RUNNING', () => {
    const world = sampleWorld();
    const chip = () => byId(toGraph(world, 200).nodes, nodeId.task(taskArnOf('22222222bbbb'))) as TaskNode;
    world.tasks.t2.pullStartedAt = 150;
    const pulling = chip().data;
    world.tasks.t2.pullStoppedAt = 160;
    const pulled = chip().data;
    world.tasks.t2.lastStatus = 'RUNNING';
    const running = chip().data;
    expect(pulling.phase).toBe('pulling image');
    expect(pulling.progress).toBeLessThan(pulled.progress);
    expect(pulled.progress).toBeLessThan(running.progress);
    expect(running.progress).toBe(1);
  });

  it('carries what the tooltip needs: startedAt, stopCode and stoppedReason', () => {
    const world = sampleWorld();
    world.tasks.t1 = task('11111111aaaa', 'STOPPED', CI_A, { startedAt: 130, stoppedAt: 300, stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    const chip = byId(toGraph(world, 300).nodes, nodeId.task(world.tasks.t1.taskArn)) as TaskNode;
    expect(chip.data).toMatchObject({ startedAt: 130, stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
  });

  it('keeps a STOPPED task on the canvas for an hour after it stopped, then drops it', () => {
    const world = sampleWorld();
    world.tasks.t1 = task('11111111aaaa', 'STOPPED', CI_A, { stoppedAt: 300 });
    const has = (now: number) => toGraph(world, now).nodes.some((n) => n.id === nodeId.task(world.tasks.t1.taskArn));
    expect(has(300 + STOPPED_TASK_VISIBLE_SECONDS - 1)).toBe(true);
    expect(has(300 + STOPPED_TASK_VISIBLE_SECONDS)).toBe(false);
  });

  it('puts a Fargate task in the Fargate area of its AZ lane', () => {
    const world = sampleWorld();
    world.tasks.f = task('ffffffff0000', 'PROVISIONING', undefined, { launchType: 'FARGATE', availabilityZone: 'us-east-1b' });
    const { nodes } = toGraph(world, 200);
    const chip = byId(nodes, nodeId.task(world.tasks.f.taskArn));
    expect(chip?.parentId).toBe(nodeId.fargateArea(CLUSTER_ARN, 'us-east-1b'));
    expect(byId(nodes, nodeId.fargateArea(CLUSTER_ARN, 'us-east-1b'))?.parentId).toBe(lane('us-east-1b'));
  });

  it('puts an EC2 task still waiting for capacity in the cluster\'s "not placed" lane', () => {
    const world = sampleWorld();
    world.tasks.w = task('wwwwwwww0000', 'PROVISIONING', undefined, { availabilityZone: '' });
    const chip = byId(toGraph(world, 200).nodes, nodeId.task(world.tasks.w.taskArn));
    expect(chip?.parentId).toBe(nodeId.fargateArea(CLUSTER_ARN, 'not placed'));
  });
});

/** A world of `n` RUNNING tasks over 10 instances in 3 AZs, built by hand. */
function bigWorld(n: number) {
  const world = sampleWorld();
  world.tasks = {};
  for (let i = 0; i < 10; i++) {
    const ci = `${CI_A}-${i}`;
    world.instances[`i-${i}`] = { ...world.instances['i-a'], InstanceId: `i-${i}`, Placement: { AvailabilityZone: `us-east-1${'abc'[i % 3]}` }, containerInstanceArn: ci };
    world.containerInstances[ci] = { ...world.containerInstances[CI_A], containerInstanceArn: ci, ec2InstanceId: `i-${i}` };
  }
  for (let t = 0; t < n; t++) {
    world.tasks[`t${t}`] = task(`task${String(t).padStart(6, '0')}`, Math.floor(t / 10) % 10 === 0 ? 'PENDING' : 'RUNNING', `${CI_A}-${t % 10}`, { ec2InstanceId: `i-${t % 10}` });
  }
  return world;
}

describe('toGraph: large worlds', () => {
  it('folds 1,000 tasks into counts per instance, keeping the graph to a bounded number of nodes', () => {
    const { nodes } = toGraph(bigWorld(1000), 200);
    expect(nodes.filter((n) => n.type === 'task')).toHaveLength(0);
    const summaries = nodes.filter((n) => n.type === 'taskSummary');
    expect(summaries).toHaveLength(10);
    expect(summaries[0].type === 'taskSummary' && summaries[0].data.counts).toEqual([
      { status: 'PENDING', count: 10 },
      { status: 'RUNNING', count: 90 },
    ]);
    expect(nodes.length).toBeLessThan(60);
  });

  it('shows every chip of an instance the learner expanded', () => {
    const instanceId = nodeId.containerInstance('i-3');
    const { nodes } = toGraph(bigWorld(1000), 200, { expanded: { [instanceId]: true } });
    expect(nodes.filter((n) => n.type === 'task' && n.parentId === instanceId)).toHaveLength(100);
  });

  it('folds one crowded instance even in a small world, past the per-instance limit', () => {
    const { nodes } = toGraph(bigWorld(140), 200);
    expect(nodes.filter((n) => n.type === 'taskSummary')).toHaveLength(10);
    const { nodes: few } = toGraph(bigWorld(40), 200);
    expect(few.filter((n) => n.type === 'taskSummary')).toHaveLength(0);
    expect(few.filter((n) => n.type === 'task')).toHaveLength(40);
  });
});

describe('toGraph: stability', () => {
  it('is a pure function of the world: the same world gives the same graph', () => {
    const world = sampleWorld();
    expect(toGraph(world, 200)).toEqual(toGraph(structuredClone(world), 200));
  });

  it('hands back the same node objects for resources that did not change', () => {
    const world = sampleWorld();
    const cache = createGraphCache();
    const first = toGraph(world, 200, {}, cache);
    world.tasks.t2.lastStatus = 'RUNNING';
    const second = toGraph(world, 201, {}, cache);
    const same = (id: string) => byId(first.nodes, id) === byId(second.nodes, id);
    expect(same(nodeId.task(taskArnOf('11111111aaaa')))).toBe(true);
    expect(same(nodeId.repository(REPO_ARN))).toBe(true);
    expect(same(nodeId.task(taskArnOf('22222222bbbb')))).toBe(false);
  });

  it('keeps node ids stable whatever order the world lists resources in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['t1', 't2'], { minLength: 2, maxLength: 2 }), (order) => {
        const world = sampleWorld();
        const tasks = world.tasks;
        world.tasks = Object.fromEntries(order.map((k) => [k, tasks[k]]));
        return JSON.stringify(toGraph(world, 200).nodes.map((n) => n.id)) === JSON.stringify(toGraph(sampleWorld(), 200).nodes.map((n) => n.id));
      }),
    );
  });

  it('does not move the cluster when a task appears: only its instance grows', () => {
    const world = sampleWorld();
    const layout = toGraph(world, 0).nodes.filter((n) => !n.parentId).reduce((p, n) => ({ ...p, [n.id]: n.position }), {});
    const before = toGraph(world, 0, { layout });
    world.tasks.t9 = task('99999999zzzz', 'PENDING', CI_A, { createdAt: 150 });
    const after = toGraph(world, 0, { layout });
    const cluster = nodeId.cluster(CLUSTER_ARN);
    expect(byId(after.nodes, cluster)?.position).toEqual(byId(before.nodes, cluster)?.position);
    const instance = nodeId.containerInstance('i-a');
    expect(byId(after.nodes, instance)?.position).toEqual(byId(before.nodes, instance)?.position);
    expect(byId(after.nodes, instance)!.height!).toBeGreaterThan(byId(before.nodes, instance)!.height!);
  });

  it('puts a top-level node where the learner dragged it, over the layout', () => {
    const cluster = nodeId.cluster(CLUSTER_ARN);
    const { nodes } = toGraph(sampleWorld(), 0, { layout: { [cluster]: { x: 10, y: 10 } }, positions: { [cluster]: { x: 999, y: -40 } } });
    expect(byId(nodes, cluster)?.position).toEqual({ x: 999, y: -40 });
  });
});

describe('repositoryUriOf', () => {
  it('strips a tag or a digest from an image reference, keeping a registry port', () => {
    expect(repositoryUriOf(`${HOST}/web:v1`)).toBe(`${HOST}/web`);
    expect(repositoryUriOf(`${HOST}/web@sha256:abc`)).toBe(`${HOST}/web`);
    expect(repositoryUriOf('localhost:5000/web')).toBe('localhost:5000/web');
  });
});
