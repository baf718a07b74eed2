/**
 * Every API action the simulator answers, by CLI service prefix and SDK operation name.
 * Each service module exports a table of its actions; add yours here.
 */
import type { Action } from '../simulation';
import { ec2Actions } from './ec2';
import { ecrActions } from './ecr';
import { clusterActions } from './ecs/clusters';
import { containerInstanceActions } from './ecs/container-instances';
import { taskDefinitionActions } from './ecs/task-definitions';
import { taskActions } from './ecs/tasks';

export const actions: Record<string, Action> = {
  ...ec2Actions,
  ...ecrActions,
  ...clusterActions,
  ...containerInstanceActions,
  ...taskDefinitionActions,
  ...taskActions,
};
