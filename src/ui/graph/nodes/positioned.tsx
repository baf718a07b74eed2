/**
 * Places a node's React Flow wrapper with left/top instead of React Flow's transform.
 *
 * Choice (issue #4's frame budget): React Flow moves each node with `transform: translate(...)`,
 * which gives every node its own transform in the browser's paint property tree; in a 500-node
 * world the browser walked ~1,000 such nodes to re-layerize the page on every redraw, four fifths
 * of a redraw's main-thread time. With left/top (canvas.css turns the transform off) a node is
 * plain positioned content: same place, same size, same hit box, so React Flow's handle
 * measuring, dragging and clicks work as before. The marker is the one element per node this costs.
 */
import { memo, useLayoutEffect, useRef, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { SandboxNode } from '../types';

export function positioned<P extends NodeProps<SandboxNode>>(Component: ComponentType<P>): ComponentType<P> {
  const Positioned = (props: P) => {
    const marker = useRef<HTMLSpanElement>(null);
    const { positionAbsoluteX: x, positionAbsoluteY: y } = props;
    useLayoutEffect(() => {
      const wrapper = marker.current?.parentElement;
      if (!wrapper) return;
      wrapper.style.left = `${x}px`;
      wrapper.style.top = `${y}px`;
    }, [x, y]);
    return (
      <>
        <span ref={marker} hidden />
        <Component {...props} />
      </>
    );
  };
  Positioned.displayName = `Positioned(${Component.displayName ?? Component.name})`;
  return memo(Positioned) as unknown as ComponentType<P>;
}
