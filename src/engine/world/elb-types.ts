/**
 * Elastic Load Balancing v2 in the world: load balancers, target groups (with their registered
 * targets and each target's health-check state), listeners and listener rules. Plain data keyed by
 * ARN; field names are the SDK's (@aws-sdk/client-elastic-load-balancing-v2), times are simulated
 * seconds. Describe calls turn these into SDK shapes (aws/elbv2/shapes.ts).
 */
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';

export type LoadBalancerType = 'application' | 'network';
export type LoadBalancerStateCode = 'provisioning' | 'active' | 'failed';

export interface LoadBalancer {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  CanonicalHostedZoneId: string;
  CreatedTime: number;
  Scheme: 'internet-facing' | 'internal';
  VpcId: string;
  State: { Code: LoadBalancerStateCode; Reason?: string };
  Type: LoadBalancerType;
  AvailabilityZones: { ZoneName: string; SubnetId: string }[];
  SecurityGroups: string[];
  IpAddressType: 'ipv4' | 'dualstack';
  Tags: { Key: string; Value?: string }[];
}

export type TargetGroupProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP';

export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: TargetGroupProtocol;
  Port: number;
  VpcId: string;
  TargetType: 'instance' | 'ip';
  ProtocolVersion?: string;
  IpAddressType: 'ipv4';
  HealthCheckProtocol: 'HTTP' | 'HTTPS' | 'TCP';
  /** "traffic-port" or a port number as a string, as the API has it. */
  HealthCheckPort: string;
  HealthCheckEnabled: boolean;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  /** Only for HTTP/HTTPS health checks. */
  HealthCheckPath?: string;
  Matcher?: { HttpCode: string };
  /** Target group attributes by key (values are strings, as in the API). */
  attributes: Record<string, string>;
  /** Registered targets by targetKey(Id, Port). */
  targets: Record<string, RegisteredTarget>;
  /** Hands out generation numbers to targets' timers, so stale timer events can be told apart. */
  nextGeneration: number;
  Tags: { Key: string; Value?: string }[];
}

/** Target health states as DescribeTargetHealth reports them. */
export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';

export interface RegisteredTarget {
  Id: string;
  Port: number;
  AvailabilityZone?: string;
  State: TargetHealthState;
  /** Absent when healthy, as in the API. */
  Reason?: string;
  Description?: string;
  consecutiveSuccesses: number;
  consecutiveFailures: number;
  registeredAt: number;
  /** The timer (health check or drain) events for this target carry this; older ones are stale. */
  generation: number;
  /** When draining ends (simulated seconds). */
  drainEndsAt?: number;
  /** The event the caller of deregisterTarget asked to be scheduled when draining ends. */
  onDrained?: { type: string; [field: string]: unknown };
  /**
   * Set while the target's health checks are parked (control/elb/parking.ts): the due time of the
   * first check not run. Absent while it is checked one check at a time.
   */
  parkedAt?: number;
}

export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: string;
  DefaultActions: Action[];
  Certificates?: { CertificateArn?: string }[];
  SslPolicy?: string;
  /** The ARN DescribeRules gives the listener's default rule. */
  defaultRuleArn: string;
}

export interface ListenerRule {
  RuleArn: string;
  ListenerArn: string;
  /** 1-50000, unique per listener (the default rule is not stored here). */
  Priority: number;
  Conditions: RuleCondition[];
  Actions: Action[];
}

/** One target's health check due at a batch's time (control/elb/check-batches.ts). */
export interface HealthCheckDue {
  targetGroupArn: string;
  /** The target's key in the group (targetKey(Id, Port)). */
  key: string;
  /** The target's generation when the check was scheduled; a check of an older one is dropped. */
  generation: number;
}
