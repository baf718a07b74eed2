/**
 * A scenario that touches most of the engine (ECR push, EC2 boot and agent registration, task
 * definitions for EC2 and Fargate, placement with strategies, task lifecycle, stops and a failed
 * pull): determinism tests run it twice, and across snapshot/restore, and compare the logs.
 */
import type { Scenario } from '../../scenario/schema';
import { createWorld } from '../world/create';

const userData = (cluster: string) => btoa(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`);

export function busyScenario(seed = 7): Scenario {
  const subnets = Object.keys(createWorld('us-east-1', '123456789012').subnets).slice(0, 3);
  return {
    seed,
    region: 'us-east-1',
    accountId: '123456789012',
    steps: [
      { call: 'ecr:CreateRepository', input: { repositoryName: 'web' } },
      { call: 'sim:PushImage', input: { repositoryName: 'web', imageTag: 'v1', sizeMiB: 120 } },
      { call: 'ecs:CreateCluster', input: { clusterName: 'prod' } },
      ...['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => ({
        call: 'ec2:RunInstances',
        input: {
          ImageId: 'ami-0a1b2c3d4e5f67890',
          InstanceType: 'm5.large',
          MinCount: 1,
          MaxCount: 1,
          Placement: { AvailabilityZone: az },
          UserData: userData('prod'),
          IamInstanceProfile: { Name: 'ecsInstanceRole' },
        },
      })),
      {
        call: 'ecs:RegisterTaskDefinition',
        input: {
          family: 'web',
          containerDefinitions: [
            { name: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1', memory: 512, cpu: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] },
          ],
        },
      },
      {
        call: 'ecs:RegisterTaskDefinition',
        input: {
          family: 'api',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
          containerDefinitions: [{ name: 'api', image: 'nginx:latest', portMappings: [{ containerPort: 80 }] }],
        },
      },
      {
        call: 'ecs:RegisterTaskDefinition',
        input: { family: 'broken', containerDefinitions: [{ name: 'b', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v9', memory: 128 }] },
      },
      { advance: 180 },
      {
        call: 'ecs:RunTask',
        input: {
          cluster: 'prod',
          taskDefinition: 'web',
          count: 6,
          placementStrategy: [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'memory' },
          ],
        },
      },
      { call: 'ecs:RunTask', input: { cluster: 'prod', taskDefinition: 'broken', count: 1 } },
      {
        call: 'ecs:RunTask',
        input: {
          cluster: 'prod',
          taskDefinition: 'api',
          launchType: 'FARGATE',
          count: 3,
          networkConfiguration: { awsvpcConfiguration: { subnets } },
        },
      },
      { call: 'ecs:RunTask', input: { cluster: 'prod', taskDefinition: 'web', count: 10 } },
      { advance: 120 },
      { call: 'ecs:ListTasks', input: { cluster: 'prod' } },
      { call: 'ecs:ListContainerInstances', input: { cluster: 'prod' } },
      { call: 'ecs:StopTask', input: { cluster: 'prod', task: 'not-a-task' } },
      { advance: 600 },
    ],
  };
}
