/**
 * Test fixtures for load balancer tests: an ALB in two AZs, a target group, a listener, and
 * real tasks to register as targets.
 *
 *   const f = albWithTargetGroup();            // ALB web-alb + target group web-tg (HTTP:80)
 *   listen(f);                                 // HTTP:80 listener forwarding to web-tg
 *   activate(f);                               // until the ALB is active
 *   const [t] = bridgeTasks(f.s, 1);           // RUNNING nginx tasks with a dynamic host port
 */
import { sandbox, type Sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { registerTaskDefinition, runTasks } from '../../testing/task-fixtures';

export interface AlbFixture {
  s: Sandbox;
  vpcId: string;
  subnets: string[];
  lbArn: string;
  tgArn: string;
}

export function albWithTargetGroup(options: { seed?: number; targetGroup?: Record<string, unknown> } = {}): AlbFixture {
  const s = sandbox({ seed: options.seed ?? 7 });
  const vpcId = Object.keys(s.world.vpcs)[0];
  const subnets = Object.values(s.world.subnets).slice(0, 2).map((n) => n.SubnetId);
  const lbArn = s.output('elbv2:CreateLoadBalancer', { Name: 'web-alb', Subnets: subnets }).LoadBalancers[0].LoadBalancerArn;
  const tgArn = s.output('elbv2:CreateTargetGroup', { Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: vpcId, ...options.targetGroup }).TargetGroups[0].TargetGroupArn;
  return { s, vpcId, subnets, lbArn, tgArn };
}

/** An HTTP listener on `port` forwarding to the fixture's target group; returns its ARN. */
export function listen(f: AlbFixture, port = 80): string {
  return f.s.output('elbv2:CreateListener', { LoadBalancerArn: f.lbArn, Protocol: 'HTTP', Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: f.tgArn }] }).Listeners[0].ListenerArn;
}

export function activate(f: AlbFixture): void {
  f.s.advanceUntil(() => f.s.world.loadBalancers[f.lbArn]?.State.Code === 'active', 600);
}

export interface RunningTarget {
  taskArn: string;
  instanceId: string;
  hostPort: number;
}

/**
 * Runs `count` bridge-mode tasks (container port 80 on a dynamic host port) of `image` on one
 * m5.large container instance of cluster "prod", and waits until they are RUNNING.
 */
export function bridgeTasks(s: Sandbox, count: number, image = 'nginx:latest', family = 'web'): RunningTarget[] {
  if (!Object.values(s.world.clusters).some((c) => c.clusterName === 'prod')) launchContainerInstances(s, { cluster: 'prod', count: 1, availabilityZones: [s.world.availabilityZones[0]] });
  registerTaskDefinition(s, { family, containerDefinitions: [{ name: 'app', image, memory: 128, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
  const arns = runTasks(s, { cluster: 'prod', taskDefinition: family, count });
  s.advanceUntil(() => arns.every((a) => s.world.tasks[a].lastStatus === 'RUNNING'), 600);
  return arns.map((taskArn) => {
    const task = s.world.tasks[taskArn];
    return { taskArn, instanceId: task.ec2InstanceId!, hostPort: task.containers[0].networkBindings[0].hostPort };
  });
}

/** Pushes an ECR image whose containers fail ELB health checks; returns its URI with tag. */
export function unhealthyImage(s: Sandbox, name = 'sick'): string {
  const repo = s.output('ecr:CreateRepository', { repositoryName: name }).repository;
  s.call('sim:PushImage', { repositoryName: name, imageTag: 'v1', behavior: { healthy: false } });
  return `${repo.repositoryUri}:v1`;
}

export function health(f: AlbFixture, target: { Id: string; Port?: number }) {
  return f.s.output('elbv2:DescribeTargetHealth', { TargetGroupArn: f.tgArn, Targets: [target] }).TargetHealthDescriptions[0].TargetHealth;
}
