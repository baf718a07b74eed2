/**
 * Timeline markers (UI.md "Time"), derived from the event log's `kind`s: deployments (◆),
 * scaling (▲) and failures (✕). The whole mapping is this file; the label is the event's own
 * message, in AWS's words.
 */
import type { SimEvent } from '../engine/world/types';

export type MarkerKind = 'deployment' | 'scaling' | 'failure';

export interface Marker {
  at: number;
  kind: MarkerKind;
  label: string;
  /** The ARN or id the event is about. */
  resource: string;
}

export const MARKER_SYMBOLS: Record<MarkerKind, string> = { deployment: '◆', scaling: '▲', failure: '✕' };

/** The stop codes that mean something went wrong (not a user's or a scheduler's StopTask). */
const FAILED_STOP_CODES = new Set(['TaskFailedToStart', 'EssentialContainerExited', 'SpotInterruption']);

const detail = (e: SimEvent, field: string): unknown => (e.detail as Record<string, unknown> | undefined)?.[field];

/** The marker an event makes, if any. */
export function markerKindOf(e: SimEvent): MarkerKind | undefined {
  switch (e.kind) {
    // A service deployment started, completed, failed or rolled back.
    case 'service.deployment':
    case 'service.deploymentCompleted':
    case 'service.deploymentFailed':
    case 'service.rollback':
      return 'deployment';
    // Application Auto Scaling set a service's desired count (a failed attempt has no desiredCount);
    // an EC2 Auto Scaling group's desired capacity changed.
    case 'appAutoScaling.activity':
      return detail(e, 'desiredCount') !== undefined ? 'scaling' : 'failure';
    case 'autoscaling.desiredCapacity':
      return 'scaling';
    // A task stopped because it failed; placement failed; the circuit breaker counted a failure;
    // a target became unhealthy; an instance could not be launched.
    case 'task.stop':
      return FAILED_STOP_CODES.has(String(detail(e, 'stopCode'))) ? 'failure' : undefined;
    case 'task.placementFailed':
    case 'service.placementFailed':
    case 'service.circuitBreaker':
    case 'autoscaling.launchFailed':
      return 'failure';
    case 'elb.target.health':
      return detail(e, 'to') === 'unhealthy' ? 'failure' : undefined;
    default:
      // CodeDeploy blue/green deployments, whatever their step.
      return e.kind.startsWith('codedeploy.') ? 'deployment' : undefined;
  }
}

/** Markers of events[from..], appended to `into` (returned as is when none were found). */
export function appendMarkers(into: readonly Marker[], events: readonly SimEvent[], from: number): readonly Marker[] {
  let out: Marker[] | undefined;
  for (let i = from; i < events.length; i++) {
    const e = events[i];
    const kind = markerKindOf(e);
    if (!kind) continue;
    out ??= [...into];
    out.push({ at: e.at, kind, label: e.message, resource: e.resource });
  }
  return out ?? into;
}
