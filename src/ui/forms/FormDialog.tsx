/**
 * The short form a palette drop opens: fields with defaults filled in from the world, the AWS CLI
 * commands it will run, and on submit the calls through the session store (each an edit in the
 * command log). An engine error shows under the field it concerns, in AWS's words; a multi-call
 * form that stops midway says which call failed and what it already created.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSession, useSessionStore } from '../../store/hooks';
import { useEditorStore } from '../../store/editor-hooks';
import { cliCommand } from '../../scenario/cli';
import { selectionOf } from '../graph/ids';
import { FORMS } from './index';
import { partialMessage, runPlan, type RunOutcome } from './run';
import type { DropContext, FieldSpec, FieldValue, FormValues, PaletteKind } from './types';

export interface PendingForm {
  kind: PaletteKind;
  context: DropContext;
  /** Flow position of the drop (absent for click-to-add). */
  position?: { x: number; y: number };
}

function Field({ field, value, error, onChange }: { field: FieldSpec; value: FieldValue; error?: string; onChange: (v: FieldValue) => void }) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined };
  let control;
  if (field.type === 'checkbox') {
    control = <input {...common} type="checkbox" className="h-4 w-4" checked={!!value} onChange={(e) => onChange(e.target.checked)} />;
  } else if (field.type === 'select') {
    const options = field.options ?? [];
    control = (
      <select {...common} className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm" value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {options.length === 0 && <option value="">(none yet)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <>
        <input
          {...common}
          type={field.type === 'number' ? 'number' : 'text'}
          list={field.options ? `${id}-list` : undefined}
          className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
        {field.options && (
          <datalist id={`${id}-list`}>
            {field.options.map((o) => (
              <option key={o.value} value={o.value} />
            ))}
          </datalist>
        )}
      </>
    );
  }
  return (
    <div className={field.type === 'checkbox' ? 'flex items-center gap-2' : 'space-y-0.5'}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {field.label}
      </label>
      {control}
      {field.help && <p className="text-[11px] text-slate-500">{field.help}</p>}
      {error && (
        <p id={errorId} role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The planned calls as CLI text (inputs that need an earlier call's output show as "..."). */
function preview(values: FormValues, kind: PaletteKind, world: Parameters<(typeof FORMS)['cluster']['plan']>[1]): string[] {
  return FORMS[kind].plan(values, world).map((p) => {
    try {
      return cliCommand({ call: p.call, input: p.input([]) }, { accountId: world.accountId, region: world.region });
    } catch {
      return cliCommand({ call: p.call, input: {} }) + ' ... (with the ARNs created above)';
    }
  });
}

export function FormDialog({ pending, onClose }: { pending: PendingForm; onClose: () => void }) {
  const store = useSessionStore();
  const editor = useEditorStore();
  const sim = useSession((s) => s.sim);
  useSession((s) => s.version);
  const spec = FORMS[pending.kind];
  const [values, setValues] = useState<FormValues>(() => spec.defaults(sim.world, pending.context));
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const fields = spec.fields(sim.world, values);
  const commands = useMemo(() => preview(values, pending.kind, sim.world), [values, pending.kind, sim]);

  const change = (name: string, v: FieldValue) => {
    const next = { ...values, [name]: v };
    setValues(spec.derive ? spec.derive(name, next, sim.world) : next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const world = store.getState().sim.world;
    // One batch: the form's calls are one edit (one undo step), however many resources it creates.
    const out = store.getState().batch((call) => runPlan(spec.plan(values, world), call, spec.fields(world, values)));
    const { setPosition, select } = editor.getState();
    if (pending.position) out.nodeIds.forEach((id, i) => setPosition(id, { x: Math.round(pending.position!.x + i * 40), y: Math.round(pending.position!.y + i * 40) }));
    const last = out.nodeIds.length ? selectionOf(out.nodeIds[out.nodeIds.length - 1]) : null;
    if (last) select(last);
    if (out.ok) onClose();
    else setOutcome(out);
  };

  const failure = outcome?.failure;
  const formError = failure && (!failure.field || outcome.done.length > 0) ? partialMessage(outcome) : undefined;
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/30 pt-16" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form role="dialog" aria-modal="true" aria-label={`New ${spec.title}`} onSubmit={submit} className="max-h-[80vh] w-[30rem] overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 shadow-xl">
        <h2 className="text-base font-semibold">New {spec.title}</h2>
        <p className="mb-3 text-xs text-slate-600">{spec.summary}</p>
        {formError && (
          <p role="alert" className="mb-3 rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800">
            {formError}
          </p>
        )}
        <div className="space-y-2">
          {fields.map((f) => (
            <Field key={f.name} field={f} value={values[f.name] ?? ''} onChange={(v) => change(f.name, v)} error={failure?.field === f.name ? `${failure.code}: ${failure.message}` : undefined} />
          ))}
        </div>
        <details className="mt-3 text-xs">
          <summary className="cursor-pointer text-slate-600">AWS CLI ({commands.length} {commands.length === 1 ? 'call' : 'calls'})</summary>
          <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-[11px] text-slate-100">{commands.join('\n')}</pre>
        </details>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1 text-sm">
            Cancel
          </button>
          <button type="submit" autoFocus className="rounded bg-orange-600 px-3 py-1 text-sm font-medium text-white hover:bg-orange-700">
            Create
          </button>
        </div>
      </form>
    </div>
  );
}
