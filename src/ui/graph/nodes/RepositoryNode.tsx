import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Lock, LockOpen, Package, Recycle } from 'lucide-react';
import type { RepositoryNode as RepositoryNodeType } from '../types';
import { Card, Pill } from './parts';

/** An ECR repository: its images (digest and tags, newest first), tag immutability, lifecycle policy. */
export const RepositoryNode = memo(function RepositoryNode({ data }: NodeProps<RepositoryNodeType>) {
  const more = data.imageCount - data.images.length;
  const immutable = data.imageTagMutability === 'IMMUTABLE';
  return (
    <Card
      accent="ecr"
      icon={Package}
      kind="Repository"
      name={data.repositoryName}
      testId="repository"
      label={`repository ${data.repositoryName}`}
      title={data.repositoryUri}
      handles={{ target: true, source: true }}
      status={
        <>
          {data.hasLifecyclePolicy && (
            <Pill tone="violet" title="A lifecycle policy expires images by its rules">
              <Recycle aria-hidden="true" size={10} className="inline" /> lifecycle
            </Pill>
          )}
          <Pill tone={immutable ? 'blue' : 'grey'} title={`imageTagMutability ${data.imageTagMutability}`}>
            {immutable ? <Lock aria-hidden="true" size={10} className="inline" /> : <LockOpen aria-hidden="true" size={10} className="inline" />}{' '}
            {data.imageTagMutability}
          </Pill>
        </>
      }
    >
      <div className="text-[11px] text-slate-500">
        {data.imageCount} {data.imageCount === 1 ? 'image' : 'images'}
        {data.scanOnPush ? ' · scan on push' : ''}
      </div>
      <ul className="mt-0.5 space-y-0.5" aria-label="images">
        {data.images.map((image) => (
          <li key={image.digest} className="flex items-center gap-1 text-[10px]" title={image.digest}>
            <span className="font-mono text-slate-400">{image.digest.slice(7, 15)}</span>
            {image.tags.length === 0 && <span className="italic text-slate-400">untagged</span>}
            {image.tags.slice(0, 4).map((tag) => (
              <span key={tag} className="rounded bg-slate-100 px-1 font-mono text-slate-700">
                {tag}
              </span>
            ))}
          </li>
        ))}
        {more > 0 && <li className="text-[10px] text-slate-500">+{more} older images</li>}
        {data.imageCount === 0 && <li className="text-[11px] italic text-slate-400">no images pushed yet</li>}
      </ul>
    </Card>
  );
});
