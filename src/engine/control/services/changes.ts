/**
 * What the service scheduler needs to look at again: change marks that let it skip the periodic
 * pass of a quiet service when nothing that pass reads has changed (reconcile.ts).
 *
 * A pass over a quiet service (quiet.ts: as many tasks as desired, all RUNNING on ACTIVE
 * instances, registered, none unhealthy, one deployment) does nothing unless one of its inputs
 * changed:
 *  - the service itself (UpdateService, DeleteService, task sets, CodeDeploy): these all ask for a
 *    pass at once (requestReconcile), which clears the mark;
 *  - one of its tasks: lastStatus, desiredStatus, container or task health, a task added to or
 *    removed from the service (markTaskChanged);
 *  - a target in one of its target groups: registered, deregistered, its health state, the group
 *    deleted (markTargetGroupChanged);
 *  - an EC2 instance's state or a container instance's status or agent (markAllServicesChanged:
 *    rare, so every service looks again).
 * Time alone changes nothing for a quiet service (quiet.ts says why).
 *
 * The mark is plain data on the service (`unchangedSinceQuietPass`), set by the pass that finds the
 * service quiet and cleared here; worlds without it simply get full passes.
 */
import type { Task, World } from '../../world/types';
import type { Service } from '../../world/service-types';

/** The service has something new for its scheduler: the next pass is a full one. */
export function markServiceChanged(world: World, serviceArn: string | undefined): void {
  if (serviceArn === undefined || !Object.hasOwn(world.services, serviceArn)) return;
  const service = world.services[serviceArn];
  if (service.unchangedSinceQuietPass) service.unchangedSinceQuietPass = false;
}

/** A task changed (status, desired status, health, added or removed): its service looks again. */
export function markTaskChanged(world: World, task: Task | undefined): void {
  if (task?.serviceArn) markServiceChanged(world, task.serviceArn);
}

const usesTargetGroup = (service: Service, targetGroupArn: string): boolean => {
  for (const lb of service.loadBalancers) if (lb.targetGroupArn === targetGroupArn) return true;
  for (const d of service.deployments) for (const lb of d.loadBalancers ?? []) if (lb.targetGroupArn === targetGroupArn) return true;
  return false;
};

/** A target of the group changed (registered, deregistered, health): every service using the group looks again. */
export function markTargetGroupChanged(world: World, targetGroupArn: string): void {
  for (const arn in world.services) {
    const service = world.services[arn];
    if (service.unchangedSinceQuietPass && usesTargetGroup(service, targetGroupArn)) service.unchangedSinceQuietPass = false;
  }
}

/** An instance or container instance changed state: every service looks again (rare, so kept simple). */
export function markAllServicesChanged(world: World): void {
  for (const arn in world.services) {
    const service = world.services[arn];
    if (service.unchangedSinceQuietPass) service.unchangedSinceQuietPass = false;
  }
}
