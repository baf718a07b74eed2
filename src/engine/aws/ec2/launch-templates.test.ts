import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { ECS_AMI_ID } from '../../testing/ec2-fixtures';

const data = { ImageId: ECS_AMI_ID, InstanceType: 'm5.large' };

describe('EC2 launch templates', () => {
  it('CreateLaunchTemplate returns an lt- id with version 1 as both default and latest', () => {
    const s = sandbox();
    const out = s.output('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: data });
    expect(out.LaunchTemplate).toMatchObject({ LaunchTemplateName: 'nodes', DefaultVersionNumber: 1, LatestVersionNumber: 1, CreatedBy: 'arn:aws:iam::123456789012:root' });
    expect(out.LaunchTemplate.LaunchTemplateId).toMatch(/^lt-0[0-9a-f]{16}$/);
    expect(out.LaunchTemplate.CreateTime).toBeInstanceOf(Date);
  });

  it('a second template with the same name fails with InvalidLaunchTemplateName.AlreadyExistsException', () => {
    sandbox()
      .call('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: data })
      .callExpectingError('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: data }, 'InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');
  });

  it('names must be 3-128 characters of letters, digits and ( ) . - / _', () => {
    sandbox().callExpectingError('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'a b', LaunchTemplateData: data }, 'InvalidLaunchTemplateName.MalformedException');
  });

  it('rejects an instance type EC2 does not offer and user data that is not base64', () => {
    sandbox()
      .callExpectingError('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { ...data, InstanceType: 'm5.huge' } }, 'InvalidParameterValue', "Invalid value 'm5.huge' for InstanceType.")
      .callExpectingError('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { ...data, UserData: '!!' } }, 'InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
  });

  it('new versions number up from the latest, inherit SourceVersion, and leave the default at 1 until ModifyLaunchTemplate', () => {
    const s = sandbox().call('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: data });
    const v2 = s.output('ec2:CreateLaunchTemplateVersion', { LaunchTemplateName: 'nodes', SourceVersion: '1', LaunchTemplateData: { InstanceType: 'c5.large' } }).LaunchTemplateVersion;
    expect(v2).toMatchObject({ VersionNumber: 2, DefaultVersion: false, LaunchTemplateData: { ImageId: ECS_AMI_ID, InstanceType: 'c5.large' } });
    const pick = (Versions: string[]) => s.output('ec2:DescribeLaunchTemplateVersions', { LaunchTemplateName: 'nodes', Versions }).LaunchTemplateVersions.map((v: any) => v.VersionNumber);
    expect(pick(['$Latest'])).toEqual([2]);
    expect(pick(['$Default'])).toEqual([1]);
    s.call('ec2:ModifyLaunchTemplate', { LaunchTemplateName: 'nodes', DefaultVersion: '2' });
    expect(pick(['$Default'])).toEqual([2]);
    expect(s.output('ec2:DescribeLaunchTemplates', { LaunchTemplateNames: ['nodes'] }).LaunchTemplates[0]).toMatchObject({ DefaultVersionNumber: 2, LatestVersionNumber: 2 });
  });

  it('asking for a version that does not exist fails with InvalidLaunchTemplateId.VersionNotFound', () => {
    sandbox()
      .call('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: data })
      .callExpectingError('ec2:DescribeLaunchTemplateVersions', { LaunchTemplateName: 'nodes', Versions: ['7'] }, 'InvalidLaunchTemplateId.VersionNotFound')
      .callExpectingError('ec2:ModifyLaunchTemplate', { LaunchTemplateName: 'nodes', DefaultVersion: '3' }, 'InvalidLaunchTemplateId.VersionNotFound');
  });

  it('DeleteLaunchTemplate removes it; naming it afterwards is a NotFound error', () => {
    const s = sandbox().call('ec2:CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: data });
    s.call('ec2:DeleteLaunchTemplate', { LaunchTemplateName: 'nodes' });
    expect(s.output('ec2:DescribeLaunchTemplates', {}).LaunchTemplates).toEqual([]);
    s.callExpectingError('ec2:DescribeLaunchTemplateVersions', { LaunchTemplateName: 'nodes' }, 'InvalidLaunchTemplateName.NotFoundException', 'with template name nodes, does not exist');
    s.callExpectingError('ec2:DeleteLaunchTemplate', { LaunchTemplateId: 'lt-0123456789abcdef0' }, 'InvalidLaunchTemplateId.NotFound');
  });
});
