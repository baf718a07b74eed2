/** Every drop form, by palette kind. */
import type { FormSpec, PaletteKind } from './types';
import { autoScalingGroupForm, capacityProviderForm, clusterForm, ec2InstancesForm } from './compute';
import { imagePushForm, repositoryForm } from './registry';
import { serviceForm, taskDefinitionForm } from './ecs';
import { loadBalancerForm, targetGroupForm } from './elb';
import { scalingPolicyForm } from './scaling';
import { faultForm, trafficForm } from './sim';

export const FORMS: Record<PaletteKind, FormSpec> = {
  cluster: clusterForm,
  ec2Instances: ec2InstancesForm,
  autoScalingGroup: autoScalingGroupForm,
  capacityProvider: capacityProviderForm,
  repository: repositoryForm,
  imagePush: imagePushForm,
  taskDefinition: taskDefinitionForm,
  service: serviceForm,
  loadBalancer: loadBalancerForm,
  targetGroup: targetGroupForm,
  scalingPolicy: scalingPolicyForm,
  trafficSource: trafficForm,
  fault: faultForm,
};

export type { FormSpec, PaletteKind, FormValues, FieldSpec } from './types';
