/**
 * autoscaling:CreateAutoScalingGroup. DesiredCapacity defaults to MinSize; DefaultCooldown 300;
 * HealthCheckGracePeriod 0 (the API's default; the console's is 300); HealthCheckType EC2;
 * TerminationPolicies ["Default"]. The group's first pass runs shortly after and launches the
 * desired capacity; its activities' causes start "At <time> a user request created an
 * AutoScalingGroup changing the desired capacity from 0 to N."
 */
import type { Simulation } from '../../simulation';
import type { AutoScalingGroup } from '../../world/autoscaling-types';
import { arn } from '../../world/arn';
import { AwsError } from '../errors';
import { changeDesiredCapacity, uuid } from '../../control/autoscaling/activities';
import { requestReconcile, startHealthChecks } from '../../control/autoscaling/reconcile';
import { checkBounds, groupName, launchTemplateSpec, optionalBool, optionalInt, readTags, readZones, requiredInt, validation } from './input';
import type { Input } from '../validate';

export function createAutoScalingGroup(sim: Simulation, input: Input): Record<string, never> {
  const world = sim.world;
  const name = groupName(input);
  const existing = world.autoScalingGroups[name];
  if (existing) {
    throw new AwsError(
      'AlreadyExists',
      existing.Status ? `AutoScalingGroup by this name already exists and is pending delete - A group with the name ${name} already exists` : `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`,
    );
  }
  const MinSize = requiredInt(input, 'MinSize');
  const MaxSize = requiredInt(input, 'MaxSize');
  const desired = optionalInt(input, 'DesiredCapacity') ?? MinSize;
  checkBounds(MinSize, MaxSize, desired);
  if (input.LaunchTemplate === undefined || input.LaunchTemplate === null) {
    if (input.LaunchConfigurationName !== undefined || input.MixedInstancesPolicy !== undefined || input.InstanceId !== undefined) {
      throw validation('The simulator supports Auto Scaling groups with a LaunchTemplate only (launch configurations are deprecated by AWS; mixed instances policies are not modelled).');
    }
    throw validation('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.');
  }
  const LaunchTemplate = launchTemplateSpec(world, input.LaunchTemplate);
  const zones = readZones(world, input);
  if (!zones) throw validation('At least one Availability Zone or VPC Subnet is required.');
  const HealthCheckType = input.HealthCheckType ?? 'EC2';
  if (HealthCheckType !== 'EC2' && HealthCheckType !== 'ELB') throw validation(`Invalid health check type: ${String(HealthCheckType)}. Valid values are EC2 and ELB.`);
  const group: AutoScalingGroup = {
    AutoScalingGroupName: name,
    AutoScalingGroupARN: arn(world, 'autoscaling', `autoScalingGroup:${uuid(sim)}:autoScalingGroupName/${name}`),
    LaunchTemplate,
    MinSize,
    MaxSize,
    DesiredCapacity: 0,
    DefaultCooldown: optionalInt(input, 'DefaultCooldown') ?? 300,
    ...zones,
    HealthCheckType,
    HealthCheckGracePeriod: optionalInt(input, 'HealthCheckGracePeriod') ?? 0,
    NewInstancesProtectedFromScaleIn: optionalBool(input, 'NewInstancesProtectedFromScaleIn') ?? false,
    CapacityRebalance: optionalBool(input, 'CapacityRebalance') ?? false,
    TerminationPolicies: ['Default'],
    Tags: readTags(input),
    CreatedTime: sim.now,
    ServiceLinkedRoleARN: `arn:aws:iam::${world.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    instances: {},
  };
  world.autoScalingGroups[name] = group;
  sim.emit({
    source: 'autoscaling',
    kind: 'autoscaling.created',
    resource: group.AutoScalingGroupARN,
    message:
      `Auto Scaling group ${name} created: min ${MinSize}, max ${MaxSize}, desired ${desired}${optionalInt(input, 'DesiredCapacity') === undefined ? ' (DesiredCapacity defaults to MinSize)' : ''}, ` +
      `launch template ${LaunchTemplate.LaunchTemplateName} version ${LaunchTemplate.Version}, in ${group.AvailabilityZones.join(', ')}.`,
  });
  changeDesiredCapacity(sim, group, desired, 'a user request created an AutoScalingGroup');
  requestReconcile(sim, group);
  startHealthChecks(sim, group);
  return {};
}
