/** The header: name, the scenario menu and gallery, undo/redo, share, help (UI.md "Layout"). */
import { useSession } from '../../store/hooks';
import { ShareMenu } from '../share/ShareMenu';
import { GalleryButton } from '../gallery/GalleryButton';
import { UndoRedo } from '../palette/UndoRedo';

export function Header() {
  const scenarioName = useSession((s) => (typeof s.scenario.name === 'string' ? s.scenario.name : undefined));
  return (
    <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
      <img src="/favicon.svg" alt="" className="h-7 w-7" />
      <div className="leading-tight">
        <h1 className="text-lg font-semibold text-slate-900">ECS Sandbox</h1>
        {scenarioName && <p className="text-xs text-slate-500">{scenarioName}</p>}
      </div>
      <GalleryButton />
      <div className="ml-auto flex items-center gap-2" data-testid="header-actions">
        <UndoRedo />
        <ShareMenu />
      </div>
    </header>
  );
}
