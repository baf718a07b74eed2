import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { RepositoryNode as RepositoryNodeType } from '../types';
import { LAYOUT } from '../toGraph';

/** An ECR repository with the tags of its images. */
export const RepositoryNode = memo(function RepositoryNode({ data }: NodeProps<RepositoryNodeType>) {
  const { maxTags } = LAYOUT.repository;
  const tags = data.imageTags.slice(0, maxTags);
  const more = data.imageTags.length - tags.length;
  return (
    <div
      aria-label={`repository ${data.repositoryName}`}
      data-testid="repository"
      className="h-full w-full rounded-lg border border-slate-300 bg-white px-3 py-2 shadow-sm"
    >
      <div className="text-[10px] font-semibold uppercase tracking-wide text-slate-500">Repository</div>
      <div className="font-semibold text-slate-900">{data.repositoryName}</div>
      <div className="text-[11px] text-slate-500">
        {data.imageCount} {data.imageCount === 1 ? 'image' : 'images'}
      </div>
      <ul className="mt-1 flex flex-wrap gap-1" aria-label="image tags">
        {tags.map((tag) => (
          <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700">
            {tag}
          </li>
        ))}
        {more > 0 && <li className="px-1 text-[11px] text-slate-500">+{more} more</li>}
        {data.imageTags.length === 0 && <li className="text-[11px] italic text-slate-400">no tagged images</li>}
      </ul>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!bg-slate-400" />
    </div>
  );
});
