/**
 * The ECS container agent registering its instance (RegisterContainerInstance), as the agent's
 * ecsclient does it:
 *
 * - No credentials (the instance has no IAM instance profile): the AWS SDK in the agent finds no
 *   credential provider, so the agent cannot call ECS at all. Choice: it is not retried, because
 *   nothing in the simulator can attach a profile to a running instance; launch a new instance.
 * - No ECS_CLUSTER in the user data: the agent uses "default". It tries to register and, if the
 *   cluster does not exist, calls CreateCluster("default") and registers again.
 * - ECS_CLUSTER=name of a cluster that does not exist (or is INACTIVE): ClusterNotFoundException.
 *   The agent does not create named clusters; it exits and ecs-init restarts it, so registration
 *   is retried with a growing delay (timing.ts) until the cluster is created.
 */
import type { EventHandler, Simulation } from '../../simulation';
import type { Ec2Instance } from '../../world/types';
import { agentConfig } from '../../aws/ec2/user-data';
import { createCluster, findCluster } from '../../aws/ecs/clusters-store';
import { newContainerInstance } from './container-instance';
import { putContainerInstance } from '../../world/container-instance-index';
import { registrationRetryDelay } from './timing';
import { assignCapacityProvider } from '../capacity/registration';

export const agentRegister: EventHandler = (sim, event) => {
  const instance = sim.world.instances[event.instanceId as string];
  const attempt = typeof event.attempt === 'number' ? event.attempt : 1;
  if (!instance || instance.State.Name !== 'running' || instance.containerInstanceArn) return;
  registerInstance(sim, instance, attempt);
};

function registerInstance(sim: Simulation, instance: Ec2Instance, attempt: number): void {
  const id = instance.InstanceId;
  if (!instance.IamInstanceProfile) {
    sim.emit({
      source: 'ecs',
      kind: 'agent.registrationFailed',
      resource: id,
      message:
        `The ECS container agent on ${id} could not register: NoCredentialProviders: no valid providers in chain. ` +
        `The instance was launched without an IAM instance profile, so the agent has no AWS credentials to call ecs:RegisterContainerInstance. ` +
        `Launch instances with an instance profile whose role has the AmazonEC2ContainerServiceforEC2Role policy (for example ecsInstanceRole).`,
      detail: { errorCode: 'NoCredentialProviders', attempt },
    });
    return;
  }
  const config = agentConfig(instance.UserData);
  const name = config.cluster ?? 'default';
  let cluster = findCluster(sim.world, name);
  if (cluster?.status !== 'ACTIVE' && config.cluster === undefined) {
    cluster = createCluster(sim, 'default', `the ECS container agent on ${id} (no ECS_CLUSTER in the user data, so it registers in the default cluster and creates it if it does not exist)`);
  }
  if (!cluster || cluster.status !== 'ACTIVE') {
    const retryIn = registrationRetryDelay(attempt);
    sim.emit({
      source: 'ecs',
      kind: 'agent.registrationFailed',
      resource: id,
      message:
        `The ECS container agent on ${id} could not register in cluster ${name}: ClusterNotFoundException: Cluster not found. ` +
        `The user data sets ECS_CLUSTER=${name} but no ACTIVE cluster has that name; the agent does not create it. ` +
        `Create the cluster (ecs:CreateCluster) or fix ECS_CLUSTER. The agent retries in ${retryIn} seconds (attempt ${attempt}).`,
      detail: { errorCode: 'ClusterNotFoundException', cluster: name, attempt, retryInSeconds: retryIn },
    });
    sim.schedule(retryIn, { type: 'ec2.agentRegister', instanceId: id, attempt: attempt + 1 });
    return;
  }
  const containerInstance = newContainerInstance(sim, instance, cluster, config.reservedMemoryMiB);
  putContainerInstance(sim.world, containerInstance);
  instance.containerInstanceArn = containerInstance.containerInstanceArn;
  instance.ecsClusterName = cluster.clusterName;
  assignCapacityProvider(sim, containerInstance);
  const r = containerInstance.registeredResources;
  sim.emit({
    source: 'ecs',
    kind: 'agent.registered',
    resource: containerInstance.containerInstanceArn,
    message:
      `Container instance ${containerInstance.containerInstanceArn.split('/').pop()} (${id}, ${instance.InstanceType}, ${instance.Placement.AvailabilityZone}) registered in cluster ${cluster.clusterName} ` +
      `with ${r.cpu} CPU units and ${r.memory} MiB of memory` +
      (config.reservedMemoryMiB ? ` (ECS_RESERVED_MEMORY keeps ${config.reservedMemoryMiB} MiB back).` : '.'),
    detail: { ec2InstanceId: id, clusterArn: cluster.clusterArn, cpu: r.cpu, memory: r.memory },
  });
}
