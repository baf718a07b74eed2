/**
 * A target group's health check settings: defaults and allowed ranges (CreateTargetGroup API
 * reference, ALB and NLB user guides "Health checks for your target groups").
 *
 *  - ALB target groups (HTTP/HTTPS): HTTP, traffic port, path /, interval 30 s, timeout 5 s,
 *    healthy threshold 5, unhealthy threshold 2, matcher 200.
 *  - NLB target groups (TCP/TLS/UDP/TCP_UDP): TCP, traffic port, interval 30 s, timeout 10 s
 *    (6 s for an HTTP health check), healthy 5, unhealthy 2; with an HTTP/HTTPS health check,
 *    path / and matcher 200-399.
 *  - Ranges: interval 5-300, timeout 2-120, thresholds 2-10; the interval must be greater than
 *    the timeout ("Health check interval must be greater than the timeout."). TCP health checks
 *    are not supported when the target group's protocol is HTTP or HTTPS. Health checks of
 *    instance and ip target groups cannot be disabled.
 */
import type { TargetGroup, TargetGroupProtocol } from '../../world/elb-types';
import type { Input } from '../validate';
import { intInRange, oneOf, str, validationError } from './common';

export type HealthCheckSettings = Pick<
  TargetGroup,
  | 'HealthCheckProtocol'
  | 'HealthCheckPort'
  | 'HealthCheckEnabled'
  | 'HealthCheckIntervalSeconds'
  | 'HealthCheckTimeoutSeconds'
  | 'HealthyThresholdCount'
  | 'UnhealthyThresholdCount'
  | 'HealthCheckPath'
  | 'Matcher'
>;

export const isAlbProtocol = (p: TargetGroupProtocol) => p === 'HTTP' || p === 'HTTPS';

export function healthCheckDefaults(protocol: TargetGroupProtocol, healthCheckProtocol?: HealthCheckSettings['HealthCheckProtocol']): HealthCheckSettings {
  const alb = isAlbProtocol(protocol);
  const hc = healthCheckProtocol ?? (alb ? 'HTTP' : 'TCP');
  const http = hc !== 'TCP';
  return {
    HealthCheckProtocol: hc,
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: alb ? 5 : hc === 'HTTP' ? 6 : 10,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    ...(http ? { HealthCheckPath: '/', Matcher: { HttpCode: alb ? '200' : '200-399' } } : {}),
  };
}

const MATCHER = /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/;

/**
 * The settings after applying the input's health check fields to `current` (CreateTargetGroup:
 * the defaults; ModifyTargetGroup: the group's settings). A changed health check protocol brings
 * that protocol's defaults for the fields the input does not set.
 */
export function applyHealthCheckInput(protocol: TargetGroupProtocol, current: HealthCheckSettings | undefined, input: Input): HealthCheckSettings {
  const hcProtocol = oneOf(input, 'HealthCheckProtocol', ['HTTP', 'HTTPS', 'TCP'] as const, 'healthCheckProtocol');
  const base = !current || (hcProtocol && hcProtocol !== current.HealthCheckProtocol) ? healthCheckDefaults(protocol, hcProtocol ?? current?.HealthCheckProtocol) : current;
  const out: HealthCheckSettings = { ...base };
  const interval = intInRange(input, 'HealthCheckIntervalSeconds', 5, 300, 'healthCheckIntervalSeconds');
  const timeout = intInRange(input, 'HealthCheckTimeoutSeconds', 2, 120, 'healthCheckTimeoutSeconds');
  const healthy = intInRange(input, 'HealthyThresholdCount', 2, 10, 'healthyThresholdCount');
  const unhealthy = intInRange(input, 'UnhealthyThresholdCount', 2, 10, 'unhealthyThresholdCount');
  if (interval !== undefined) out.HealthCheckIntervalSeconds = interval;
  if (timeout !== undefined) out.HealthCheckTimeoutSeconds = timeout;
  if (healthy !== undefined) out.HealthyThresholdCount = healthy;
  if (unhealthy !== undefined) out.UnhealthyThresholdCount = unhealthy;

  const port = input.HealthCheckPort;
  if (port !== undefined && port !== null) {
    const p = String(port);
    if (p !== 'traffic-port' && !(/^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= 65535)) {
      throw validationError(`Health check port '${p}' must be 'traffic-port' or a port number from 1 to 65535`);
    }
    out.HealthCheckPort = p;
  }
  const enabled = input.HealthCheckEnabled;
  if (enabled === false) throw validationError('Health checks cannot be disabled for target groups with target type instance or ip');

  const path = str(input, 'HealthCheckPath');
  const matcher = input.Matcher as { HttpCode?: unknown } | undefined;
  if (out.HealthCheckProtocol === 'TCP') {
    if (isAlbProtocol(protocol)) throw validationError('The TCP protocol is not supported for health checks if the protocol of the target group is HTTP or HTTPS');
    if (path !== undefined) throw validationError('Health check path cannot be specified for TCP health checks');
    if (matcher) throw validationError('Health check matcher cannot be specified for TCP health checks');
    delete out.HealthCheckPath;
    delete out.Matcher;
  } else {
    if (path !== undefined) {
      if (!path.startsWith('/') || path.length > 1024) throw validationError(`Health check path '${path}' must begin with '/' and be at most 1024 characters`);
      out.HealthCheckPath = path;
    }
    if (matcher) {
      const code = String(matcher.HttpCode ?? '');
      const [lo, hi] = isAlbProtocol(protocol) ? [200, 499] : [200, 599];
      const values = code.split(/[,-]/).map(Number);
      if (!MATCHER.test(code) || values.some((v) => v < lo || v > hi)) {
        throw validationError(`Matcher HttpCode '${code}' must be a code from ${lo} to ${hi}, a list (200,202) or a range (200-299)`);
      }
      out.Matcher = { HttpCode: code };
    }
  }
  if (out.HealthCheckIntervalSeconds <= out.HealthCheckTimeoutSeconds) throw validationError('Health check interval must be greater than the timeout.');
  return out;
}
