/**
 * Drop forms for Elastic Load Balancing: an Application Load Balancer over the default subnets of
 * three AZs with an HTTP listener forwarding to a new target group (three calls), and a target
 * group on its own (optionally with a listener on an existing load balancer). Health check
 * defaults are ELB's: path /, interval 30 s, healthy 5, unhealthy 2.
 */
import { nodeId } from '../graph/ids';
import { num, str, type FieldSpec, type FormSpec } from './types';
import { defaultSubnets, defaultVpc, freshName, loadBalancers, option, targetGroups } from './world';

type LbOut = { LoadBalancers: { LoadBalancerArn: string }[] };
type TgOut = { TargetGroups: { TargetGroupArn: string }[] };

const targetTypeField: FieldSpec = {
  name: 'TargetType',
  label: 'TargetType',
  type: 'select',
  options: [option('instance', 'instance (bridge/host tasks)'), option('ip', 'ip (awsvpc tasks, Fargate)')],
};

export const loadBalancerForm: FormSpec = {
  kind: 'loadBalancer',
  title: 'Load balancer',
  summary: 'elbv2:CreateLoadBalancer (application) + CreateTargetGroup + CreateListener HTTP forwarding to it.',
  fields: () => [
    { name: 'Name', label: 'Name', type: 'text', params: ['Name', 'load balancer'] },
    { name: 'zones', label: 'Subnets (Availability Zones)', type: 'number', params: ['Subnets', 'subnets'] },
    { name: 'ListenerPort', label: 'Listener Port', type: 'number' },
    { name: 'TargetGroupName', label: 'Target group Name', type: 'text', params: ['target group'] },
    { name: 'TargetGroupPort', label: 'Target group Port', type: 'number' },
    targetTypeField,
    { name: 'HealthCheckPath', label: 'HealthCheckPath', type: 'text' },
  ],
  defaults: (world) => ({
    Name: freshName('web', loadBalancers(world).map((l) => l.LoadBalancerName)),
    zones: Math.min(3, world.availabilityZones.length),
    ListenerPort: 80,
    TargetGroupName: freshName('web', targetGroups(world).map((t) => t.TargetGroupName)),
    TargetGroupPort: 80,
    TargetType: 'instance',
    HealthCheckPath: '/',
  }),
  plan: (v, world) => [
    {
      call: 'elbv2:CreateLoadBalancer',
      label: 'create the load balancer',
      field: 'Name',
      input: () => ({ Name: str(v.Name), Subnets: defaultSubnets(world, Number(num(v.zones)) || 1), Scheme: 'internet-facing', Type: 'application' }),
      nodeId: (o) => nodeId.loadBalancer((o as LbOut).LoadBalancers[0].LoadBalancerArn),
    },
    {
      call: 'elbv2:CreateTargetGroup',
      label: 'create the target group',
      field: 'TargetGroupName',
      input: () => ({ Name: str(v.TargetGroupName), Protocol: 'HTTP', Port: num(v.TargetGroupPort), VpcId: defaultVpc(world), TargetType: str(v.TargetType), HealthCheckPath: str(v.HealthCheckPath) }),
      nodeId: (o) => nodeId.targetGroup((o as TgOut).TargetGroups[0].TargetGroupArn),
    },
    {
      call: 'elbv2:CreateListener',
      label: 'create the listener',
      field: 'ListenerPort',
      input: (outs) => ({
        LoadBalancerArn: (outs[0] as LbOut).LoadBalancers[0].LoadBalancerArn,
        Protocol: 'HTTP',
        Port: num(v.ListenerPort),
        DefaultActions: [{ Type: 'forward', TargetGroupArn: (outs[1] as TgOut).TargetGroups[0].TargetGroupArn }],
      }),
    },
  ],
};

export const targetGroupForm: FormSpec = {
  kind: 'targetGroup',
  title: 'Target group',
  summary: 'elbv2:CreateTargetGroup, and optionally a listener on a load balancer that forwards to it.',
  fields: (world) => [
    { name: 'Name', label: 'Name', type: 'text' },
    { name: 'Port', label: 'Port', type: 'number' },
    targetTypeField,
    { name: 'HealthCheckPath', label: 'HealthCheckPath', type: 'text' },
    { name: 'HealthCheckIntervalSeconds', label: 'HealthCheckIntervalSeconds', type: 'number' },
    { name: 'HealthyThresholdCount', label: 'HealthyThresholdCount', type: 'number' },
    { name: 'UnhealthyThresholdCount', label: 'UnhealthyThresholdCount', type: 'number' },
    { name: 'LoadBalancerArn', label: 'listener on load balancer', type: 'select', options: [option('', '(none)'), ...loadBalancers(world).map((l) => option(l.LoadBalancerArn, l.LoadBalancerName))] },
    { name: 'ListenerPort', label: 'listener Port', type: 'number', params: ['Port'] },
  ],
  defaults: (world, ctx) => ({
    Name: freshName('web', targetGroups(world).map((t) => t.TargetGroupName)),
    Port: 80,
    TargetType: 'instance',
    HealthCheckPath: '/',
    HealthCheckIntervalSeconds: 30,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    LoadBalancerArn: ctx.target?.kind === 'loadBalancer' ? ctx.target.id : '',
    ListenerPort: 8080,
  }),
  plan: (v, world) => {
    const calls = [
      {
        call: 'elbv2:CreateTargetGroup',
        label: 'create the target group',
        field: 'Name',
        input: () => ({
          Name: str(v.Name),
          Protocol: 'HTTP',
          Port: num(v.Port),
          VpcId: defaultVpc(world),
          TargetType: str(v.TargetType),
          HealthCheckPath: str(v.HealthCheckPath),
          HealthCheckIntervalSeconds: num(v.HealthCheckIntervalSeconds),
          HealthyThresholdCount: num(v.HealthyThresholdCount),
          UnhealthyThresholdCount: num(v.UnhealthyThresholdCount),
        }),
        nodeId: (o: unknown) => nodeId.targetGroup((o as TgOut).TargetGroups[0].TargetGroupArn),
      },
    ];
    if (!str(v.LoadBalancerArn)) return calls;
    return [
      ...calls,
      {
        call: 'elbv2:CreateListener',
        label: 'create the listener',
        field: 'ListenerPort',
        input: (outs: unknown[]) => ({
          LoadBalancerArn: str(v.LoadBalancerArn),
          Protocol: 'HTTP',
          Port: num(v.ListenerPort),
          DefaultActions: [{ Type: 'forward', TargetGroupArn: (outs[0] as TgOut).TargetGroups[0].TargetGroupArn }],
        }),
        nodeId: () => undefined,
      },
    ];
  },
};
