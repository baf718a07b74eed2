/** Control event handlers of EC2 container instances: boot, agent registration, termination. */
import type { EventHandler } from '../../simulation';
import { instanceRunning } from './boot';
import { agentRegister } from './register';
import { instanceTerminated } from './terminate';

export const ec2EventHandlers: Record<string, EventHandler> = {
  'ec2.instanceRunning': instanceRunning,
  'ec2.agentRegister': agentRegister,
  'ec2.instanceTerminated': instanceTerminated,
};
