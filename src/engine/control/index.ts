/**
 * Every control process's event handlers, by event type. Each module exports a table; add yours
 * here. Event types are namespaced by module, e.g. "agent.pullComplete", "ecr.lifecycleEvaluate".
 */
import type { EventHandler } from '../simulation';
import { faultEventHandlers } from './faults';
import { ec2EventHandlers } from './ec2';
import { autoScalingEventHandlers } from './autoscaling';
import { metricsEventHandlers } from './metrics';
import { ecrEventHandlers } from './ecr';
import { agentHandlers } from './agent';
import { elbEventHandlers } from './elb';
import { serviceEventHandlers } from './services';
import { codeDeployEventHandlers } from './codedeploy';
import { capacityEventHandlers } from './capacity';
import { appAutoScalingEventHandlers } from './app-autoscaling';
import { trafficEventHandlers } from './traffic';

export const eventHandlers: Record<string, EventHandler> = {
  ...faultEventHandlers,
  ...ec2EventHandlers,
  ...autoScalingEventHandlers,
  ...metricsEventHandlers,
  ...ecrEventHandlers,
  ...agentHandlers,
  ...elbEventHandlers,
  ...serviceEventHandlers,
  ...codeDeployEventHandlers,
  ...capacityEventHandlers,
  ...appAutoScalingEventHandlers,
  ...trafficEventHandlers,
};
