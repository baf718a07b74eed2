/**
 * The scenario the app opens with: a cluster "prod" of three EC2 container instances in three
 * availability zones, an ECR repository "web" with one image, a task definition that runs it
 * (bridge networking, dynamic host port) and four standalone tasks spread over the AZs.
 *
 * It is plain data in the scenario file format (schema.ts), so the headless runner can run it too.
 * To extend it, add steps to one of the named groups below; later issues add services.
 */
import type { Scenario, Step } from './schema';

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';
export const CLUSTER = 'prod';
export const REPOSITORY = 'web';
export const IMAGE_TAG = 'v1';
export const AVAILABILITY_ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/**
 * What the ECS-optimized AMI's user data looks like: the container agent reads ECS_CLUSTER from
 * /etc/ecs/ecs.config and registers the instance with that cluster. RunInstances takes it base64.
 */
export const USER_DATA_SCRIPT = `#!/bin/bash\necho ECS_CLUSTER=${CLUSTER} >> /etc/ecs/ecs.config`;
export const USER_DATA = btoa(USER_DATA_SCRIPT);

/**
 * Choice: an illustrative id for the Amazon ECS-optimized Amazon Linux 2023 AMI (real ids differ
 * per region and release; on AWS you read it from the SSM parameter
 * /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id).
 */
export const ECS_OPTIMIZED_AMI = 'ami-0c2e5f4d1b3a69870';

const imageUri = `${DEFAULT_ACCOUNT}.dkr.ecr.${DEFAULT_REGION}.amazonaws.com/${REPOSITORY}:${IMAGE_TAG}`;

const registry: Step[] = [
  { call: 'ecr:CreateRepository', input: { repositoryName: REPOSITORY } },
  { call: 'sim:PushImage', input: { repositoryName: REPOSITORY, imageTag: IMAGE_TAG } },
];

const cluster: Step[] = [
  { call: 'ecs:CreateCluster', input: { clusterName: CLUSTER } },
  ...AVAILABILITY_ZONES.map(
    (AvailabilityZone): Step => ({
      call: 'ec2:RunInstances',
      input: {
        ImageId: ECS_OPTIMIZED_AMI,
        InstanceType: 'm5.large',
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone },
        UserData: USER_DATA,
        IamInstanceProfile: { Name: 'ecsInstanceRole' },
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `ecs-${CLUSTER}-${AvailabilityZone.slice(-1)}` }] },
        ],
      },
    }),
  ),
];

const taskDefinition: Step[] = [
  {
    call: 'ecs:RegisterTaskDefinition',
    input: {
      family: 'web',
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [
        {
          name: 'web',
          image: imageUri,
          essential: true,
          cpu: 256,
          memory: 512,
          // hostPort 0 in bridge mode: ECS picks a free port from the ephemeral range.
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        },
      ],
    },
  },
];

/** Seconds to wait for the instances to boot and their agents to register (ACTIVE). */
export const BOOT_WAIT_SECONDS = 90;

const tasks: Step[] = [
  { advance: BOOT_WAIT_SECONDS },
  {
    call: 'ecs:RunTask',
    input: {
      cluster: CLUSTER,
      taskDefinition: 'web',
      count: 4,
      launchType: 'EC2',
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'spread', field: 'instanceId' },
      ],
    },
  },
];

export const defaultScenario: Scenario = {
  name: 'Three instances, four tasks',
  description: 'A cluster of three EC2 container instances in three AZs running four tasks of an image from ECR.',
  seed: 1,
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT,
  steps: [...registry, ...cluster, ...taskDefinition, ...tasks],
};
