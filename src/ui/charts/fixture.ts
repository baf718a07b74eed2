/**
 * A test world for the event log and charts, built through the API: cluster "prod" of three
 * instances, service "web" (3 tasks) behind ALB "web" with 50 requests per second, and an alarm
 * on the service's CPU. Built once per test file (it takes a moment).
 */
import { sandbox, type Sandbox } from '../../engine/testing/harness';
import { createService, serviceCluster, webTaskDefinition } from '../../engine/testing/service-fixtures';
import { albTargetGroup, webTarget } from '../../engine/testing/service-alb-fixtures';

export interface ServiceWorld {
  s: Sandbox;
  serviceArn: string;
  clusterArn: string;
  targetGroupArn: string;
  loadBalancerArn: string;
}

export function serviceWorld(minutes = 10): ServiceWorld {
  const s = sandbox({ seed: 3 });
  serviceCluster(s, { instances: 3 });
  webTaskDefinition(s);
  const targetGroupArn = albTargetGroup(s, { name: 'web' });
  const serviceArn = createService(s, { serviceName: 'web', desiredCount: 3, loadBalancers: webTarget(targetGroupArn) }).serviceArn!;
  s.call('cloudwatch:PutMetricAlarm', {
    AlarmName: 'web-cpu-high',
    Namespace: 'AWS/ECS',
    MetricName: 'CPUUtilization',
    Dimensions: [
      { Name: 'ClusterName', Value: 'prod' },
      { Name: 'ServiceName', Value: 'web' },
    ],
    Statistic: 'Average',
    Period: 60,
    EvaluationPeriods: 3,
    Threshold: 70,
    ComparisonOperator: 'GreaterThanThreshold',
  });
  s.advance(300);
  s.call('sim:SetTraffic', { loadBalancerName: 'web', requestsPerSecond: 50 });
  s.advance(minutes * 60);
  const loadBalancerArn = Object.keys(s.world.loadBalancers)[0];
  const clusterArn = Object.keys(s.world.clusters)[0];
  return { s, serviceArn, clusterArn, targetGroupArn, loadBalancerArn };
}
