/**
 * A service's capacity provider strategy (CreateService / UpdateService capacityProviderStrategy).
 *
 * AWS (API reference CreateService): "If a capacityProviderStrategy is specified, the launchType
 * parameter must be omitted. If no capacityProviderStrategy or launchType is specified, the
 * defaultCapacityProviderStrategy for the cluster is used." Both given: InvalidParameterException
 * "Specifying both a launch type and capacity provider strategy is not supported. Remove one and
 * try again." The items are checked by the capacity module (aws/ecs/capacity-providers-strategy.ts:
 * providers exist and are associated with the cluster, one base, a weight above 0, no mixing of
 * Fargate and Auto Scaling group providers). UpdateService: changing the strategy starts a new
 * deployment (the SDK's Deployment carries its capacityProviderStrategy); "when a service is using
 * a capacity provider strategy that's not the default capacity provider strategy, the service
 * can't be updated to use the cluster's default capacity provider strategy".
 *
 * Choices: a DAEMON service places one task on each instance itself and takes no strategy (an
 * explicit one is refused; the cluster default is not applied to it); UpdateService may change the
 * strategy only to one of the same kind (Fargate or Auto Scaling groups) as the service's launch
 * type, since the network configuration and task definition were checked for that kind; an empty
 * list in UpdateService changes nothing.
 */
import type { Simulation } from '../../simulation';
import type { Cluster } from '../../world/types';
import type { CapacityProviderStrategyItem } from '../../world/capacity-types';
import type { Service } from '../../world/service-types';
import { launchTypeOfStrategy, resolveStrategy } from '../../control/capacity/launch';
import { AwsError } from '../errors';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const hasItems = (v: unknown) => Array.isArray(v) && v.length > 0;

export const BOTH_LAUNCH_TYPE_AND_STRATEGY = 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.';

/** CreateService: the strategy to launch with ([] = the launch type). */
export function parseServiceStrategy(sim: Simulation, cluster: Cluster, raw: unknown, launchType: string | undefined, scheduling: Service['schedulingStrategy']): CapacityProviderStrategyItem[] {
  if (hasItems(raw) && launchType !== undefined) throw invalid(BOTH_LAUNCH_TYPE_AND_STRATEGY);
  if (scheduling === 'DAEMON') {
    if (hasItems(raw)) throw invalid('The daemon scheduling strategy does not support a capacity provider strategy. Use the EC2 launch type and try again.');
    return [];
  }
  if (launchType !== undefined) return [];
  return resolveStrategy(sim.world, cluster, raw);
}

/** UpdateService: the new strategy, or undefined when it does not change. */
export function parseServiceStrategyUpdate(sim: Simulation, cluster: Cluster, service: Service, raw: unknown): CapacityProviderStrategyItem[] | undefined {
  if (!hasItems(raw)) return undefined;
  if (service.schedulingStrategy === 'DAEMON') throw invalid('The daemon scheduling strategy does not support a capacity provider strategy. Use the EC2 launch type and try again.');
  const strategy = resolveStrategy(sim.world, cluster, raw);
  if (launchTypeOfStrategy(strategy) !== service.launchType) {
    throw invalid(`The capacity provider strategy must use ${service.launchType === 'FARGATE' ? 'the FARGATE or FARGATE_SPOT capacity providers' : 'Auto Scaling group capacity providers'}, as the service's tasks run on ${service.launchType}.`);
  }
  return strategy;
}
