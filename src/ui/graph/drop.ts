/**
 * For the palette: where on the canvas something was dropped, in flow coordinates (what a new
 * node's position is). Use inside the ReactFlowProvider that App.tsx puts around the main area:
 *
 *   const toFlow = useFlowPosition();
 *   <div onDrop={(e) => place(toFlow(e.clientX, e.clientY))} />
 *
 * A node the learner places there keeps that spot if it is stored with
 * editor.setPosition(nodeId.kind(id), position) (ids.ts) once the resource exists.
 */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';

export function useFlowPosition(): (clientX: number, clientY: number) => { x: number; y: number } {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback((x: number, y: number) => screenToFlowPosition({ x, y }), [screenToFlowPosition]);
}
