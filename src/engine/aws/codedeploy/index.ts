/** The CodeDeploy actions (ECS blue/green), registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { applicationActions } from './applications';
import { deploymentGroupActions } from './deployment-groups';
import { deploymentActions } from './deployments';

export const codeDeployActions: Record<string, Action> = {
  ...applicationActions,
  ...deploymentGroupActions,
  ...deploymentActions,
};
