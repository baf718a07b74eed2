/**
 * Fixed node sizes, so toGraph knows every box without measuring the DOM and the layout is the
 * same on every machine. Node components read the same numbers (e.g. how many tags fit).
 */
export const LAYOUT = {
  header: 44,
  pad: 12,
  gap: 14,
  repository: { width: 260, baseHeight: 82, imageRow: 20, maxImages: 4 },
  taskDefinition: { width: 250, baseHeight: 78, containerRow: 16 },
  lane: { header: 30, minHeight: 120, minWidth: 300 },
  instance: { width: 300, header: 142 },
  fargate: { header: 28 },
  chip: { width: 134, height: 58, perRow: 2 },
  summary: { width: 276, height: 52 },
  emptyCluster: { width: 340, height: 120 },
  service: { width: 270, baseHeight: 100, deploymentRow: 42, codeDeployRow: 22 },
  loadBalancer: { width: 230, height: 104 },
  listener: { width: 190, height: 74, shiftRow: 28 },
  targetGroup: { width: 230, height: 104 },
  autoScalingGroup: { width: 230, height: 96 },
  capacityProvider: { width: 230, height: 90 },
  scalingPolicy: { width: 230, height: 84 },
  alarm: { width: 230, height: 84 },
  trafficSource: { width: 190, height: 84 },
} as const;

/**
 * Choice: past this many task chips in one container instance or Fargate area, its tasks fold
 * into counts ("12 RUNNING · 2 PENDING") unless the learner expands it.
 */
export const CHIPS_PER_PARENT = 12;

/**
 * Choice: past this many visible tasks in the whole world, every parent folds its tasks into
 * counts (the learner can still expand one), so a 1,000-task world stays a few hundred nodes.
 */
export const CHIPS_IN_WORLD = 200;

/**
 * Choice: STOPPED tasks stay on the canvas for an hour after they stop, as ECS keeps them visible
 * to DescribeTasks/ListTasks for at least one hour.
 */
export const STOPPED_TASK_VISIBLE_SECONDS = 3600;
