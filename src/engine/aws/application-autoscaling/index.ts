/** Application Auto Scaling's API actions (ECS services), registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { describeScalingActivities } from './activities';
import { deleteScalingPolicy, describeScalingPolicies, putScalingPolicy } from './policies';
import { deleteScheduledAction, describeScheduledActions, putScheduledAction } from './scheduled';
import { deregisterScalableTarget, describeScalableTargets, registerScalableTarget } from './targets';

export const applicationAutoScalingActions: Record<string, Action> = {
  'application-autoscaling:RegisterScalableTarget': registerScalableTarget,
  'application-autoscaling:DescribeScalableTargets': describeScalableTargets,
  'application-autoscaling:DeregisterScalableTarget': deregisterScalableTarget,
  'application-autoscaling:PutScalingPolicy': putScalingPolicy,
  'application-autoscaling:DescribeScalingPolicies': describeScalingPolicies,
  'application-autoscaling:DeleteScalingPolicy': deleteScalingPolicy,
  'application-autoscaling:PutScheduledAction': putScheduledAction,
  'application-autoscaling:DescribeScheduledActions': describeScheduledActions,
  'application-autoscaling:DeleteScheduledAction': deleteScheduledAction,
  'application-autoscaling:DescribeScalingActivities': describeScalingActivities,
};
