/** The ECS service actions, registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { createService } from './services-create';
import { describeServices, listServices } from './services-describe';
import { deleteService, updateService } from './services-update';

export const serviceActions: Record<string, Action> = {
  'ecs:CreateService': createService,
  'ecs:UpdateService': updateService,
  'ecs:DeleteService': deleteService,
  'ecs:DescribeServices': describeServices,
  'ecs:ListServices': listServices,
};
