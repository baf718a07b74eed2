/**
 * The canvas's one edge: React Flow's bezier path with its label drawn as SVG text on a halo
 * (paint-order stroke) instead of React Flow's EdgeText. EdgeText sizes its background rectangle
 * with getBBox() in an effect each time a label mounts or changes: a forced layout of the whole
 * SVG per label, which during playback (traffic "N req/s", target states) was the slowest frame
 * of issue #4's bench. The halo needs no measuring, so a changing label costs one text update.
 */
import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { SandboxEdge } from '../types';
import { useCompact } from '../nodes/detail';

/** The label's look (was EdgeText's labelStyle and labelBgStyle: slate text on a near-white pad). */
const LABEL_FILL = '#475569';
const HALO = '#f8fafc';

function LabelledEdgeComponent({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, style, markerEnd, markerStart, interactionWidth, data }: EdgeProps<SandboxEdge>) {
  ((globalThis as any).__rc ??= {})['LabelledEdgeComponent'] = ((globalThis as any).__rc['LabelledEdgeComponent'] ?? 0) + 1;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  // Zoomed out past the level of detail (nodes/detail.ts), labels are too small to read: not drawn.
  const compact = useCompact();
  // A target edge's state is also written on its task chip ("✓ target healthy") and carried by its
  // colour: its label shows only when its target group or task is selected, so a service's dozen
  // target edges do not stack the same word over the cluster.
  const quiet = compact || (data?.relation === 'target' && !data.highlighted);
  return (
    <>
      <BaseEdge path={path} style={style} markerEnd={markerEnd} markerStart={markerStart} interactionWidth={interactionWidth} />
      {!quiet && label !== undefined && label !== null && label !== '' ? (
        <text
          className="sb-edge-label"
          x={labelX}
          y={labelY}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={10}
          fill={LABEL_FILL}
          stroke={HALO}
          strokeWidth={3}
          strokeLinejoin="round"
          paintOrder="stroke"
        >
          {label}
        </text>
      ) : null}
    </>
  );
}

export const LabelledEdge = memo(LabelledEdgeComponent);

/** Edge components by type, at module scope so React Flow never sees a new object. */
export const edgeTypes = { default: LabelledEdge };
