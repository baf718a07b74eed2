/**
 * Properties: the selected resource's fields in AWS's names, editable where AWS allows an update
 * (Apply makes the Update call through the session store), and Delete following AWS's rules;
 * errors show inline in the engine's (AWS's) words.
 */
import { useState, type FormEvent } from 'react';
import { useSessionStore } from '../../store/hooks';
import type { World } from '../../engine/world/types';
import type { FormValues } from '../forms/types';
import { partialMessage, runPlan, type RunOutcome } from '../forms/run';
import { propertiesOf } from './properties';

export function PropertiesTab({ kind, id, world }: { kind: string; id: string; world: World }) {
  const store = useSessionStore();
  const spec = propertiesOf(kind, id, world);
  const initial = Object.fromEntries((spec?.rows ?? []).map((r) => [r.field.name, r.value])) as FormValues;
  const [edits, setEdits] = useState<FormValues>({});
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  if (!spec) return <p className="p-3 text-sm text-slate-500">This resource no longer exists at this time.</p>;
  const values = { ...initial, ...edits };
  const fields = spec.rows.map((r) => r.field);
  const call = (name: string, input: unknown) => store.getState().call(name, input);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const out = runPlan(spec.update?.(values) ?? [], call, fields);
    setOutcome(out);
    if (out.ok) setEdits({});
  };
  const remove = () => spec.remove && setOutcome(runPlan(spec.remove.calls, call, fields));
  const failure = outcome?.failure;
  const dirty = Object.keys(edits).length > 0;
  return (
    <form onSubmit={apply} className="space-y-2 p-3" aria-label="properties">
      {spec.rows.map(({ field, editable }) => {
        const value = values[field.name];
        const error = failure?.field === field.name ? `${failure.code}: ${failure.message}` : undefined;
        const set = (v: FormValues[string]) => setEdits((e) => ({ ...e, [field.name]: v }));
        let control;
        if (!editable) control = <span className="block break-all font-mono text-xs text-slate-800">{String(value)}</span>;
        else if (field.type === 'checkbox') control = <input type="checkbox" aria-label={field.label} checked={!!value} onChange={(e) => set(e.target.checked)} />;
        else if (field.type === 'select')
          control = (
            <select aria-label={field.label} className="w-full rounded border border-slate-300 px-1 py-0.5 text-sm" value={String(value)} onChange={(e) => set(e.target.value)}>
              {field.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          );
        else control = <input aria-label={field.label} type={field.type === 'number' ? 'number' : 'text'} className="w-full rounded border border-slate-300 px-1 py-0.5 font-mono text-sm" value={String(value)} onChange={(e) => set(e.target.value)} />;
        return (
          <div key={field.name}>
            <div className="text-[11px] font-medium text-slate-500">{field.label}</div>
            {control}
            {error && (
              <p role="alert" className="text-xs text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {failure && (!failure.field || outcome.done.length > 0) && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800">
          {partialMessage(outcome)}
        </p>
      )}
      {outcome?.ok && outcome.done.length > 0 && <p className="text-xs text-emerald-700">Done: {outcome.done.map((d) => d.call).join(', ')}</p>}
      <div className="flex gap-2 pt-2">
        {spec.update && (
          <button type="submit" disabled={!dirty} className="rounded bg-orange-600 px-3 py-1 text-sm text-white disabled:opacity-40">
            Apply
          </button>
        )}
        {spec.remove && (
          <button type="button" onClick={remove} className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50">
            {spec.remove.label}
          </button>
        )}
      </div>
    </form>
  );
}
