/**
 * Target health reason codes and the descriptions DescribeTargetHealth shows with them, as the
 * ELB user guide's "Health check reason codes" table words them.
 */
export const REASON_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Elb.InternalError': 'Health checks failed due to an internal error',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.HealthCheckDisabled': 'Health checks are disabled',
  'Target.NotInUse': 'Target group is not configured to receive traffic from the load balancer',
  'Target.NotRegistered': 'Target is not registered to the target group',
  'Target.Timeout': 'Request timed out',
};

/** The description for a reason; ResponseCodeMismatch lists the codes the target answered. */
export function describeReason(reason: string, statusCode?: number): string {
  if (reason === 'Target.ResponseCodeMismatch') return `Health checks failed with these codes: [${statusCode ?? 503}]`;
  return REASON_DESCRIPTIONS[reason] ?? reason;
}
