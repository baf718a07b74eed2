/** Kernel event types of Application Auto Scaling (handlers in control/app-autoscaling/index.ts). */

/** A CloudWatch alarm invoked a scaling policy (the route set in control/metrics/actions.ts). */
export const POLICY_INVOKED_EVENT = 'appAutoScaling.policyInvoked';
/** A scheduled action is due: { key, token }. */
export const SCHEDULED_ACTION_EVENT = 'appAutoScaling.scheduledAction';
/** Min/max of a target changed: move the desired count inside them. { resourceId, minChanged, maxChanged } */
export const ENFORCE_BOUNDS_EVENT = 'appAutoScaling.enforceBounds';
