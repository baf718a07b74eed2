/**
 * The short caption over the canvas in the default scenario (UI.md "First minute"): what is
 * happening now (story.ts, read from the world) and how to pause (Space), step (Right arrow) and
 * rewind (drag the timeline). Dismissible; it comes back when a scenario is loaded again.
 */
import { useEffect, useState } from 'react';
import { Panel } from '@xyflow/react';
import { X } from 'lucide-react';
import { useSession } from '../../store/hooks';
import { useThrottledWorld } from '../events/useThrottledWorld';
import { defaultScenario, CLUSTER, SERVICE } from '../../scenario/default';
import { storyCaption } from './story';

/** Screen pixels the caption takes at the top of the canvas (the first view frames below it). */
export const CAPTION_HEIGHT = 64;

export function StoryCaption({ onShownChange }: { onShownChange?: (shown: boolean) => void }) {
  useThrottledWorld(250);
  const sim = useSession((s) => s.sim);
  const isDefault = useSession((s) => s.scenario.name === defaultScenario.name);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => setDismissed(false), [sim]);
  const text = isDefault && !dismissed ? storyCaption(sim.world, CLUSTER, SERVICE) : undefined;
  const shown = text !== undefined;
  useEffect(() => onShownChange?.(shown), [shown, onShownChange]);
  if (!text) return null;
  return (
    <Panel position="top-center" className="!m-1.5 w-max max-w-[min(46rem,calc(100%-1rem))]">
      <div role="status" aria-label="what is happening" data-testid="story-caption" className="flex items-start gap-2 rounded-md border border-slate-300 bg-white/95 px-3 py-1.5 text-xs leading-snug text-slate-800 shadow-sm">
        <div className="min-w-0">
          <p>{text}</p>
          <p className="mt-0.5 text-[11px] text-slate-500">
            <kbd className="rounded border border-slate-300 px-1 font-sans">Space</kbd> pauses ·{' '}
            <kbd className="rounded border border-slate-300 px-1 font-sans">→</kbd> steps one event · drag the timeline to rewind
          </p>
        </div>
        <button type="button" onClick={() => setDismissed(true)} aria-label="Dismiss the caption" title="Dismiss" className="shrink-0 rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
          <X size={14} />
        </button>
      </div>
    </Panel>
  );
}
