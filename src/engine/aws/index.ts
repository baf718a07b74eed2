/**
 * Every API action the simulator answers, by CLI service prefix and SDK operation name.
 * Each service module exports a table of its actions; add yours here.
 */
import type { Action } from '../simulation';
import { cloudwatchActions } from './cloudwatch';
import { ec2Actions } from './ec2';
import { launchTemplateActions } from './ec2/launch-templates';
import { autoScalingActions } from './autoscaling';
import { ecrActions } from './ecr';
import { elbv2Actions } from './elbv2';
import { clusterActions } from './ecs/clusters';
import { containerInstanceActions } from './ecs/container-instances';
import { taskDefinitionActions } from './ecs/task-definitions';
import { taskActions } from './ecs/tasks';
import { serviceActions } from './ecs/services';

export const actions: Record<string, Action> = {
  ...cloudwatchActions,
  ...ec2Actions,
  ...launchTemplateActions,
  ...autoScalingActions,
  ...ecrActions,
  ...elbv2Actions,
  ...clusterActions,
  ...containerInstanceActions,
  ...taskDefinitionActions,
  ...taskActions,
  ...serviceActions,
};
