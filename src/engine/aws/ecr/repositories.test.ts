import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';

const ACCOUNT = '123456789012';

describe('ECR repositories', () => {
  it('creates a repository with AWS defaults: MUTABLE tags, AES256, no scan on push, a URI in the home registry', () => {
    const out = sandbox().output('ecr:CreateRepository', { repositoryName: 'team/web' });
    expect(out.repository).toMatchObject({
      repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/team/web`,
      registryId: ACCOUNT,
      repositoryName: 'team/web',
      repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/web`,
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
    expect(out.repository.createdAt).toBeInstanceOf(Date);
  });

  it('refuses names that break the naming rule, with the regular expression in the message', () => {
    const s = sandbox();
    for (const name of ['Web', 'web_', '-web', 'web//api', 'a b']) {
      s.callExpectingError('ecr:CreateRepository', { repositoryName: name }, 'InvalidParameterException', "failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''");
    }
    s.callExpectingError('ecr:CreateRepository', { repositoryName: 'a' }, 'InvalidParameterException', 'Member must have length greater than or equal to 2');
    s.callExpectingError('ecr:CreateRepository', { repositoryName: 'a'.repeat(257) }, 'InvalidParameterException', 'less than or equal to 256');
    s.callExpectingError('ecr:CreateRepository', {}, 'InvalidParameterException', "Value null at 'repositoryName' failed to satisfy constraint: Member must not be null");
  });

  it('refuses a second repository with the same name in the same region, in AWS words', () => {
    sandbox()
      .call('ecr:CreateRepository', { repositoryName: 'web' })
      .callExpectingError('ecr:CreateRepository', { repositoryName: 'web' }, 'RepositoryAlreadyExistsException', `The repository with name 'web' already exists in the registry with id '${ACCOUNT}'`)
      .call('ecr:CreateRepository', { repositoryName: 'web', region: 'eu-west-1' });
  });

  it('describes only the home region by default and another region with `region`', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' }).call('ecr:CreateRepository', { repositoryName: 'api', region: 'eu-west-1' });
    expect(s.output('ecr:DescribeRepositories').repositories.map((r: any) => r.repositoryName)).toEqual(['web']);
    const eu = s.output('ecr:DescribeRepositories', { region: 'eu-west-1' }).repositories;
    expect(eu.map((r: any) => r.repositoryUri)).toEqual([`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/api`]);
  });

  it('answers RepositoryNotFoundException for a named repository that does not exist', () => {
    sandbox().callExpectingError('ecr:DescribeRepositories', { repositoryNames: ['nope'] }, 'RepositoryNotFoundException', `The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'`);
  });

  it('pages with maxResults and nextToken', () => {
    const s = sandbox();
    for (const n of ['aa', 'bb', 'cc']) s.call('ecr:CreateRepository', { repositoryName: n });
    const first = s.output('ecr:DescribeRepositories', { maxResults: 2 });
    expect(first.repositories).toHaveLength(2);
    const second = s.output('ecr:DescribeRepositories', { maxResults: 2, nextToken: first.nextToken });
    expect(second.repositories.map((r: any) => r.repositoryName)).toEqual(['cc']);
    expect(second.nextToken).toBeUndefined();
  });

  it('will not delete a repository that still holds images unless force is set', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    s.callExpectingError('ecr:DeleteRepository', { repositoryName: 'web' }, 'RepositoryNotEmptyException', `The repository with name 'web' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`);
    s.call('ecr:DeleteRepository', { repositoryName: 'web', force: true });
    expect(Object.keys(s.world.repositories)).toEqual([]);
    expect(Object.keys(s.world.images)).toEqual([]);
    s.callExpectingError('ecr:DeleteRepository', { repositoryName: 'web' }, 'RepositoryNotFoundException');
  });

  it('deletes an empty repository without force and returns it', () => {
    const out = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' }).output('ecr:DeleteRepository', { repositoryName: 'web' });
    expect(out.repository.repositoryName).toBe('web');
  });

  it('changes tag mutability and rejects values outside the enum', () => {
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' });
    expect(s.output('ecr:PutImageTagMutability', { repositoryName: 'web', imageTagMutability: 'IMMUTABLE' })).toEqual({ registryId: ACCOUNT, repositoryName: 'web', imageTagMutability: 'IMMUTABLE' });
    s.callExpectingError('ecr:PutImageTagMutability', { repositoryName: 'web', imageTagMutability: 'FROZEN' }, 'InvalidParameterException', 'Member must satisfy enum value set: [IMMUTABLE, MUTABLE]');
  });

  it('stores, returns and deletes a repository policy; without one the answer is RepositoryPolicyNotFoundException', () => {
    const policyText = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'] }] });
    const s = sandbox().call('ecr:CreateRepository', { repositoryName: 'web' });
    s.callExpectingError('ecr:GetRepositoryPolicy', { repositoryName: 'web' }, 'RepositoryPolicyNotFoundException', `Repository policy does not exist for the repository with name 'web' in the registry with id '${ACCOUNT}'`);
    s.callExpectingError('ecr:SetRepositoryPolicy', { repositoryName: 'web', policyText: 'not json' }, 'InvalidParameterException', 'Invalid repository policy provided');
    s.call('ecr:SetRepositoryPolicy', { repositoryName: 'web', policyText });
    expect(s.output('ecr:GetRepositoryPolicy', { repositoryName: 'web' }).policyText).toBe(policyText);
    expect(s.output('ecr:DeleteRepositoryPolicy', { repositoryName: 'web' }).policyText).toBe(policyText);
    s.callExpectingError('ecr:DeleteRepositoryPolicy', { repositoryName: 'web' }, 'RepositoryPolicyNotFoundException');
  });

  it('gives an authorization token valid for 12 hours, base64 of "AWS:<password>", for the registry endpoint', () => {
    const s = sandbox({ seed: 3 }).advance(100);
    const [data] = s.output('ecr:GetAuthorizationToken').authorizationData;
    expect(data.proxyEndpoint).toBe(`https://${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`);
    expect(atob(data.authorizationToken)).toMatch(/^AWS:[0-9a-f]{64}$/);
    expect(data.expiresAt.getTime() - s.sim.date(100).getTime()).toBe(12 * 3600 * 1000);
    const again = sandbox({ seed: 3 }).advance(100).output('ecr:GetAuthorizationToken').authorizationData[0];
    expect(again.authorizationToken).toBe(data.authorizationToken);
  });
});
