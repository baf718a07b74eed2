import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Archive } from 'lucide-react';
import type { RegistryNode as RegistryNodeType } from '../types';

/** The account's private ECR registry in the home region: a group holding its repositories. */
export const RegistryNode = memo(function RegistryNode({ data }: NodeProps<RegistryNodeType>) {
  return (
    <section
      aria-label={`ECR registry ${data.registryHost}`}
      data-testid="registry"
      className="h-full w-full rounded-xl border-2 border-dashed border-orange-200 bg-orange-50/40"
    >
      <header className="px-3 pt-2">
        <div className="flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-orange-700">
          <Archive aria-hidden="true" size={13} /> Amazon ECR private registry
        </div>
        <div className="truncate font-mono text-[10px] text-slate-500" title={data.registryHost}>
          {data.registryHost}
        </div>
      </header>
      {data.repositoryCount === 0 && <p className="px-3 pt-2 text-xs text-slate-500">No repositories yet.</p>}
    </section>
  );
});
