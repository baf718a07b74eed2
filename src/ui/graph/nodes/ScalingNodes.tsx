import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Bell, Copy, Gauge, TrendingUp, Users } from 'lucide-react';
import type {
  AlarmNode as AlarmNodeType,
  AutoScalingGroupNode as AutoScalingGroupNodeType,
  CapacityProviderNode as CapacityProviderNodeType,
  ScalingPolicyNode as ScalingPolicyNodeType,
  TrafficSourceNode as TrafficSourceNodeType,
} from '../types';
import { Card, Line, Pill } from './parts';

/** An EC2 Auto Scaling group: min / desired / max and its instances by lifecycle state. */
export const AutoScalingGroupNode = memo(function AutoScalingGroupNode({ data }: NodeProps<AutoScalingGroupNodeType>) {
  return (
    <Card accent="autoscaling" icon={Copy} kind="Auto Scaling group" name={data.name} testId="auto-scaling-group" label={`Auto Scaling group ${data.name}`}>
      <Line>
        min {data.minSize} · desired {data.desiredCapacity} · max {data.maxSize}
      </Line>
      <Line>
        {data.inService} InService{data.pending ? ` · ${data.pending} Pending` : ''}
        {data.terminating ? ` · ${data.terminating} Terminating` : ''}
      </Line>
      <Line>launch template {data.launchTemplate}</Line>
    </Card>
  );
});

/** An Auto Scaling group capacity provider: managed scaling, target capacity, last reservation. */
export const CapacityProviderNode = memo(function CapacityProviderNode({ data }: NodeProps<CapacityProviderNodeType>) {
  return (
    <Card
      accent="autoscaling"
      icon={Gauge}
      kind="Capacity provider"
      name={data.name}
      testId="capacity-provider"
      label={`capacity provider ${data.name}`}
      status={<Pill tone={data.status === 'ACTIVE' ? 'green' : 'grey'}>{data.status}</Pill>}
    >
      <Line>
        managed scaling {data.managedScaling} · target {data.targetCapacity}%
      </Line>
      <Line>CapacityProviderReservation {data.reservation === undefined ? '—' : `${Math.round(data.reservation)}%`}</Line>
      <Line>termination protection {data.managedTerminationProtection}</Line>
    </Card>
  );
});

/** An Application Auto Scaling policy on a service's DesiredCount. */
export const ScalingPolicyNode = memo(function ScalingPolicyNode({ data }: NodeProps<ScalingPolicyNodeType>) {
  return (
    <Card accent="autoscaling" icon={TrendingUp} kind={data.policyType} name={data.policyName} testId="scaling-policy" label={`scaling policy ${data.policyName}`}>
      <Line>{data.summary}</Line>
      {data.minCapacity !== undefined && (
        <Line>
          tasks between {data.minCapacity} and {data.maxCapacity}
        </Line>
      )}
    </Card>
  );
});

const ALARM_TONE = { OK: 'green', ALARM: 'red', INSUFFICIENT_DATA: 'grey' } as const;

/** A CloudWatch metric alarm: its state (OK / ALARM / INSUFFICIENT_DATA) and condition. */
export const AlarmNode = memo(function AlarmNode({ data }: NodeProps<AlarmNodeType>) {
  return (
    <Card
      accent="cloudwatch"
      icon={Bell}
      kind="CloudWatch alarm"
      name={data.alarmName}
      testId="alarm"
      label={`alarm ${data.alarmName} ${data.state}`}
      title={data.stateReason}
      status={<Pill tone={ALARM_TONE[data.state]}>{data.state}</Pill>}
    >
      <Line>{data.condition}</Line>
      <Line>{data.stateReason}</Line>
    </Card>
  );
});

/** Simulated clients sending requests to a load balancer (sim:SetTraffic). */
export const TrafficSourceNode = memo(function TrafficSourceNode({ data }: NodeProps<TrafficSourceNodeType>) {
  return (
    <Card
      accent="traffic"
      icon={Users}
      kind="Clients"
      name={`${data.requestsPerSecond} req/s`}
      testId="traffic-source"
      label={`clients sending ${data.requestsPerSecond} requests per second to ${data.loadBalancerName}`}
      handles={{ target: false, source: true }}
      status={<Pill tone="blue">{data.pattern}</Pill>}
    >
      <Line>
        to {data.loadBalancerName}
        {data.port ? `:${data.port}` : ''}
        {data.path}
      </Line>
      <Line mono>{data.host}</Line>
    </Card>
  );
});
