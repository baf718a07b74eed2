import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cliCommand, cliScript, kebabCase, shellQuote } from './cli';

// Expected strings are the commands printed in the AWS CLI's own examples (aws/aws-cli
// awscli/examples/...), written from the API input the same call sends.
describe('cliCommand writes the AWS CLI command for an API call', () => {
  it('names the operation in kebab-case and each parameter as --kebab-case (ecs update-service example)', () => {
    expect(cliCommand({ call: 'ecs:UpdateService', input: { service: 'my-http-service', desiredCount: 3 } })).toBe(
      'aws ecs update-service --service my-http-service --desired-count 3',
    );
  });

  it('spells PascalCase ELB parameters the same way (elbv2 create-target-group example)', () => {
    const input = { Name: 'my-targets', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-3ac0fb5f' };
    expect(cliCommand({ call: 'elbv2:CreateTargetGroup', input })).toBe('aws elbv2 create-target-group --name my-targets --protocol HTTP --port 80 --vpc-id vpc-3ac0fb5f');
  });

  it('writes the application-autoscaling register-scalable-target example', () => {
    const input = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: 'service/default/web-app', MinCapacity: 1, MaxCapacity: 10 };
    expect(cliCommand({ call: 'application-autoscaling:RegisterScalableTarget', input })).toBe(
      'aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/default/web-app --min-capacity 1 --max-capacity 10',
    );
  });

  it('writes lists of strings space-separated (ecs update-container-instances-state example)', () => {
    const input = { containerInstances: ['765936fadbdd46b5991a4bd70c2a43d4'], status: 'DRAINING' };
    expect(cliCommand({ call: 'ecs:UpdateContainerInstancesState', input })).toBe(
      'aws ecs update-container-instances-state --container-instances 765936fadbdd46b5991a4bd70c2a43d4 --status DRAINING',
    );
    expect(cliCommand({ call: 'elbv2:CreateLoadBalancer', input: { Name: 'web', Subnets: ['subnet-a', 'subnet-b'] } })).toBe(
      'aws elbv2 create-load-balancer --name web --subnets subnet-a subnet-b',
    );
  });

  it('writes a true boolean as --flag and a false one as --no-flag (ecs delete-service --force example)', () => {
    expect(cliCommand({ call: 'ecs:DeleteService', input: { cluster: 'MyCluster', service: 'MyService1', force: true } })).toBe(
      'aws ecs delete-service --cluster MyCluster --service MyService1 --force',
    );
    expect(cliCommand({ call: 'ecs:UpdateService', input: { service: 'web', forceNewDeployment: false } })).toBe('aws ecs update-service --service web --no-force-new-deployment');
  });

  it('writes structures as JSON in single quotes', () => {
    const input = { cluster: 'prod', serviceName: 'web', taskDefinition: 'web:3', desiredCount: 4, launchType: 'EC2', deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } };
    expect(cliCommand({ call: 'ecs:CreateService', input })).toBe(
      `aws ecs create-service --cluster prod --service-name web --task-definition web:3 --desired-count 4 --launch-type EC2 --deployment-configuration '{"maximumPercent":200,"minimumHealthyPercent":100}'`,
    );
  });

  it('prints one parameter per line with backslashes when asked (the docs\' layout)', () => {
    const input = { repositoryName: 'hello-world', imageTagMutability: 'IMMUTABLE' };
    expect(cliCommand({ call: 'ecr:PutImageTagMutability', input }, { multiline: true })).toBe(
      'aws ecr put-image-tag-mutability \\\n    --repository-name hello-world \\\n    --image-tag-mutability IMMUTABLE',
    );
  });

  it('uses run-instances --count and plain-text --user-data, as the CLI customizes them', () => {
    const script = '#!/bin/bash\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config';
    const input = { ImageId: 'ami-1', InstanceType: 'm5.large', MinCount: 1, MaxCount: 1, UserData: btoa(script) };
    expect(cliCommand({ call: 'ec2:RunInstances', input })).toBe(
      `aws ec2 run-instances --image-id ami-1 --instance-type m5.large --count 1 --user-data '${script}'`,
    );
    expect(cliCommand({ call: 'ec2:RunInstances', input: { ImageId: 'ami-1', MinCount: 2, MaxCount: 3 } })).toBe('aws ec2 run-instances --image-id ami-1 --count 2:3');
  });

  it('turns a sim: call into a comment, since AWS has no API for it', () => {
    expect(cliCommand({ call: 'sim:SetTraffic', input: { loadBalancerName: 'web', requestsPerSecond: 100 } })).toBe(
      '# sim:SetTraffic (no AWS API: simulated traffic) {"loadBalancerName":"web","requestsPerSecond":100}',
    );
    expect(cliCommand({ call: 'sim:PushImage', input: { repositoryName: 'web', imageTag: 'v1' } }, { accountId: '111122223333', region: 'eu-west-1' })).toMatch(
      /^# sim:PushImage \(no AWS API: docker push 111122223333\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/web:v1\)/,
    );
  });

  it('leaves out undefined and null parameters', () => {
    expect(cliCommand({ call: 'ecs:CreateCluster', input: { clusterName: 'prod', tags: undefined, settings: null } })).toBe('aws ecs create-cluster --cluster-name prod');
  });

  it('joins several calls into a script, one command per line', () => {
    expect(cliScript([{ call: 'ecs:CreateCluster', input: { clusterName: 'a' } }, { call: 'ecr:CreateRepository', input: { repositoryName: 'web' } }])).toBe(
      'aws ecs create-cluster --cluster-name a\naws ecr create-repository --repository-name web',
    );
  });
});

describe('kebabCase follows botocore xform_name', () => {
  it('splits words and keeps acronyms together', () => {
    expect(kebabCase('CreateService')).toBe('create-service');
    expect(kebabCase('healthCheckGracePeriodSeconds')).toBe('health-check-grace-period-seconds');
    expect(kebabCase('DBInstanceIdentifier')).toBe('db-instance-identifier');
    expect(kebabCase('TargetGroupARNs')).toBe('target-group-arns');
    expect(kebabCase('PutImage')).toBe('put-image');
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('arn:aws:ecs:us-east-1:1:service/prod/web')).toBe('arn:aws:ecs:us-east-1:1:service/prod/web');
    expect(shellQuote('hello world')).toBe(`'hello world'`);
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });

  it('gives back the same text when a POSIX shell reads the quoted word (property)', () => {
    // A tiny reader for the two forms shellQuote writes: bare words and '...' with '\'' escapes.
    const unquote = (word: string) => (word.startsWith(`'`) ? word.slice(1, -1).replace(/'\\''/g, `'`) : word);
    fc.assert(fc.property(fc.string(), (text) => unquote(shellQuote(text)) === text));
  });
});
