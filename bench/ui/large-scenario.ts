/**
 * The UI bench's world (issue #4): about 500 canvas nodes that keep changing under 60x playback.
 * Built through the API only, with the gallery's ScenarioBuilder, so it is an ordinary scenario
 * (and an ordinary `#s=` share link: bench/ui/link.ts).
 *
 *  - CLUSTERS clusters, each with INSTANCES_PER_AZ m5.large container instances in each of 3 AZs;
 *  - per cluster SERVICES services of TASKS tasks (bridge, dynamic host ports), each behind its own
 *    target group; one ALB per cluster whose listener sends /svc-N/* to service N's target group;
 *  - traffic on every path (the `spike` pattern on one service per cluster, `daily` elsewhere), and
 *    target tracking on CPU (50 %) for the spiking service, so it scales out and back in;
 *  - rolling updates (a new image tag) of one service after another, every UPDATE_EVERY seconds
 *    after the playhead, for as long as the bench plays.
 *
 * Tasks stay below the canvas's collapse threshold (CHIPS_IN_WORLD visible tasks, counting STOPPED
 * ones for an hour) and below CHIPS_PER_PARENT per instance, so every task is drawn as its chip.
 */
import type { Scenario } from '../../src/scenario/schema';
import { ScenarioBuilder } from '../../src/scenario/gallery/builder';
import { applicationLoadBalancer, cpuTargetTracking, ecrImage, ECS_OPTIMIZED_AMI, subnetOf, ZONES } from '../../src/scenario/gallery/common';

export const CLUSTERS = 6;
export const INSTANCES_PER_AZ = 4;
export const SERVICES = 6;
export const TASKS = 4;
/** Where the link opens: the world is built and steady (every task RUNNING and healthy). */
export const PLAYHEAD_SECONDS = 600;
/** A rolling update starts this often (simulated seconds) after the playhead. */
export const UPDATE_EVERY = 240;
/** How many rolling updates are scheduled (clusters in turn): 32 simulated minutes of them. */
export const UPDATES = 8;
/** Simulated seconds of scheduled changes after the playhead; the scenario's last step. */
export const END_SECONDS = PLAYHEAD_SECONDS + UPDATES * UPDATE_EVERY + 600;

const cluster = (c: number) => `shop-${c}`;
const service = (s: number) => `svc-${s}`;
const repository = (c: number, s: number) => `${cluster(c)}-${service(s)}`;

const taskDefinition = (c: number, s: number, tag: string) => ({
  family: repository(c, s),
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'app', image: ecrImage(repository(c, s), tag), essential: true, cpu: 128, memory: 256, portMappings: [{ containerPort: 8080, hostPort: 0 }] }],
});

function build(): Scenario {
  const b = new ScenarioBuilder(404);
  const albs = [];
  for (let c = 0; c < CLUSTERS; c++) {
    b.call('ecs:CreateCluster', { clusterName: cluster(c) });
    ZONES.forEach((AvailabilityZone) =>
      b.call('ec2:RunInstances', {
        ImageId: ECS_OPTIMIZED_AMI,
        InstanceType: 'm5.large',
        MinCount: INSTANCES_PER_AZ,
        MaxCount: INSTANCES_PER_AZ,
        SubnetId: subnetOf(AvailabilityZone),
        UserData: btoa(`#!/bin/bash\necho ECS_CLUSTER=${cluster(c)} >> /etc/ecs/ecs.config`),
        IamInstanceProfile: { Name: 'ecsInstanceRole' },
      }),
    );
    const alb = applicationLoadBalancer(b, `${cluster(c)}-alb`, Array.from({ length: SERVICES }, (_, s) => `${cluster(c)}-${service(s)}`));
    alb.targetGroupArns.forEach((TargetGroupArn, s) => {
      if (s > 0) b.call('elbv2:CreateRule', { ListenerArn: alb.listenerArn, Priority: s, Conditions: [{ Field: 'path-pattern', Values: [`/${service(s)}/*`] }], Actions: [{ Type: 'forward', TargetGroupArn }] });
    });
    albs.push(alb);
    for (let s = 0; s < SERVICES; s++) {
      b.call('ecr:CreateRepository', { repositoryName: repository(c, s) });
      // 10 CPU units at rest and 1 per request per second: 128-unit tasks at 40-60 % on average.
      b.call('sim:PushImage', { repositoryName: repository(c, s), imageTag: 'v1', behavior: { startupSeconds: 10, cpuUnitsIdle: 10, cpuUnitsPerRequest: 1 } });
      b.call('ecs:RegisterTaskDefinition', taskDefinition(c, s, 'v1'));
    }
  }
  b.advance(60);
  for (let c = 0; c < CLUSTERS; c++) {
    for (let s = 0; s < SERVICES; s++) {
      b.call('ecs:CreateService', {
        cluster: cluster(c),
        serviceName: service(s),
        taskDefinition: repository(c, s),
        desiredCount: TASKS,
        launchType: 'EC2',
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
        loadBalancers: [{ targetGroupArn: albs[c].targetGroupArns[s], containerName: 'app', containerPort: 8080 }],
      });
      const path = s === 0 ? '/' : `/${service(s)}/x`;
      b.call('sim:SetTraffic', { loadBalancerName: `${cluster(c)}-alb`, path, requestsPerSecond: s === 0 ? 50 : 200, pattern: s === 0 ? 'spike' : 'daily' });
    }
    cpuTargetTracking(b, cluster(c), service(0), TASKS, TASKS + 2, 120);
  }
  b.advance(PLAYHEAD_SECONDS - 60);
  for (let u = 0; u < UPDATES; u++) {
    const c = u % CLUSTERS;
    const s = 1 + (Math.floor(u / CLUSTERS) % (SERVICES - 1));
    const tag = `v${2 + Math.floor(u / CLUSTERS)}`;
    b.advance(UPDATE_EVERY)
      .call('sim:PushImage', { repositoryName: repository(c, s), imageTag: tag, behavior: { startupSeconds: 10, cpuUnitsIdle: 10, cpuUnitsPerRequest: 1 } })
      .call('ecs:RegisterTaskDefinition', taskDefinition(c, s, tag))
      .call('ecs:UpdateService', { cluster: cluster(c), service: service(s), taskDefinition: repository(c, s) });
  }
  return b.advance(600).build({
    name: 'UI bench: a large shop',
    description: `${CLUSTERS} clusters of ${3 * INSTANCES_PER_AZ} container instances, ${CLUSTERS * SERVICES} services behind ${CLUSTERS} load balancers, traffic with spikes, target tracking and a rolling update every ${UPDATE_EVERY / 60} minutes.`,
  });
}

export const largeScenario: Scenario = build();
