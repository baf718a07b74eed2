/**
 * CreateService / UpdateService parameters, checked as ECS checks them.
 *
 * AWS facts (API reference CreateService, DeploymentConfiguration, LoadBalancer):
 *  - deploymentConfiguration: REPLICA defaults maximumPercent 200, minimumHealthyPercent 100;
 *    DAEMON defaults 100 / 0 and its maximumPercent must stay 100;
 *  - the DAEMON strategy takes no desiredCount ("The daemon scheduling strategy does not support a
 *    desired count for services. Remove the desired count value and try again"), no placement
 *    strategy (same style), and neither Fargate nor the CODE_DEPLOY / EXTERNAL controllers;
 *  - loadBalancers: the container must be in the task definition with that containerPort in its
 *    portMappings ("The container web did not have a container port 8080 defined."); the target
 *    group must be attached to a load balancer ("The target group with targetGroupArn ... does not
 *    have an associated load balancer."); awsvpc needs `ip` target groups; at most 5.
 * Choices (messages AWS does not document, written in its style): the percent ranges (see
 * parseDeploymentConfiguration), the text for a missing target group, and for DAEMON on Fargate.
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceDeploymentConfiguration, ServiceLoadBalancer, ServiceNetworkConfiguration } from '../../world/service-types';
import type { TaskDefinition } from '../../world/types';
import { loadBalancersUsing } from '../../control/elb/usage';
import { AwsError } from '../errors';
import { parseNetworkConfiguration } from './tasks-input';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Merges `raw` into `current` (or the strategy's defaults). Checks: percents are whole numbers;
 * minimumHealthyPercent 0-100; REPLICA maximumPercent at least 100 (our choice: below 100 a
 * rolling update could never hold desiredCount tasks); DAEMON maximumPercent exactly 100.
 */
export function parseDeploymentConfiguration(raw: unknown, strategy: Service['schedulingStrategy'], current?: ServiceDeploymentConfiguration): ServiceDeploymentConfiguration {
  const base: ServiceDeploymentConfiguration = current
    ? structuredClone(current)
    : { maximumPercent: strategy === 'DAEMON' ? 100 : 200, minimumHealthyPercent: strategy === 'DAEMON' ? 0 : 100, deploymentCircuitBreaker: { enable: false, rollback: false } };
  if (raw === undefined || raw === null) return base;
  if (!isObject(raw)) throw invalid('deploymentConfiguration must be an object.');
  for (const field of ['maximumPercent', 'minimumHealthyPercent'] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (!isInt(v)) throw invalid(`Invalid type for parameter deploymentConfiguration.${field}, value: ${JSON.stringify(v)}, valid types: <class 'int'>`);
    base[field] = v;
  }
  if (base.minimumHealthyPercent < 0 || base.minimumHealthyPercent > 100) throw invalid('minimumHealthyPercent must be between 0 and 100.');
  if (strategy === 'DAEMON' && base.maximumPercent !== 100) throw invalid('The maximumPercent value for a service using the DAEMON scheduling strategy must be 100.');
  if (strategy === 'REPLICA' && base.maximumPercent < 100) throw invalid('maximumPercent must be at least 100 for a service using the REPLICA scheduling strategy.');
  const cb = raw.deploymentCircuitBreaker;
  if (cb !== undefined && cb !== null) {
    if (!isObject(cb) || typeof cb.enable !== 'boolean' || typeof cb.rollback !== 'boolean') {
      throw invalid('deploymentCircuitBreaker requires the booleans enable and rollback.');
    }
    base.deploymentCircuitBreaker = { enable: cb.enable, rollback: cb.rollback };
  }
  return base;
}

export function parseLoadBalancers(sim: Simulation, raw: unknown, td: TaskDefinition | undefined): ServiceLoadBalancer[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid('loadBalancers must be a list.');
  if (raw.length > 5) throw invalid('A service can have at most 5 target groups.');
  return raw.map((lb) => {
    if (!isObject(lb)) throw invalid('Each load balancer must be an object.');
    const { targetGroupArn, containerName, containerPort } = lb;
    if (lb.loadBalancerName !== undefined) throw invalid('Classic Load Balancers are not modelled by this simulator: use targetGroupArn.');
    if (typeof targetGroupArn !== 'string') throw invalid('targetGroupArn is required for an Application or Network Load Balancer.');
    if (typeof containerName !== 'string') throw invalid('containerName must be specified for the load balancer.');
    if (!isInt(containerPort)) throw invalid('containerPort must be specified for the load balancer.');
    const container = td?.containerDefinitions.find((c) => c.name === containerName);
    if (td && !container) throw invalid(`The container ${containerName} does not exist in the task definition.`);
    if (container && !(container.portMappings ?? []).some((m) => m.containerPort === containerPort)) {
      throw invalid(`The container ${containerName} did not have a container port ${containerPort} defined.`);
    }
    const tg = sim.world.targetGroups[targetGroupArn];
    if (!tg) throw invalid(`The target group with targetGroupArn ${targetGroupArn} does not exist.`);
    if (loadBalancersUsing(sim.world, targetGroupArn).length === 0) {
      throw invalid(`The target group with targetGroupArn ${targetGroupArn} does not have an associated load balancer.`);
    }
    if (td?.networkMode === 'awsvpc' && tg.TargetType !== 'ip') {
      throw invalid(`The provided target group ${targetGroupArn} has target type ${tg.TargetType}, which is incompatible with the awsvpc network mode specified in the task definition.`);
    }
    return { targetGroupArn, containerName, containerPort };
  });
}

/** Validates with the tasks module's rules and keeps the configuration as the SDK shape. */
export function parseServiceNetworkConfiguration(sim: Simulation, raw: unknown, td: TaskDefinition, launchType: 'EC2' | 'FARGATE'): ServiceNetworkConfiguration | undefined {
  const parsed = parseNetworkConfiguration(sim, raw === undefined ? {} : { networkConfiguration: raw }, td, launchType);
  if (!parsed) return undefined;
  return {
    awsvpcConfiguration: { subnets: parsed.subnets.map((s) => s.SubnetId), securityGroups: parsed.securityGroups, assignPublicIp: parsed.assignPublicIp },
  };
}

export function parsePropagateTags(raw: unknown, current: Service['propagateTags'] = 'NONE'): Service['propagateTags'] {
  if (raw === undefined || raw === null) return current;
  if (raw !== 'TASK_DEFINITION' && raw !== 'SERVICE' && raw !== 'NONE') throw invalid(`Invalid propagateTags value: ${String(raw)}. Valid values: TASK_DEFINITION, SERVICE, NONE.`);
  return raw;
}

export function parseGracePeriod(raw: unknown, current = 0): number {
  if (raw === undefined || raw === null) return current;
  if (!isInt(raw) || raw < 0 || raw > 2147483647) throw invalid('healthCheckGracePeriodSeconds must be between 0 and 2147483647.');
  return raw;
}
