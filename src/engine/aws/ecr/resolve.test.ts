import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { DEFAULT_IMAGE_BEHAVIOR } from '../../world/image-behavior';
import { DEFAULT_PUBLIC_IMAGE_MIB, recordPull, resolveImage } from './resolve';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const MIB = 1024 * 1024;

const pushed = () =>
  sandbox()
    .call('ecr:CreateRepository', { repositoryName: 'web' })
    .call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1', sizeMiB: 20, behavior: { startupSeconds: 15, healthy: false } });

describe('resolveImage (what the container agent pulls)', () => {
  it('finds an ECR image by tag, with its size, digest and behaviour (defaults filled in), as a private image', () => {
    const s = pushed();
    const r = resolveImage(s.world, `${HOST}/web:v1`);
    expect(r).toMatchObject({ ok: true, source: 'ecr', reference: `${HOST}/web:v1`, private: true, repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/web' });
    if (!r.ok) throw new Error('unreachable');
    expect(r.imageDigest).toBe(s.last.imageDigest);
    expect(r.sizeInBytes).toBeGreaterThanOrEqual(20 * MIB);
    expect(r.behavior).toEqual({ ...DEFAULT_IMAGE_BEHAVIOR, startupSeconds: 15, healthy: false });
  });

  it('finds an ECR image by digest, and in another region of the account', () => {
    const s = pushed();
    const digest = s.last.imageDigest;
    expect(resolveImage(s.world, `${HOST}/web@${digest}`)).toMatchObject({ ok: true, imageDigest: digest });
    s.call('ecr:CreateRepository', { repositoryName: 'web', region: 'eu-west-1' }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'eu', region: 'eu-west-1' });
    expect(resolveImage(s.world, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:eu')).toMatchObject({ ok: true, source: 'ecr' });
  });

  it('takes "latest" when an ECR reference has no tag', () => {
    const s = pushed().call('sim:PushImage', { repositoryName: 'web' });
    expect(resolveImage(s.world, `${HOST}/web`)).toMatchObject({ ok: true, reference: `${HOST}/web:latest` });
  });

  it('reports the agent\'s CannotPullContainerError for a missing tag or repository', () => {
    const s = pushed();
    expect(resolveImage(s.world, `${HOST}/web:v9`)).toEqual({
      ok: false,
      reason: `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${HOST}/web:v9: ${HOST}/web:v9: not found`,
    });
    const missing = resolveImage(s.world, `${HOST}/api:v1`);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toContain(`failed to resolve ref ${HOST}/api:v1`);
    expect(resolveImage(s.world, `999999999999.dkr.ecr.us-east-1.amazonaws.com/web:v1`).ok).toBe(false);
  });

  it('treats anything else as a public image that exists, with default behaviour and a known or default size', () => {
    const w = sandbox().world;
    expect(resolveImage(w, 'nginx')).toMatchObject({ ok: true, source: 'public', reference: 'docker.io/library/nginx:latest', sizeInBytes: 70 * MIB, private: false, behavior: DEFAULT_IMAGE_BEHAVIOR });
    expect(resolveImage(w, 'docker.io/library/redis:7')).toMatchObject({ reference: 'docker.io/library/redis:7', sizeInBytes: 45 * MIB });
    expect(resolveImage(w, 'public.ecr.aws/nginx/nginx:1.27')).toMatchObject({ reference: 'public.ecr.aws/nginx/nginx:1.27', sizeInBytes: 70 * MIB });
    expect(resolveImage(w, 'someone/app:2')).toMatchObject({ reference: 'docker.io/someone/app:2', sizeInBytes: DEFAULT_PUBLIC_IMAGE_MIB * MIB });
    const a = resolveImage(w, 'nginx:1.27');
    const b = resolveImage(w, 'nginx:1.27');
    expect(a.ok && b.ok && a.imageDigest === b.imageDigest && /^sha256:[0-9a-f]{64}$/.test(a.imageDigest)).toBe(true);
  });

  it('refuses a malformed reference', () => {
    expect(resolveImage(sandbox().world, 'Nginx:latest')).toMatchObject({ ok: false });
    expect(resolveImage(sandbox().world, '')).toMatchObject({ ok: false });
  });

  it('recordPull sets the lastRecordedPullTime DescribeImages reports', () => {
    const s = pushed().advance(500);
    const r = resolveImage(s.world, `${HOST}/web:v1`);
    if (!r.ok) throw new Error(r.reason);
    recordPull(s.world, r.repositoryArn!, r.imageDigest, s.now);
    const [detail] = s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails;
    expect(detail.lastRecordedPullTime).toEqual(s.sim.date(500));
  });
});
