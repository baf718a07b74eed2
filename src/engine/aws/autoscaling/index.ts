/** The autoscaling: (EC2 Auto Scaling) actions the simulator answers. */
import type { Action } from '../../simulation';
import { createAutoScalingGroup } from './groups-create';
import { deleteAutoScalingGroup, setDesiredCapacity, updateAutoScalingGroup } from './groups-change';
import { describeAutoScalingGroups, describeAutoScalingInstances, describeScalingActivities } from './describe';
import { setInstanceProtection, terminateInstanceInAutoScalingGroup } from './instances';

export const autoScalingActions: Record<string, Action> = {
  'autoscaling:CreateAutoScalingGroup': createAutoScalingGroup,
  'autoscaling:UpdateAutoScalingGroup': updateAutoScalingGroup,
  'autoscaling:DeleteAutoScalingGroup': deleteAutoScalingGroup,
  'autoscaling:DescribeAutoScalingGroups': describeAutoScalingGroups,
  'autoscaling:DescribeAutoScalingInstances': describeAutoScalingInstances,
  'autoscaling:DescribeScalingActivities': describeScalingActivities,
  'autoscaling:SetDesiredCapacity': setDesiredCapacity,
  'autoscaling:SetInstanceProtection': setInstanceProtection,
  'autoscaling:TerminateInstanceInAutoScalingGroup': terminateInstanceInAutoScalingGroup,
};
