import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';

const ACCOUNT = '123456789012';
const toEu = (filters?: unknown) => ({
  replicationConfiguration: { rules: [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }], ...(filters ? { repositoryFilters: filters } : {}) }] },
});
const euImages = (s: ReturnType<typeof sandbox>, name = 'web') => s.output('ecr:DescribeImages', { repositoryName: name, region: 'eu-west-1' }).imageDetails;

describe('ECR private image replication', () => {
  it('copies an image pushed after the configuration into a new same-named repository in the destination region', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web', imageTagMutability: 'IMMUTABLE' }).call('ecr:PutReplicationConfiguration', toEu());
    const pushed = s.output('sim:PushImage', { repositoryName: 'web', imageTag: 'v1', behavior: { startupSeconds: 12 } });
    expect(s.error('ecr:DescribeRepositories', { repositoryNames: ['web'], region: 'eu-west-1' }).code).toBe('RepositoryNotFoundException');
    s.advance(120);
    const [repo] = s.output('ecr:DescribeRepositories', { region: 'eu-west-1' }).repositories;
    expect(repo.repositoryUri).toBe(`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/web`);
    expect(repo.imageTagMutability).toBe('MUTABLE'); // settings are not replicated
    const [copy] = euImages(s);
    expect(copy).toMatchObject({ imageDigest: pushed.imageDigest, imageTags: ['v1'] });
    expect(Object.values(s.world.images).find((i) => i.region === 'eu-west-1')!.behavior).toEqual({ startupSeconds: 12 });
    expect(s.messages('image.replication')[0]).toContain('from us-east-1 to eu-west-1');
  });

  it('does not copy images pushed before the configuration was set', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'old' });
    s.call('ecr:PutReplicationConfiguration', toEu()).call('sim:PushImage', { repositoryName: 'web', imageTag: 'new' }).advance(120);
    expect(euImages(s).map((d: any) => d.imageTags)).toEqual([['new']]);
  });

  it('does not replicate deletes or lifecycle policies', () => {
    const policy = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] });
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' }).call('ecr:PutReplicationConfiguration', toEu());
    s.call('ecr:PutLifecyclePolicy', { repositoryName: 'web', lifecyclePolicyText: policy }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' }).advance(120);
    s.call('ecr:BatchDeleteImage', { repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] }).advance(120);
    expect(euImages(s)).toHaveLength(1);
    s.callExpectingError('ecr:GetLifecyclePolicy', { repositoryName: 'web', region: 'eu-west-1' }, 'LifecyclePolicyNotFoundException');
  });

  it('copies only repositories whose names match a PREFIX_MATCH filter', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'prod/web' }).call('ecr:CreateRepository', { repositoryName: 'dev/web' });
    s.call('ecr:PutReplicationConfiguration', toEu([{ filter: 'prod', filterType: 'PREFIX_MATCH' }]));
    s.call('sim:PushImage', { repositoryName: 'prod/web' }).call('sim:PushImage', { repositoryName: 'dev/web' }).advance(120);
    expect(s.output('ecr:DescribeRepositories', { region: 'eu-west-1' }).repositories.map((r: any) => r.repositoryName)).toEqual(['prod/web']);
  });

  it('is shown by DescribeRegistry and validated like AWS', () => {
    const s = sandbox().call('ecr:PutReplicationConfiguration', toEu());
    expect(s.output('ecr:DescribeRegistry')).toEqual({ registryId: ACCOUNT, replicationConfiguration: toEu().replicationConfiguration });
    s.callExpectingError('ecr:PutReplicationConfiguration', { replicationConfiguration: { rules: [{ destinations: [{ region: 'us-east-1', registryId: ACCOUNT }] }] } }, 'InvalidParameterException', 'cannot be the source registry');
    s.callExpectingError('ecr:PutReplicationConfiguration', toEu([{ filter: 'prod', filterType: 'WILDCARD' }]), 'InvalidParameterException', '[PREFIX_MATCH]');
    s.callExpectingError('ecr:PutReplicationConfiguration', { replicationConfiguration: { rules: Array(11).fill(toEu().replicationConfiguration.rules[0]) } }, 'InvalidParameterException', 'less than or equal to 10');
  });
});
