/** The palette of resources to drag onto the canvas (filled in by the palette work). */
export function Palette() {
  return <aside className="border-r border-slate-200 bg-white" aria-label="palette" />;
}
