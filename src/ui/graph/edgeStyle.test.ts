import { describe, it, expect } from 'vitest';
import { highlightEdges } from './edgeStyle';
import type { SandboxEdge } from './types';

const edge = (id: string, source: string, target: string, extra: Partial<SandboxEdge> = {}): SandboxEdge => ({ id, source, target, label: 'healthy', data: { relation: 'target', targetState: 'healthy' }, ...extra });

describe('highlighting the selection\'s edges', () => {
  it('marks the selected resource\'s edges highlighted (their quiet labels show) and dims the rest, keeping their own classes', () => {
    const mine = edge('a', 'tg', 'task-1', { className: 'sb-flow' });
    const other = edge('b', 'tg2', 'task-2', { className: 'sb-flow' });
    const [a, b] = highlightEdges([mine, other], 'tg');
    expect(a.data?.highlighted).toBe(true);
    expect(a.className).toBe('sb-flow sb-edge-selected');
    expect(b.data?.highlighted).toBeUndefined();
    expect(b.className).toBe('sb-flow sb-edge-dim');
  });

  it('hands back the same edges when nothing is selected', () => {
    const edges = [edge('a', 'tg', 'task-1')];
    expect(highlightEdges(edges, undefined)).toBe(edges);
  });
});
