/**
 * Drop forms for what AWS has no API for: client traffic to a load balancer (sim:SetTraffic,
 * 100 requests per second) and a fault (sim:InjectFault, with the targets each type takes).
 */
import type { World } from '../../engine/world/types';
import { FAULT_TYPES, LASTING_FAULT_TYPES, type FaultType } from '../../engine/world/fault-types';
import { num, str, type FormSpec, type FormValues } from './types';
import { activeServices, loadBalancers, option } from './world';

export const trafficForm: FormSpec = {
  kind: 'trafficSource',
  title: 'Traffic source',
  summary: 'sim:SetTraffic: clients sending requests to a load balancer (no AWS API: simulated traffic).',
  fields: (world) => [
    { name: 'loadBalancerName', label: 'loadBalancerName', type: 'select', options: loadBalancers(world).map((l) => option(l.LoadBalancerName)) },
    { name: 'requestsPerSecond', label: 'requestsPerSecond', type: 'number' },
    { name: 'pattern', label: 'pattern', type: 'select', options: ['constant', 'ramp', 'spike', 'daily'].map((p) => option(p)) },
  ],
  defaults: (world, ctx) => ({
    loadBalancerName: (ctx.target?.kind === 'loadBalancer' ? world.loadBalancers[ctx.target.id]?.LoadBalancerName : undefined) ?? loadBalancers(world)[0]?.LoadBalancerName ?? '',
    requestsPerSecond: 100,
    pattern: 'constant',
  }),
  plan: (v) => [
    {
      call: 'sim:SetTraffic',
      label: 'send traffic',
      field: 'requestsPerSecond',
      input: () => ({ loadBalancerName: str(v.loadBalancerName), requestsPerSecond: num(v.requestsPerSecond), pattern: str(v.pattern) }),
    },
  ],
};

/** The targets a fault type takes, for its picker (sim:InjectFault checks them again). */
export function faultTargets(world: World, type: FaultType): { value: string; label: string }[] {
  const instances = Object.values(world.instances).filter((i) => i.State.Name === 'running' || i.State.Name === 'pending');
  const tasks = Object.values(world.tasks).filter((t) => t.lastStatus !== 'STOPPED' && t.desiredStatus === 'RUNNING');
  const taskOption = (arn: string, status: string) => option(arn, `task ${arn.slice(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 9)} (${status})`);
  switch (type) {
    case 'TerminateInstance':
    case 'AgentDisconnect':
      return instances.map((i) => option(i.InstanceId, `${i.InstanceId} (${i.Placement.AvailabilityZone})`));
    case 'AvailabilityZoneOutage':
      return world.availabilityZones.map((z) => option(z));
    case 'SpotInterruption':
      return tasks.filter((t) => t.capacityProviderName === 'FARGATE_SPOT').map((t) => taskOption(t.taskArn, t.lastStatus));
    case 'TaskCrash':
      return tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => taskOption(t.taskArn, t.lastStatus));
    case 'HealthCheckFailure':
      return [...activeServices(world).map((s) => option(s.serviceName, `service ${s.serviceName}`)), ...tasks.map((t) => taskOption(t.taskArn, t.lastStatus))];
  }
}

const withTarget = (world: World, v: FormValues): FormValues => ({ ...v, target: faultTargets(world, str(v.type) as FaultType)[0]?.value ?? '' });

export const faultForm: FormSpec = {
  kind: 'fault',
  title: 'Fault',
  summary: 'sim:InjectFault: break something on purpose and watch ECS recover (no AWS API).',
  fields: (world, v) => [
    { name: 'type', label: 'type', type: 'select', options: FAULT_TYPES.map((t) => option(t)) },
    { name: 'target', label: 'target', type: 'select', options: faultTargets(world, str(v.type) as FaultType) },
    ...(LASTING_FAULT_TYPES.includes(str(v.type) as FaultType)
      ? [{ name: 'durationSeconds', label: 'durationSeconds (blank: until cleared)', type: 'number' as const }]
      : []),
  ],
  defaults: (world, ctx) => {
    const k = ctx.target?.kind;
    const type: FaultType = k === 'containerInstance' ? 'TerminateInstance' : k === 'service' ? 'HealthCheckFailure' : 'TaskCrash';
    let target = faultTargets(world, type)[0]?.value ?? '';
    if (ctx.target && (k === 'containerInstance' || k === 'task')) target = ctx.target.id;
    if (ctx.target && k === 'service') target = world.services[ctx.target.id]?.serviceName ?? target;
    return { type, target, durationSeconds: '' };
  },
  derive: (changed, v, world) => (changed === 'type' ? withTarget(world, v) : v),
  plan: (v) => [
    {
      call: 'sim:InjectFault',
      label: 'inject the fault',
      field: 'target',
      input: () => ({ type: str(v.type), target: str(v.target), ...(str(v.durationSeconds) !== '' ? { durationSeconds: num(v.durationSeconds) } : {}) }),
    },
  ],
};
