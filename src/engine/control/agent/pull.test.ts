import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { registerTaskDefinition, runTasks } from '../../testing/task-fixtures';

describe('pulling an image from Amazon ECR', () => {
  it('records the pull, so DescribeImages shows lastRecordedPullTime', () => {
    const s = sandbox({ seed: 4 });
    s.call('ecr:CreateRepository', { repositoryName: 'web' }).call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1' });
    launchContainerInstances(s, { cluster: 'prod', count: 1 });
    registerTaskDefinition(s, { family: 'web', containerDefinitions: [{ name: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1', memory: 256 }] });
    const before = s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails[0];
    expect(before.lastRecordedPullTime).toBeUndefined();
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'web' });
    s.advanceUntil(() => s.world.tasks[arn].lastStatus === 'RUNNING', 300);
    const after = s.output('ecr:DescribeImages', { repositoryName: 'web' }).imageDetails[0];
    expect(after.lastRecordedPullTime).toBeInstanceOf(Date);
    expect(after.lastRecordedPullTime.getTime()).toBeGreaterThan(before.imagePushedAt.getTime());
  });
});
