/**
 * The preset dictionary for share links (deflate's FDICT): text that sessions share, so even the
 * first occurrence of "taskDefinition" or "arn:aws:ecs:us-east-1:123456789012:" costs a few bits.
 * Deflate looks back at most 32 KiB and prefers recent matches, so the commonest strings go last.
 *
 * FROZEN: links made with it must keep opening. To change it, add a new dictionary under a new
 * hash parameter (link.ts LINK_PARAM) and keep decoding this one.
 */
const WORDS = [
  'enableECSManagedTags', 'propagateTags', 'TASK_DEFINITION', 'healthCheckGracePeriodSeconds', 'schedulingStrategy', 'REPLICA', 'DAEMON',
  'deploymentCircuitBreaker', '"enable":true,"rollback":true', 'maximumPercent":200', 'minimumHealthyPercent":100', 'deploymentConfiguration',
  'capacityProviderStrategy', 'FARGATE_SPOT', 'FARGATE', 'capacityProvider', 'weight', 'base',
  'awsvpcConfiguration', 'networkConfiguration', 'assignPublicIp":"DISABLED"', 'ENABLED', 'securityGroups":["sg-', 'subnets":["subnet-',
  'loadBalancers', 'targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/', 'containerName', 'containerPort":80',
  'placementStrategy', 'placementConstraints', '"type":"spread","field":"attribute:ecs.availability-zone"', '"type":"binpack","field":"memory"', 'instanceId', 'distinctInstance', 'memberOf',
  'ScalableDimension":"ecs:service:DesiredCount"', 'ServiceNamespace":"ecs"', 'ResourceId":"service/', 'PolicyType":"TargetTrackingScaling"', 'TargetTrackingScalingPolicyConfiguration',
  'PredefinedMetricSpecification', 'PredefinedMetricType":"ECSServiceAverageCPUUtilization"', 'TargetValue', 'MinCapacity', 'MaxCapacity', 'ScaleInCooldown', 'ScaleOutCooldown',
  'HealthCheckPath":"/', 'HealthCheckIntervalSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'TargetType":"ip"', 'Protocol":"HTTP"', 'Port":80', 'VpcId":"vpc-',
  'DefaultActions":[{"Type":"forward","TargetGroupArn":"', 'LoadBalancerArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/', 'Scheme":"internet-facing"', 'Subnets',
  'ImageId', 'InstanceType":"m5.large"', 'MinCount":1,"MaxCount":1', 'Placement":{"AvailabilityZone":"us-east-1', 'UserData', 'IamInstanceProfile":{"Name":"ecsInstanceRole"}', 'TagSpecifications', 'ResourceType":"instance"', 'Tags":[{"Key":"Name","Value":"',
  'networkMode":"awsvpc"', 'networkMode":"bridge"', 'requiresCompatibilities":["FARGATE"]', 'requiresCompatibilities":["EC2"]', 'cpu":"256","memory":"512"', 'executionRoleArn":"arn:aws:iam::123456789012:role/ecsTaskExecutionRole"',
  'containerDefinitions":[{"name":"', '"image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/', '"essential":true', 'portMappings":[{"containerPort":', 'hostPort":0', 'protocol":"tcp"', 'environment', 'healthCheck', 'logConfiguration',
  'ecr:CreateRepository', 'sim:PushImage', 'repositoryName', 'imageTag', 'sizeMiB', 'behavior', 'startupSeconds', 'exitAfterSeconds', 'healthy":false', 'sim:SetTraffic', 'requestsPerSecond', 'sim:InjectFault',
  'elbv2:CreateLoadBalancer', 'elbv2:CreateTargetGroup', 'elbv2:CreateListener', 'application-autoscaling:RegisterScalableTarget', 'application-autoscaling:PutScalingPolicy', 'autoscaling:CreateAutoScalingGroup', 'ec2:RunInstances',
  'ecs:RegisterTaskDefinition', 'ecs:CreateCluster', 'clusterName', 'ecs:RunTask', 'ecs:StopTask', 'ecs:DeleteService', 'ecs:UpdateService', 'forceNewDeployment', 'ecs:CreateService',
  '{"format":"ecs-sandbox","version":1,"scenario":{"name":"', 'description', '"seed":1,"region":"us-east-1","accountId":"123456789012","steps":[', '{"advance":', '"playhead":', '"commands":[',
  '"launchType":"FARGATE"', '"launchType":"EC2"', '"desiredCount":', '"count":', '"service":"', '"serviceName":"', '"taskDefinition":"', '"cluster":"prod"', '"cluster":"',
  '},{"at":', '"input":{', '{"call":"',
];

export const LINK_DICTIONARY: Uint8Array = new TextEncoder().encode(WORDS.join(''));
