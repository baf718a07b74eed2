/**
 * Capacity providers and cluster auto scaling: the control events (registered in control/index.ts).
 *
 * For the services scheduler (and RunTask): launch.ts `launchWithCapacityProviderStrategy` decides
 * the provider of the next task (base, then weight) and launches or places it, or leaves it waiting
 * in PROVISIONING; see the top of launch.ts for how to call it.
 */
import type { EventHandler } from '../../simulation';
import { onCapacityTick } from './scaling';
import { onPlaceWaiting, onProvisioningTimeout } from './waiting';

export const capacityEventHandlers: Record<string, EventHandler> = {
  'capacity.tick': onCapacityTick,
  'capacity.placeWaiting': onPlaceWaiting,
  'capacity.provisioningTimeout': onProvisioningTimeout,
};
