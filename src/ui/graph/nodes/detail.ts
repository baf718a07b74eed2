/**
 * Level of detail: below COMPACT_ZOOM the canvas draws each resource as its outline, colour and
 * name, the name twice as large so the overview stays legible (task chips as their status colour),
 * without the lines, bars and pills that are smaller than a few pixels there. Choice: 0.4, where
 * 10-13 px text renders at 4-5 px and cannot be read; zooming in past it brings every detail back. A 500-node world in full view (~0.1) then draws a
 * fraction of its ~10,000 elements, so panning and playback repaint less (issue #4: "past a few
 * hundred tasks ... panning stays smooth"). Every node keeps its role, label, test id and tooltip.
 */
import { createContext, useContext } from 'react';
import { useStore } from '@xyflow/react';

export const COMPACT_ZOOM = 0.4;

/**
 * Whether the canvas is zoomed out past COMPACT_ZOOM, read once by the canvas (useZoomedOut) and
 * handed down: one store subscription instead of one per node and edge, whose selectors would
 * otherwise all run on every pan step.
 */
export const CompactContext = createContext(false);

/** For the canvas: subscribes to the zoom, re-rendering only when it crosses COMPACT_ZOOM. */
export function useZoomedOut(): boolean {
  return useStore((s) => s.transform[2] < COMPACT_ZOOM);
}

/** For nodes and edges: whether to draw compact (re-renders only when that flips). */
export function useCompact(): boolean {
  return useContext(CompactContext);
}
