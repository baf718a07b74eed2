/**
 * Pieces the gallery's scenarios share: the ECS-optimized AMI, user data that joins a cluster,
 * the default subnets, EC2 container instances one per AZ, and an Application Load Balancer with
 * an HTTP:80 listener forwarding to a target group.
 */
import { createWorld, defaultSubnetFor } from '../../engine/world/create';
import { ACCOUNT, REGION, type ScenarioBuilder } from './builder';

/**
 * Choice: an illustrative id for the Amazon ECS-optimized Amazon Linux 2023 AMI (real ids differ
 * per region and release; on AWS you read it from the SSM parameter
 * /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id).
 */
export const ECS_OPTIMIZED_AMI = 'ami-0c2e5f4d1b3a69870';
export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

const world = createWorld(REGION, ACCOUNT);
/** The default VPC and its default subnets (every account has them; their ids depend only on account and region). */
export const DEFAULT_VPC = Object.keys(world.vpcs)[0];
export const subnetOf = (az: string): string => defaultSubnetFor(world, az)!;
export const SUBNETS = ZONES.map(subnetOf);

/** The ECS guide's user data: the container agent reads ECS_CLUSTER from /etc/ecs/ecs.config. RunInstances takes it base64. */
export const userDataScript = (cluster: string) => `#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config`;
export const userData = (cluster: string) => btoa(userDataScript(cluster));

export const ecrImage = (repository: string, tag: string) => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${repository}:${tag}`;

/** One RunInstances per AZ, with the ecsInstanceRole instance profile, joining `cluster`. */
/** The gallery's web app: bridge mode, a dynamic host port for container port 80, from the ECR image `web:TAG`. */
export const webTaskDefinition = (tag: string) => ({
  family: 'web',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'web', image: ecrImage('web', tag), essential: true, cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
});

export function containerInstances(b: ScenarioBuilder, cluster: string, zones: string[], instanceType = 'm5.large'): void {
  zones.forEach((AvailabilityZone, i) =>
    b.call('ec2:RunInstances', {
      ImageId: ECS_OPTIMIZED_AMI,
      InstanceType: instanceType,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnetOf(AvailabilityZone),
      UserData: userData(cluster),
      IamInstanceProfile: { Name: 'ecsInstanceRole' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `${cluster}-${i + 1}` }] }],
    }),
  );
}

/**
 * Choice for the gallery: health checks every 5 s, healthy after 2 passes (the ALB allows 5–300 s
 * and 2–10; the defaults, 30 s and 5, take 2.5 minutes), and a 30 s deregistration delay (default
 * 300 s), so what a scenario shows happens within a few minutes.
 */
export const FAST_HEALTH_CHECKS = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };
export const DEREGISTRATION_DELAY_SECONDS = 30;

export interface Alb {
  loadBalancerArn: string;
  listenerArn: string;
  targetGroupArns: string[];
}

/** An internet-facing ALB over `zones`, one `instance` target group per name (the first is the listener's), and listeners on `ports`. */
export function applicationLoadBalancer(b: ScenarioBuilder, name: string, targetGroups: string[], ports = [80]): Alb & { listenerArns: string[] } {
  const loadBalancerArn: string = b.output('elbv2:CreateLoadBalancer', { Name: name, Subnets: SUBNETS, Type: 'application', Scheme: 'internet-facing' }).LoadBalancers[0].LoadBalancerArn;
  const targetGroupArns = targetGroups.map((Name) => {
    const arn: string = b.output('elbv2:CreateTargetGroup', { Name, Protocol: 'HTTP', Port: 80, VpcId: DEFAULT_VPC, TargetType: 'instance', HealthCheckPath: '/', ...FAST_HEALTH_CHECKS }).TargetGroups[0].TargetGroupArn;
    b.call('elbv2:ModifyTargetGroupAttributes', { TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(DEREGISTRATION_DELAY_SECONDS) }] });
    return arn;
  });
  const listenerArns = ports.map(
    (Port) => b.output('elbv2:CreateListener', { LoadBalancerArn: loadBalancerArn, Protocol: 'HTTP', Port, DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArns[0] }] }).Listeners[0].ListenerArn as string,
  );
  return { loadBalancerArn, listenerArn: listenerArns[0], listenerArns, targetGroupArns };
}

/**
 * An ECS service's desired count as a scalable target between min and max, kept near 50% average
 * CPU by a target tracking policy named cpu50 (scale out after 60 s, in after `scaleInCooldown`).
 */
export function cpuTargetTracking(b: ScenarioBuilder, cluster: string, service: string, min: number, max: number, scaleInCooldown: number): void {
  const target = { ServiceNamespace: 'ecs', ResourceId: `service/${cluster}/${service}`, ScalableDimension: 'ecs:service:DesiredCount' };
  b.call('application-autoscaling:RegisterScalableTarget', { ...target, MinCapacity: min, MaxCapacity: max });
  b.call('application-autoscaling:PutScalingPolicy', {
    ...target,
    PolicyName: 'cpu50',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 50,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ScaleOutCooldown: 60,
      ScaleInCooldown: scaleInCooldown,
    },
  });
}
