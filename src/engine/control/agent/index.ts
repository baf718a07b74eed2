/** The container agent's (and Fargate's) task event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { onContainerExited } from './exit';
import { onHealthCheck } from './health';
import { onActivated, onContainerStarted, onPickedUp, onProvisioned, onPullComplete, onPullFailed } from './lifecycle';
import { onContainerStopped, onDeprovisioned, onExpire, onStopContainers, onTargetDrained } from './stopping';
import { TARGET_DRAINED_EVENT } from '../services/drain';

export const agentHandlers: Record<string, EventHandler> = {
  'agent.provisioned': onProvisioned,
  'agent.pickedUp': onPickedUp,
  'agent.pullFailed': onPullFailed,
  'agent.pullComplete': onPullComplete,
  'agent.containerStarted': onContainerStarted,
  'agent.containerExited': onContainerExited,
  'agent.activated': onActivated,
  'agent.healthCheck': onHealthCheck,
  'agent.stopContainers': onStopContainers,
  'agent.containerStopped': onContainerStopped,
  'agent.deprovisioned': onDeprovisioned,
  'tasks.expire': onExpire,
  [TARGET_DRAINED_EVENT]: onTargetDrained,
};
