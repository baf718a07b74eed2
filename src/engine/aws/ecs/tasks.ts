/** The ECS task actions, registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { describeTasks, listTasks } from './tasks-describe';
import { runTask } from './tasks-run';
import { startTask } from './tasks-start';
import { stopTask } from './tasks-stop';

export const taskActions: Record<string, Action> = {
  'ecs:RunTask': runTask,
  'ecs:StartTask': startTask,
  'ecs:StopTask': stopTask,
  'ecs:DescribeTasks': describeTasks,
  'ecs:ListTasks': listTasks,
};
