/**
 * Keeps the chart sampler (sampler.ts) fed as the session advances: a sample at most every
 * REFRESH_MS real milliseconds, a fresh sampler when a new simulation is loaded.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useSessionStore } from '../../store/hooks';
import { REFRESH_MS } from '../events/useThrottledWorld';
import { createSampler, sample, type Sampler } from './sampler';

/** Returns a stable getter: the sampler object is replaced when a new simulation loads. */
export function useChartSampler(): () => Sampler {
  const store = useSessionStore();
  const ref = useRef<{ sampler: Sampler; sim: unknown } | null>(null);
  if (ref.current === null || ref.current.sim !== store.getState().sim) ref.current = { sampler: createSampler(), sim: store.getState().sim };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      timer = undefined;
      const { sim } = store.getState();
      if (ref.current!.sim !== sim) ref.current = { sampler: createSampler(), sim };
      sample(ref.current!.sampler, sim);
    };
    run();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.sim !== prev.sim) return run();
      if (s.now === prev.now && s.version === prev.version) return;
      // Going back: drop the future at once, so no chart shows it for a moment.
      if (s.now < prev.now) return run();
      timer ??= setTimeout(run, REFRESH_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store]);
  return useCallback(() => ref.current!.sampler, []);
}
