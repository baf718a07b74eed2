/**
 * How a container from an image behaves when nothing says otherwise: the defaults of
 * sim:PushImage `behavior`, and the behaviour of every public (Docker Hub / public.ecr.aws) image.
 * The one place these numbers live; the agent, traffic and metrics code read them from here.
 *
 * Choices (AWS has no such notion; these are modest numbers for a small web server):
 *  - startupSeconds 5: the process is ready 5 s after the container starts.
 *  - exitAfterSeconds / exitCode: absent = the process runs until it is stopped.
 *  - healthy true: container and ELB health checks pass.
 *  - cpuUnitsIdle 10 (about 1% of a vCPU), cpuUnitsPerRequest 1 (per request per second, so
 *    100 req/s uses about a tenth of a vCPU).
 *  - memoryMiBIdle 64, memoryMiBPerRequest 0.5 (per request per second in flight).
 *  - latencyMs 20: time to answer one request when not overloaded.
 */
import type { ImageBehavior } from './types';

export type ResolvedImageBehavior = Required<Omit<ImageBehavior, 'exitAfterSeconds' | 'exitCode'>> &
  Pick<ImageBehavior, 'exitAfterSeconds' | 'exitCode'>;

export const DEFAULT_IMAGE_BEHAVIOR: Readonly<ResolvedImageBehavior> = Object.freeze({
  startupSeconds: 5,
  healthy: true,
  cpuUnitsIdle: 10,
  cpuUnitsPerRequest: 1,
  memoryMiBIdle: 64,
  memoryMiBPerRequest: 0.5,
  latencyMs: 20,
});

/** An image's behaviour with every unset field filled from DEFAULT_IMAGE_BEHAVIOR. */
export function withDefaultBehavior(behavior: ImageBehavior = {}): ResolvedImageBehavior {
  const out: ResolvedImageBehavior = { ...DEFAULT_IMAGE_BEHAVIOR };
  // for...in rather than Object.entries: the traffic model asks for every class of tasks every 10 s.
  for (const key in behavior) {
    if (!Object.hasOwn(behavior, key)) continue;
    const value = (behavior as Record<string, unknown>)[key];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
