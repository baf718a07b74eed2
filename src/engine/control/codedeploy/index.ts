/** CodeDeploy's blue/green process handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { onTick, TICK_EVENT } from './process';

export const codeDeployEventHandlers: Record<string, EventHandler> = {
  [TICK_EVENT]: onTick,
};
