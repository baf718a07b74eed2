/** ECR's control event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { lifecycleEvaluate, lifecyclePreviewComplete } from './lifecycle-events';
import { replicate } from './replication';

export const ecrEventHandlers: Record<string, EventHandler> = {
  'ecr.lifecycleEvaluate': lifecycleEvaluate,
  'ecr.lifecyclePreviewComplete': lifecyclePreviewComplete,
  'ecr.replicate': replicate,
};
