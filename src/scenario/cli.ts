/**
 * An API call -> the AWS CLI command that makes it (DESIGN.md "One vocabulary: the AWS API"): the
 * event log, the command list and the inspector's CLI tab show what a learner would type.
 *
 *   cliCommand({ call: 'ecs:CreateService', input: { cluster: 'prod', serviceName: 'web' } })
 *   -> aws ecs create-service --cluster prod --service-name web
 *
 * How the AWS CLI (v2) spells a call, which this follows:
 *  - `aws SERVICE OPERATION`: the service is the CLI's prefix (ecs, ecr, ec2, elbv2, autoscaling,
 *    application-autoscaling, cloudwatch, codedeploy); the operation is the API name in kebab-case
 *    (CreateService -> create-service), by botocore's xform_name rules (also for parameters:
 *    serviceName -> --service-name, HealthCheckIntervalSeconds -> --health-check-interval-seconds).
 *  - strings as they are, quoted for a POSIX shell only when needed; numbers as they are;
 *    booleans as `--flag` / `--no-flag` (e.g. `--force`, `--no-enable-execute-command`); lists of
 *    strings or numbers space-separated; structures and lists of structures as JSON in single
 *    quotes (the CLI takes JSON wherever it takes shorthand).
 *  - CLI customizations we reproduce: `ec2 run-instances` has `--count N` (or `min:max`) instead
 *    of MinCount/MaxCount, and takes `--user-data` as plain text (the CLI base64-encodes it), so
 *    the base64 the API carries is shown decoded.
 *  - `sim:` calls have no AWS API: they become a shell comment saying what they stand for.
 * Parameters keep the order of the input object; undefined and null are left out.
 */

export interface ApiCall {
  call: string;
  input?: unknown;
}

export interface CliOptions {
  /** One parameter per line with `\` continuations, as the AWS documentation prints commands. */
  multiline?: boolean;
  /** For sim:PushImage's docker push line (defaults: the scenario defaults). */
  accountId?: string;
  region?: string;
}

/** What each sim: call stands for, in the comment (AWS has no API for these). */
const SIM_MEANING: Record<string, string> = {
  SetTraffic: 'simulated traffic',
  GetTraffic: 'simulated traffic',
  InjectFault: 'a simulated fault',
  ClearFault: 'a simulated fault',
  ListFaults: 'simulated faults',
  GetCost: 'estimated cost of the simulated account',
};

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
const SPECIAL_PLURAL = /[A-Z]{2,}s$/;

/** botocore's xform_name with "-": CreateService -> create-service, DBInstances -> db-instances. */
export function kebabCase(name: string): string {
  if (name.includes('-')) return name;
  let s = name;
  const special = SPECIAL_PLURAL.exec(s);
  if (special) s = `${s.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  return s.replace(FIRST_CAP, '$1-$2').replace(END_CAP, '$1-$2').toLowerCase();
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A word for a POSIX shell: as it is when nothing in it is special, else in single quotes. */
export function shellQuote(text: string): string {
  if (SAFE_WORD.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The words after `--name` for one parameter value, or undefined to leave it out. */
function valueWords(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return shellQuote(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.map((v) => (typeof v === 'string' ? shellQuote(v) : String(v))).join(' ');
  }
  return shellQuote(JSON.stringify(value));
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `[--flag, words?]` pairs for the input, with the CLI's customizations applied. */
function parameters(prefix: string, action: string, input: Record<string, unknown>): [string, string | undefined][] {
  const params: [string, string | undefined][] = [];
  const runInstances = prefix === 'ec2' && action === 'RunInstances';
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (runInstances && (key === 'MinCount' || key === 'MaxCount')) {
      if (key === 'MaxCount' && input.MinCount !== undefined) continue;
      const min = input.MinCount ?? input.MaxCount;
      const max = input.MaxCount ?? input.MinCount;
      params.push(['--count', min === max ? String(min) : `${String(min)}:${String(max)}`]);
      continue;
    }
    if (runInstances && key === 'UserData' && typeof value === 'string') {
      const text = decodeBase64(value);
      params.push(['--user-data', shellQuote(text ?? value)]);
      continue;
    }
    const flag = kebabCase(key);
    if (typeof value === 'boolean') {
      params.push([value ? `--${flag}` : `--no-${flag}`, undefined]);
      continue;
    }
    params.push([`--${flag}`, valueWords(value)]);
  }
  return params;
}

function simComment(action: string, input: unknown, options: CliOptions): string {
  const json = input === undefined ? '' : ` ${JSON.stringify(input)}`;
  if (action === 'PushImage' && isPlainObject(input) && typeof input.repositoryName === 'string') {
    const account = options.accountId ?? '123456789012';
    const region = options.region ?? 'us-east-1';
    const tag = typeof input.imageTag === 'string' ? `:${input.imageTag}` : '';
    return `# sim:PushImage (no AWS API: docker push ${account}.dkr.ecr.${region}.amazonaws.com/${input.repositoryName}${tag})${json}`;
  }
  const meaning = SIM_MEANING[action] ?? 'simulator only';
  return `# sim:${action} (no AWS API: ${meaning})${json}`;
}

/** The AWS CLI command for one API call. */
export function cliCommand(apiCall: ApiCall, options: CliOptions = {}): string {
  const colon = apiCall.call.indexOf(':');
  const prefix = colon < 0 ? '' : apiCall.call.slice(0, colon);
  const action = colon < 0 ? apiCall.call : apiCall.call.slice(colon + 1);
  if (prefix === 'sim') return simComment(action, apiCall.input, options);
  if (!prefix) return `# ${apiCall.call} (not an API call: write it as service:Action)`;
  const head = `aws ${prefix} ${kebabCase(action)}`;
  const input = isPlainObject(apiCall.input) ? apiCall.input : {};
  const parts = parameters(prefix, action, input).map(([flag, words]) => (words === undefined ? flag : `${flag} ${words}`));
  if (parts.length === 0) return head;
  return options.multiline ? [head, ...parts].join(' \\\n    ') : [head, ...parts].join(' ');
}

/** Several calls as a script, one command per paragraph line. */
export function cliScript(calls: readonly ApiCall[], options: CliOptions = {}): string {
  return calls.map((c) => cliCommand(c, options)).join('\n');
}
