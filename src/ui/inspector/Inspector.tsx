/** The inspector for the selected resource (filled in by the inspector work). */
export function Inspector() {
  return <aside className="border-l border-slate-200 bg-white" aria-label="inspector" />;
}
