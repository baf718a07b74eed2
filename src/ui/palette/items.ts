/** The palette's items, in the order a system is built: what to drag and what it creates. */
import { Activity, Boxes, FileCode, Gauge, Layers, Network, Package, Server, Target, TrendingUp, Upload, Workflow, Zap, type LucideIcon } from 'lucide-react';
import type { PaletteKind } from '../forms/types';

export interface PaletteItem {
  kind: PaletteKind;
  label: string;
  icon: LucideIcon;
  group: 'Compute' | 'Images' | 'ECS' | 'Load balancing' | 'Scaling' | 'Simulate';
}

export const PALETTE_ITEMS: PaletteItem[] = [
  { kind: 'cluster', label: 'Cluster', icon: Boxes, group: 'Compute' },
  { kind: 'ec2Instances', label: 'EC2 instances', icon: Server, group: 'Compute' },
  { kind: 'autoScalingGroup', label: 'Auto Scaling group', icon: Layers, group: 'Compute' },
  { kind: 'capacityProvider', label: 'Capacity provider', icon: Gauge, group: 'Compute' },
  { kind: 'repository', label: 'Repository', icon: Package, group: 'Images' },
  { kind: 'imagePush', label: 'Image push', icon: Upload, group: 'Images' },
  { kind: 'taskDefinition', label: 'Task definition', icon: FileCode, group: 'ECS' },
  { kind: 'service', label: 'Service', icon: Workflow, group: 'ECS' },
  { kind: 'loadBalancer', label: 'Load balancer', icon: Network, group: 'Load balancing' },
  { kind: 'targetGroup', label: 'Target group', icon: Target, group: 'Load balancing' },
  { kind: 'scalingPolicy', label: 'Scaling policy', icon: TrendingUp, group: 'Scaling' },
  { kind: 'trafficSource', label: 'Traffic', icon: Activity, group: 'Simulate' },
  { kind: 'fault', label: 'Fault', icon: Zap, group: 'Simulate' },
];

/** The drag data type palette items carry (so the canvas accepts only palette drops). */
export const PALETTE_MIME = 'application/x-ecs-sandbox-palette';
