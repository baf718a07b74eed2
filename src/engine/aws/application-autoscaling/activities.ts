/**
 * application-autoscaling:DescribeScalingActivities: the activities of the ECS namespace, newest
 * first, optionally of one ResourceId (and ScalableDimension, which needs a ResourceId, as AWS says).
 * Activities are recorded by control/app-autoscaling/capacity.ts.
 */
import type { DescribeScalingActivitiesResponse, ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AppScalingActivity } from '../../world/app-autoscaling-types';
import type { Input } from '../validate';
import { appState, ecsResource, optionalBoolean, optionalString, page, validation } from './common';

export function toScalingActivity(sim: Simulation, a: AppScalingActivity): ScalingActivity {
  const { StartTime, EndTime, ...rest } = a;
  return { ...rest, StartTime: sim.date(StartTime), ...(EndTime !== undefined ? { EndTime: sim.date(EndTime) } : {}) };
}

export function describeScalingActivities(sim: Simulation, input: Input): DescribeScalingActivitiesResponse {
  if (optionalString(input, 'ScalableDimension') !== undefined && optionalString(input, 'ResourceId') === undefined) {
    throw validation('If you specify a scalable dimension, you must also specify a resource ID.');
  }
  optionalBoolean(input, 'IncludeNotScaledActivities');
  const r = ecsResource(input, { resourceOptional: true, dimensionOptional: true });
  const all = appState(sim)
    .activities.filter((a) => !r || a.ResourceId === r.resourceId)
    .slice()
    .reverse();
  const { items, NextToken } = page(all, input);
  return { ScalingActivities: items.map((a) => toScalingActivity(sim, a)), ...(NextToken ? { NextToken } : {}) };
}
