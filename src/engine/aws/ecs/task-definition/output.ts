/** The stored task definition as the SDK's TaskDefinition (times become Dates). */
import type { TaskDefinition as SdkTaskDefinition } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../../simulation';
import type { TaskDefinition } from '../../../world/types';

export function toSdkTaskDefinition(sim: Simulation, td: TaskDefinition): SdkTaskDefinition {
  const { registeredAt, deregisteredAt, deleteRequestedAt, tags, ...rest } = td;
  void tags; // returned beside the task definition, only when asked for (include: ['TAGS'])
  const out: SdkTaskDefinition = { ...structuredClone(rest), registeredAt: sim.date(registeredAt) };
  if (deregisteredAt !== undefined) out.deregisteredAt = sim.date(deregisteredAt);
  if (deleteRequestedAt !== undefined) out.deleteRequestedAt = sim.date(deleteRequestedAt);
  return out;
}
