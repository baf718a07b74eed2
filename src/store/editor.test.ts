import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor';

describe('the editor store', () => {
  it('remembers where the user put a node until a new scenario resets it', () => {
    const editor = createEditorStore();
    editor.getState().setPosition('cluster:prod', { x: 10, y: 20 });
    editor.getState().select({ kind: 'cluster', id: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod' });
    expect(editor.getState().positions['cluster:prod']).toEqual({ x: 10, y: 20 });
    editor.getState().reset();
    expect(editor.getState().positions).toEqual({});
    expect(editor.getState().selection).toBeNull();
  });

  it('toggles panels and merges event filters', () => {
    const editor = createEditorStore();
    editor.getState().togglePanel('palette');
    editor.getState().setEventFilter({ text: 'web' });
    editor.getState().setEventFilter({ kinds: ['task.'] });
    expect(editor.getState().collapsed.palette).toBe(true);
    expect(editor.getState().eventFilter).toEqual({ kinds: ['task.'], text: 'web' });
  });
});
