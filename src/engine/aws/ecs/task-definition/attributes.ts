/**
 * What ECS derives from a task definition at registration: `requiresAttributes` (the container
 * instance capabilities a task needs; placement only uses instances whose agent advertises them)
 * and `compatibilities` (the launch types the definition validates against).
 *
 * A representative set, after what DescribeTaskDefinition shows on AWS:
 *  - ECR image: com.amazonaws.ecs.capability.ecr-auth (+ ecs.capability.execution-role-ecr-pull
 *    with an execution role)
 *  - memoryReservation: com.amazonaws.ecs.capability.docker-remote-api.1.21
 *  - log driver X: com.amazonaws.ecs.capability.logging-driver.X; awslogs also docker-remote-api.1.19
 *    (+ ecs.capability.execution-role-awslogs with an execution role)
 *  - healthCheck: ecs.capability.container-health-check
 *  - dependsOn / startTimeout / stopTimeout: ecs.capability.container-ordering
 *  - privileged: com.amazonaws.ecs.capability.privileged-container
 *  - taskRoleArn: com.amazonaws.ecs.capability.task-iam-role
 *  - awsvpc: com.amazonaws.ecs.capability.docker-remote-api.1.18 and ecs.capability.task-eni
 */
import type { Attribute, ContainerDefinition } from '@aws-sdk/client-ecs';

/** An image in an ECR private registry: ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME... */
export const ECR_IMAGE = /^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export function requiresAttributes(td: {
  networkMode: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  containerDefinitions: ContainerDefinition[];
}): Attribute[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const c of td.containerDefinitions) {
    if (ECR_IMAGE.test(c.image ?? '')) {
      add('com.amazonaws.ecs.capability.ecr-auth');
      if (td.executionRoleArn) add('ecs.capability.execution-role-ecr-pull');
    }
    if (c.memoryReservation !== undefined) add('com.amazonaws.ecs.capability.docker-remote-api.1.21');
    const driver = c.logConfiguration?.logDriver;
    if (driver) {
      add(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
      if (driver === 'awslogs') {
        add('com.amazonaws.ecs.capability.docker-remote-api.1.19');
        if (td.executionRoleArn) add('ecs.capability.execution-role-awslogs');
      }
    }
    if (c.healthCheck) add('ecs.capability.container-health-check');
    if (c.dependsOn?.length || c.startTimeout !== undefined || c.stopTimeout !== undefined) add('ecs.capability.container-ordering');
    if (c.privileged) add('com.amazonaws.ecs.capability.privileged-container');
  }
  if (td.taskRoleArn) add('com.amazonaws.ecs.capability.task-iam-role');
  if (td.networkMode === 'awsvpc') {
    add('com.amazonaws.ecs.capability.docker-remote-api.1.18');
    add('ecs.capability.task-eni');
  }
  return names.map((name) => ({ name }));
}

/**
 * `compatibilities`: EC2 always (Linux); EXTERNAL (ECS Anywhere) unless the network mode is awsvpc,
 * which ECS Anywhere does not support; FARGATE when the definition passes Fargate's checks.
 * The order follows AWS's outputs: ["EXTERNAL", "EC2"] and ["EC2", "FARGATE"].
 */
export function compatibilities(networkMode: string, fargateOk: boolean): ('EC2' | 'FARGATE' | 'EXTERNAL')[] {
  const out: ('EC2' | 'FARGATE' | 'EXTERNAL')[] = [];
  if (networkMode !== 'awsvpc') out.push('EXTERNAL');
  out.push('EC2');
  if (fargateOk) out.push('FARGATE');
  return out;
}
