import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Ear, Network, Target } from 'lucide-react';
import type { ListenerNode as ListenerNodeType, LoadBalancerNode as LoadBalancerNodeType, TargetGroupNode as TargetGroupNodeType } from '../types';
import { Card, Line, Pill } from './parts';
import { TARGET_LOOK } from './health';

/** An Elastic Load Balancing v2 load balancer: type, scheme, state, zones, and the traffic it gets. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ data }: NodeProps<LoadBalancerNodeType>) {
  const kind = data.type === 'network' ? 'Network Load Balancer' : 'Application Load Balancer';
  return (
    <Card
      accent="elb"
      icon={Network}
      kind={kind}
      name={data.name}
      testId="load-balancer"
      label={`load balancer ${data.name} ${data.state}`}
      title={data.dnsName}
      status={<Pill tone={data.state === 'active' ? 'green' : data.state === 'failed' ? 'red' : 'amber'}>{data.state}</Pill>}
    >
      <Line>{data.scheme}</Line>
      <Line mono>{data.dnsName}</Line>
      <Line>{data.availabilityZones.join(', ')}</Line>
      {data.requestsPerSecond !== undefined && <Line>{data.requestsPerSecond} requests/s arriving</Line>}
    </Card>
  );
});

/** A listener: protocol and port, and what its default action does. */
export const ListenerNode = memo(function ListenerNode({ data }: NodeProps<ListenerNodeType>) {
  const name = `${data.protocol}:${data.port}`;
  return (
    <Card accent="elb" icon={Ear} kind="Listener" name={name} testId="listener" label={`listener ${name}`}>
      <Line>default: {data.defaultAction}</Line>
      <Line>
        {data.ruleCount} rule{data.ruleCount === 1 ? '' : 's'} besides the default
      </Line>
      {data.codeDeploy && (
        <p data-testid="listener-shift" className="text-[10px] font-semibold leading-tight text-fuchsia-700" title={data.codeDeploy}>
          {data.codeDeploy.split(': ').map((part, i) => (
            <span key={i} className="block truncate">
              {part}
            </span>
          ))}
        </p>
      )}
    </Card>
  );
});

/** A target group: protocol, port, target type, health check, and its targets by health state. */
export const TargetGroupNode = memo(function TargetGroupNode({ data }: NodeProps<TargetGroupNodeType>) {
  return (
    <Card accent="elb" icon={Target} kind="Target group" name={data.name} testId="target-group" label={`target group ${data.name}`}>
      <Line>
        {data.protocol}:{data.port} · target type {data.targetType}
      </Line>
      <Line>{data.healthCheck}</Line>
      <ul className="mt-0.5 flex flex-wrap gap-1" aria-label="targets by health">
        {data.counts.map((c) => (
          <li key={c.state} className={`rounded-full px-1.5 text-[10px] ring-2 ring-inset ${TARGET_LOOK[c.state].ring}`}>
            {TARGET_LOOK[c.state].glyph} {c.count} {c.state}
          </li>
        ))}
        {data.counts.length === 0 && <li className="text-[10px] italic text-slate-400">no registered targets</li>}
      </ul>
    </Card>
  );
});
