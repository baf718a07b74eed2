/**
 * Finding services the way ECS reads a `service` parameter (name or ARN, within a cluster), and
 * the errors it answers: ServiceNotFoundException "Service not found." and
 * ServiceNotActiveException "Service was not ACTIVE." (ECS API reference, UpdateService /
 * DeleteService errors).
 */
import type { Service } from '../../world/service-types';
import type { Cluster, World } from '../../world/types';
import { arn } from '../../world/arn';
import { AwsError } from '../errors';

/** The long ARN format: arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME. */
export const serviceArnFor = (world: World, cluster: Cluster, serviceName: string) => arn(world, 'ecs', `service/${cluster.clusterName}/${serviceName}`);

export function findService(world: World, cluster: Cluster, ref: string): Service | undefined {
  const key = ref.startsWith('arn:') ? ref : serviceArnFor(world, cluster, ref);
  const service = Object.hasOwn(world.services, key) ? world.services[key] : undefined;
  return service && service.clusterArn === cluster.clusterArn ? service : undefined;
}

export function requireService(world: World, cluster: Cluster, ref: string): Service {
  const service = findService(world, cluster, ref);
  if (!service) throw new AwsError('ServiceNotFoundException', 'Service not found.');
  return service;
}

export function requireActiveService(world: World, cluster: Cluster, ref: string): Service {
  const service = requireService(world, cluster, ref);
  if (service.status !== 'ACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
  return service;
}
