import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { sha256Digest } from './manifest';

const ACCOUNT = '123456789012';

/** A Docker image manifest v2 with the given layer sizes (bytes) and config size. */
const manifest = (layers: number[], config = 1000, salt = '') =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config, digest: sha256Digest(`config${salt}`) },
    layers: layers.map((size, i) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size, digest: sha256Digest(`${salt}${i}`) })),
  });

const withRepo = (mutability = 'MUTABLE') => sandbox().call('ecr:CreateRepository', { repositoryName: 'web', imageTagMutability: mutability });

describe('ecr:PutImage', () => {
  it('identifies the image by sha256 of the manifest text and sizes it by its layers plus config', () => {
    const m = manifest([3000, 7000], 500);
    const s = withRepo();
    const out = s.output('ecr:PutImage', { repositoryName: 'web', imageManifest: m, imageTag: 'v1' });
    expect(out.image.imageId).toEqual({ imageDigest: sha256Digest(m), imageTag: 'v1' });
    const [detail] = s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails;
    expect(detail).toMatchObject({ imageDigest: sha256Digest(m), imageTags: ['v1'], imageSizeInBytes: 10_500, imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json' });
  });

  it('refuses a manifest that is not JSON with InvalidParameterException', () => {
    withRepo().callExpectingError('ecr:PutImage', { repositoryName: 'web', imageManifest: '{not json' }, 'InvalidParameterException', "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'");
  });

  it('refuses a digest that does not match the manifest', () => {
    withRepo().callExpectingError('ecr:PutImage', { repositoryName: 'web', imageManifest: manifest([1]), imageDigest: `sha256:${'0'.repeat(64)}` }, 'ImageDigestDoesNotMatchException');
  });

  it('answers ImageAlreadyExistsException for the same manifest and tag again', () => {
    const m = manifest([10]);
    withRepo()
      .call('ecr:PutImage', { repositoryName: 'web', imageManifest: m, imageTag: 'v1' })
      .callExpectingError('ecr:PutImage', { repositoryName: 'web', imageManifest: m, imageTag: 'v1' }, 'ImageAlreadyExistsException', `Image with digest '${sha256Digest(m)}' and tag 'v1' already exists in the repository with name 'web' in registry with id '${ACCOUNT}'`);
  });

  it('adds a second tag to an existing image when the same manifest comes with a new tag (retag)', () => {
    const m = manifest([10]);
    const s = withRepo().call('ecr:PutImage', { repositoryName: 'web', imageManifest: m, imageTag: 'v1' }).call('ecr:PutImage', { repositoryName: 'web', imageManifest: m, imageTag: 'latest' });
    const details = s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails;
    expect(details).toHaveLength(1);
    expect(details[0].imageTags).toEqual(['v1', 'latest']);
  });

  it('moves a tag in a MUTABLE repository and leaves the old image there, untagged', () => {
    const a = manifest([10], 1, 'a');
    const b = manifest([20], 1, 'b');
    const s = withRepo().call('ecr:PutImage', { repositoryName: 'web', imageManifest: a, imageTag: 'latest' }).call('ecr:PutImage', { repositoryName: 'web', imageManifest: b, imageTag: 'latest' });
    const untagged = s.output('ecr:DescribeImages', { repositoryName: 'web', filter: { tagStatus: 'UNTAGGED' } }).imageDetails;
    expect(untagged.map((d: any) => d.imageDigest)).toEqual([sha256Digest(a)]);
    expect(untagged[0].imageTags).toBeUndefined();
    expect(s.output('ecr:ListImages', { repositoryName: 'web', filter: { tagStatus: 'TAGGED' } }).imageIds).toEqual([{ imageDigest: sha256Digest(b), imageTag: 'latest' }]);
    expect(s.messages('image.retagged')[0]).toContain('is now untagged');
  });

  it('refuses to move a tag in an IMMUTABLE repository with ImageTagAlreadyExistsException', () => {
    withRepo('IMMUTABLE')
      .call('ecr:PutImage', { repositoryName: 'web', imageManifest: manifest([1], 1, 'a'), imageTag: 'v1' })
      .callExpectingError('ecr:PutImage', { repositoryName: 'web', imageManifest: manifest([1], 1, 'b'), imageTag: 'v1' }, 'ImageTagAlreadyExistsException', "The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.");
  });

  it('answers RepositoryNotFoundException when pushing to a repository that does not exist', () => {
    sandbox().callExpectingError('ecr:PutImage', { repositoryName: 'web', imageManifest: manifest([1]) }, 'RepositoryNotFoundException', `The repository with name 'web' does not exist in the registry with id '${ACCOUNT}'`);
  });
});

describe('sim:PushImage (docker push)', () => {
  it('pushes a Docker v2 manifest of the default 50 MiB and returns digest and repository URI', () => {
    const s = withRepo();
    const out = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    expect(out.repositoryUri).toBe(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web`);
    expect(out.imageId).toEqual({ imageDigest: out.imageDigest, imageTag: 'v1' });
    const image = Object.values(s.world.images)[0];
    expect(JSON.parse(image.imageManifest).mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(out.imageDigest).toBe(sha256Digest(image.imageManifest));
    const layers = JSON.parse(image.imageManifest).layers.reduce((n: number, l: any) => n + l.size, 0);
    expect(layers).toBe(50 * 1024 * 1024);
  });

  it('is the same image when the same build is pushed again, and a new one for a new tag', () => {
    const s = withRepo();
    const v1 = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    const again = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    const v2 = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v2' });
    expect(again.imageDigest).toBe(v1.imageDigest);
    expect(v2.imageDigest).not.toBe(v1.imageDigest);
    expect(Object.keys(s.world.images)).toHaveLength(2);
  });

  it('keeps the behaviour with the image, and a changed behaviour under the same tag is a new build', () => {
    const s = withRepo();
    const first = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v1', sizeMiB: 10, behavior: { startupSeconds: 30 } });
    const second = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v1', sizeMiB: 10, behavior: { startupSeconds: 30, healthy: false } });
    expect(second.imageDigest).not.toBe(first.imageDigest);
    expect(s.world.images[`${s.world.repositories[Object.keys(s.world.repositories)[0]].repositoryArn}@${second.imageDigest}`].behavior).toEqual({ startupSeconds: 30, healthy: false });
  });

  it('validates its inputs like an API would', () => {
    const s = withRepo();
    s.callExpectingError('sim:PushImage', { repositoryName: 'nope', imageTag: 'v1' }, 'RepositoryNotFoundException');
    s.callExpectingError('sim:PushImage', { repositoryName: 'web', sizeMiB: 0 }, 'InvalidParameterException', 'sizeMiB');
    s.callExpectingError('sim:PushImage', { repositoryName: 'web', behavior: { speed: 3 } }, 'InvalidParameterException', 'behavior.speed is not a behaviour field');
    s.callExpectingError('sim:PushImage', { repositoryName: 'web', behavior: { exitCode: 300 } }, 'InvalidParameterException', 'exitCode');
  });

  it('refuses to overwrite a tag in an IMMUTABLE repository but re-pushing the same build is fine', () => {
    const s = withRepo('IMMUTABLE').call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    s.callExpectingError('sim:PushImage', { repositoryName: 'web', imageTag: 'v1', sizeMiB: 80 }, 'ImageTagAlreadyExistsException');
  });
});

describe('reading and deleting images', () => {
  const pushed = () => withRepo().call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'v2' });

  it('BatchGetImage returns manifests and lists the misses as ImageNotFound failures', () => {
    const out = pushed().output('ecr:BatchGetImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }, { imageTag: 'v9' }, {}] });
    expect(out.images).toHaveLength(1);
    expect(out.images[0].imageId.imageTag).toBe('v1');
    expect(out.failures).toEqual([
      { imageId: { imageTag: 'v9' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' },
      { imageId: {}, failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' },
    ]);
  });

  it('DescribeImages with an unknown image id answers ImageNotFoundException', () => {
    pushed().callExpectingError('ecr:DescribeImages', { repositoryName: 'web', imageIds: [{ imageTag: 'v9' }] }, 'ImageNotFoundException', "The image with imageId {imageDigest:'null', imageTag:'v9'} does not exist within the repository with name 'web'");
  });

  it('BatchDeleteImage by tag removes the tag, and the image goes with its last tag', () => {
    const s = pushed();
    const v1 = s.output('ecr:BatchGetImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] }).images[0];
    s.call('ecr:PutImage', { repositoryName: 'web', imageManifest: v1.imageManifest, imageTag: 'stable' });
    s.call('ecr:BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] });
    expect(s.output('ecr:ListImages', { repositoryName: 'web' }).imageIds.map((i: any) => i.imageTag).sort()).toEqual(['stable', 'v2']);
    const out = s.output('ecr:BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'stable' }, { imageDigest: 'bad' }] });
    expect(out.imageIds).toEqual([{ imageDigest: v1.imageId.imageDigest, imageTag: 'stable' }]);
    expect(out.failures[0].failureCode).toBe('InvalidImageDigest');
    expect(s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails).toHaveLength(1);
  });

  it('BatchDeleteImage by digest deletes the image with all its tags', () => {
    const s = pushed();
    const digest = s.output('ecr:ListImages', { repositoryName: 'web' }).imageIds.find((i: any) => i.imageTag === 'v1').imageDigest;
    const out = s.output('ecr:BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageDigest: digest }, { imageDigest: digest }] });
    expect(out.imageIds).toEqual([{ imageDigest: digest, imageTag: 'v1' }]);
    expect(out.failures).toEqual([{ imageId: { imageDigest: digest }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }]);
  });
});
