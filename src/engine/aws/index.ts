/**
 * Every API action the simulator answers, by CLI service prefix and SDK operation name.
 * Each service module exports a table of its actions; add yours here.
 */
import type { Action } from '../simulation';
import { faultActions } from './sim/faults';
import { costActions } from './sim/cost';
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
import { taskSetActions } from './ecs/task-sets';
import { codeDeployActions } from './codedeploy';
import { capacityProviderActions } from './ecs/capacity-providers';
import { applicationAutoScalingActions } from './application-autoscaling';
import { trafficActions } from './sim/traffic';

export const actions: Record<string, Action> = {
  ...faultActions,
  ...costActions,
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
  ...taskSetActions,
  ...codeDeployActions,
  ...capacityProviderActions,
  ...applicationAutoScalingActions,
  ...trafficActions,
};
