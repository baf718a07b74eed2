/** An instance leaves `pending`: EC2 reports `running`, and the OS starts booting the agent. */
import type { EventHandler } from '../../simulation';
import { instanceState } from '../../aws/ec2/shapes';
import { BOOT_SECONDS } from './timing';
import { markAllServicesChanged } from '../services/changes';
import { wakeTargetsAt } from '../elb/parking';

export const instanceRunning: EventHandler = (sim, event) => {
  const instance = sim.world.instances[event.instanceId as string];
  if (!instance || instance.State.Name !== 'pending') return; // terminated while pending
  instance.State = instanceState('running');
  markAllServicesChanged(sim.world);
  wakeTargetsAt(sim, instance.InstanceId);
  sim.emit({
    source: 'ec2',
    kind: 'ec2.instance.state',
    resource: instance.InstanceId,
    message: `Instance ${instance.InstanceId} is running in ${instance.Placement.AvailabilityZone} (private IP ${instance.PrivateIpAddress}). The OS is booting; the ECS container agent starts next.`,
    detail: { state: 'running' },
  });
  sim.schedule(sim.random.between(BOOT_SECONDS.agent[0], BOOT_SECONDS.agent[1]), { type: 'ec2.agentRegister', instanceId: instance.InstanceId, attempt: 1 });
};
