/** Giving a STOPPED task's CPU, memory, ports and ENI back to its container instance (once; see resources.ts). */
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { release } from '../resources';

export function releaseTaskResources(sim: Simulation, task: Task): void {
  release(sim.world, task);
}
