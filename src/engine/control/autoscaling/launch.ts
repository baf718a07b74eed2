/**
 * A group launching one instance: its launch template version (resolved now, so "$Latest" and
 * "$Default" follow the template), into the group's subnet of the chosen AZ, through the same
 * RunInstances path a user's call takes (aws/ec2/run-instances.ts). So the instance boots, runs the
 * template's user data and its ECS agent registers in the cluster ECS_CLUSTER names.
 *
 * Instance tags: the template's "instance" TagSpecifications, the group's tags with
 * PropagateAtLaunch, and aws:autoscaling:groupName (EC2 Auto Scaling adds it; users cannot).
 */
import type { Simulation } from '../../simulation';
import type { AsgInstance, AutoScalingGroup } from '../../world/autoscaling-types';
import { AwsError } from '../../aws/errors';
import { runInstances } from '../../aws/ec2/run-instances';
import { resolveVersion } from '../../aws/ec2/launch-templates-store';

export type LaunchResult = { ok: true; member: AsgInstance; subnetId: string } | { ok: false; reason: string; subnetId: string };

export function launchInstance(sim: Simulation, group: AutoScalingGroup, zone: string): LaunchResult {
  const subnetId = group.subnetByZone[zone];
  const spec = group.LaunchTemplate;
  const template = sim.world.launchTemplates[spec.LaunchTemplateId];
  if (!template) return { ok: false, subnetId, reason: `The specified launch template, with template ID ${spec.LaunchTemplateId}, does not exist.` };
  const version = resolveVersion(template, spec.Version);
  if (!version) return { ok: false, subnetId, reason: `The specified launch template, with template ID ${spec.LaunchTemplateId}, version ${spec.Version}, does not exist.` };
  const data = version.LaunchTemplateData;
  const tagSpecs = (data.TagSpecifications ?? []).map((s) => ({ ...s, Tags: [...(s.Tags ?? [])] }));
  const propagated = group.Tags.filter((t) => t.PropagateAtLaunch).map((t) => ({ Key: t.Key, Value: t.Value }));
  if (propagated.length > 0) {
    const instanceSpec = tagSpecs.find((s) => s.ResourceType === 'instance');
    if (instanceSpec) instanceSpec.Tags.push(...propagated);
    else tagSpecs.push({ ResourceType: 'instance', Tags: propagated });
  }
  try {
    const reservation = runInstances(sim, {
      ImageId: data.ImageId,
      InstanceType: data.InstanceType,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnetId,
      ...(data.UserData !== undefined ? { UserData: data.UserData } : {}),
      ...(data.IamInstanceProfile ? { IamInstanceProfile: data.IamInstanceProfile } : {}),
      ...(data.SecurityGroupIds ? { SecurityGroupIds: data.SecurityGroupIds } : {}),
      ...(tagSpecs.length > 0 ? { TagSpecifications: tagSpecs } : {}),
    });
    const id = reservation.Instances![0].InstanceId!;
    const instance = sim.world.instances[id];
    instance.Tags.push({ Key: 'aws:autoscaling:groupName', Value: group.AutoScalingGroupName });
    const member: AsgInstance = {
      InstanceId: id,
      InstanceType: instance.InstanceType,
      AvailabilityZone: instance.Placement.AvailabilityZone,
      LifecycleState: 'Pending',
      HealthStatus: 'Healthy',
      ProtectedFromScaleIn: group.NewInstancesProtectedFromScaleIn,
      LaunchTemplate: { LaunchTemplateId: template.LaunchTemplateId, LaunchTemplateName: template.LaunchTemplateName, Version: String(version.VersionNumber) },
      launchedAt: sim.now,
    };
    group.instances[id] = member;
    return { ok: true, member, subnetId };
  } catch (e) {
    if (e instanceof AwsError) return { ok: false, subnetId, reason: `${e.message}` };
    throw e;
  }
}
