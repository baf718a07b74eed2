/**
 * The inspector for editor.selection, in four tabs (editor.inspectorTab): Properties (edit where
 * AWS allows, Delete by AWS's rules), Why (the reasons behind what happened), JSON (the Describe
 * output as AWS returns it: read-only calls made on sim directly, never recorded as edits) and
 * CLI (the AWS CLI commands that would create the resource as it is now).
 */
import { useMemo, useState } from 'react';
import { ChevronLeft, ChevronRight, Copy } from 'lucide-react';
import { useSession } from '../../store/hooks';
import { useEditor } from '../../store/editor-hooks';
import type { InspectorTab } from '../../store/editor';
import type { Simulation } from '../../engine/simulation';
import { cliScript } from '../../scenario/cli';
import { shortResource } from '../format';
import { PropertiesTab } from './PropertiesTab';
import { WhyTab } from './WhyTab';
import { describeCalls } from './describe';
import { createCalls } from './createCalls';

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'properties', label: 'Properties' },
  { id: 'why', label: 'Why' },
  { id: 'json', label: 'JSON' },
  { id: 'cli', label: 'CLI' },
];

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="flex items-center gap-1 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
      onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
    >
      <Copy size={12} aria-hidden /> {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function CodeTab({ text, testId }: { text: string; testId: string }) {
  return (
    <div className="p-3">
      <div className="mb-1 flex justify-end">
        <CopyButton text={text} />
      </div>
      <pre data-testid={testId} className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-[11px] leading-snug text-slate-100">
        {text}
      </pre>
    </div>
  );
}

/** Describe outputs for the selection, as AWS returns them (read-only: sim.call, not the command log). */
function describeJson(sim: Simulation, kind: string, id: string): string {
  const outputs = describeCalls(kind, id, sim.world).map((c) => {
    const r = sim.call(c.call, c.input);
    return { [c.call]: r.error ? { error: r.error } : r.output };
  });
  return outputs.length ? JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2) : 'No Describe call for this kind.';
}

export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const tab = useEditor((s) => s.inspectorTab);
  const setTab = useEditor((s) => s.setInspectorTab);
  const collapsed = useEditor((s) => s.collapsed.inspector);
  const togglePanel = useEditor((s) => s.togglePanel);
  const sim = useSession((s) => s.sim);
  const version = useSession((s) => s.version);
  const world = sim.world;
  const text = useMemo(() => {
    if (!selection) return '';
    if (tab === 'json') return describeJson(sim, selection.kind, selection.id);
    if (tab === 'cli') {
      const calls = createCalls(selection.kind, selection.id, sim.world);
      return calls.length ? cliScript(calls, { multiline: true, accountId: sim.world.accountId, region: sim.world.region }) : '# Nothing to create for this kind.';
    }
    return '';
    // version: the (mutable) world may have changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, tab, sim, version]);

  return (
    <aside className="flex min-h-0 flex-col overflow-hidden border-l border-slate-200 bg-white" aria-label="inspector">
      <div className="flex items-center gap-2 border-b border-slate-100 px-2 py-1">
        <button type="button" aria-label={collapsed ? 'Show inspector' : 'Hide inspector'} onClick={() => togglePanel('inspector')} className="rounded p-1 text-slate-500 hover:bg-slate-100">
          {collapsed ? <ChevronLeft size={14} /> : <ChevronRight size={14} />}
        </button>
        {!collapsed && (
          <h2 className="min-w-0 truncate text-sm font-semibold" data-testid="inspector-title">
            {selection ? `${selection.kind}: ${shortResource(selection.id)}` : 'Inspector'}
          </h2>
        )}
      </div>
      {!collapsed && !selection && <p className="p-3 text-sm text-slate-500">Select a resource on the canvas to see its properties, why it is the way it is, its JSON and its CLI command.</p>}
      {!collapsed && selection && (
        <>
          <div role="tablist" aria-label="inspector tabs" className="flex border-b border-slate-200 text-sm">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                onClick={() => setTab(t.id)}
                className={`flex-1 px-2 py-1 ${tab === t.id ? 'border-b-2 border-orange-600 font-medium text-slate-900' : 'text-slate-500 hover:text-slate-800'}`}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto">
            {tab === 'properties' && <PropertiesTab key={`${selection.kind}:${selection.id}`} kind={selection.kind} id={selection.id} world={world} />}
            {tab === 'why' && <WhyTab kind={selection.kind} id={selection.id} world={world} />}
            {tab === 'json' && <CodeTab text={text} testId="inspector-json" />}
            {tab === 'cli' && <CodeTab text={text} testId="inspector-cli" />}
          </div>
        </>
      )}
    </aside>
  );
}
