/**
 * The AppSpec of an ECS deployment (CodeDeploy user guide, "AppSpec 'resources' section for
 * Amazon ECS deployments"), given as a JSON or YAML string in revision.appSpecContent.content:
 *
 *   version: 0.0
 *   Resources:
 *     - TargetService:
 *         Type: AWS::ECS::Service
 *         Properties:
 *           TaskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"
 *           LoadBalancerInfo:
 *             ContainerName: "app"
 *             ContainerPort: 80
 *
 * Optional: PlatformVersion, NetworkConfiguration.AwsvpcConfiguration {Subnets, SecurityGroups,
 * AssignPublicIp}. Hooks (Lambda functions) are not modelled: they are accepted and ignored.
 * The YAML reader covers block maps, block lists ("- "), flow lists ([a, b]) and plain or quoted
 * scalars: what AppSpec files use. Errors are InvalidRevisionException (our wording).
 */
import type { Simulation } from '../../simulation';
import type { EcsAppSpec } from '../../world/codedeploy-types';
import { AwsError } from '../errors';
import { findTaskDefinition } from '../ecs/task-definition-lookup';

const bad = (message: string) => new AwsError('InvalidRevisionException', `The AppSpec file is not valid: ${message}`);

function scalar(raw: string): unknown {
  const v = raw.trim();
  if (v === '') return null;
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
  if (v.startsWith('[') && v.endsWith(']')) return v.slice(1, -1).split(',').map((x) => scalar(x)).filter((x) => x !== null);
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

interface Line {
  indent: number;
  text: string;
}

function block(lines: Line[], start: number, indent: number): [unknown, number] {
  if (start >= lines.length) return [null, start];
  if (lines[start].text.startsWith('- ') || lines[start].text === '-') {
    const list: unknown[] = [];
    let i = start;
    while (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith('-')) {
      const rest = lines[i].text.slice(1).trimStart();
      if (rest === '') {
        const [v, next] = block(lines, i + 1, lines[i + 1]?.indent ?? indent + 2);
        list.push(v);
        i = next;
      } else if (/^[^"'[][^:]*:(\s|$)/.test(rest)) {
        // "- key: value" starts a map whose keys sit at the column after "- ".
        const inner = indent + (lines[i].text.length - rest.length);
        const sub = [{ indent: inner, text: rest }, ...lines.slice(i + 1)];
        const [v, consumed] = block(sub, 0, inner);
        list.push(v);
        i = i + consumed;
      } else {
        list.push(scalar(rest));
        i++;
      }
    }
    return [list, i];
  }
  const map: Record<string, unknown> = {};
  let i = start;
  while (i < lines.length && lines[i].indent === indent) {
    const m = /^([^:]+):(?:\s+(.*))?$/.exec(lines[i].text);
    if (!m) throw bad(`cannot read line "${lines[i].text}".`);
    const key = String(scalar(m[1]));
    if (m[2] !== undefined && m[2].trim() !== '') {
      map[key] = scalar(m[2]);
      i++;
    } else if (i + 1 < lines.length && lines[i + 1].indent > indent) {
      const [v, next] = block(lines, i + 1, lines[i + 1].indent);
      map[key] = v;
      i = next;
    } else if (i + 1 < lines.length && lines[i + 1].indent === indent && lines[i + 1].text.startsWith('- ')) {
      const [v, next] = block(lines, i + 1, indent);
      map[key] = v;
      i = next;
    } else {
      map[key] = null;
      i++;
    }
  }
  return [map, i];
}

export function parseYamlSubset(text: string): unknown {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+#.*$/, ''))
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#') && l.trim() !== '---')
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  if (lines.length === 0) return null;
  return block(lines, 0, lines[0].indent)[0];
}

const obj = (v: unknown): Record<string, any> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {});

export function parseAppSpec(sim: Simulation, content: string): EcsAppSpec {
  let doc: unknown;
  const trimmed = content.trim();
  try {
    doc = trimmed.startsWith('{') ? JSON.parse(trimmed) : parseYamlSubset(trimmed);
  } catch (e) {
    if (e instanceof AwsError) throw e;
    throw bad('it is neither valid JSON nor YAML.');
  }
  const resources = obj(doc).Resources;
  if (!Array.isArray(resources) || resources.length === 0) throw bad('Resources must list one TargetService.');
  const target = obj(obj(resources[0]).TargetService);
  if (target.Type !== 'AWS::ECS::Service') throw bad('the TargetService Type must be AWS::ECS::Service.');
  const props = obj(target.Properties);
  if (typeof props.TaskDefinition !== 'string') throw bad('Properties.TaskDefinition is required.');
  const td = findTaskDefinition(sim.world, props.TaskDefinition);
  if (!td || td.status !== 'ACTIVE') throw bad(`the task definition ${props.TaskDefinition} does not exist or is not ACTIVE.`);
  const lb = obj(props.LoadBalancerInfo);
  if (typeof lb.ContainerName !== 'string' || typeof lb.ContainerPort !== 'number') throw bad('Properties.LoadBalancerInfo needs ContainerName and ContainerPort.');
  const container = td.containerDefinitions.find((c) => c.name === lb.ContainerName);
  if (!container) throw bad(`the container ${lb.ContainerName} is not in task definition ${td.family}:${td.revision}.`);
  if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.ContainerPort)) throw bad(`the container ${lb.ContainerName} does not map container port ${lb.ContainerPort}.`);
  const net = obj(obj(props.NetworkConfiguration).AwsvpcConfiguration);
  return {
    taskDefinition: td.taskDefinitionArn,
    containerName: lb.ContainerName,
    containerPort: lb.ContainerPort,
    ...(typeof props.PlatformVersion === 'string' ? { platformVersion: props.PlatformVersion } : {}),
    ...(Array.isArray(net.Subnets)
      ? { networkConfiguration: { awsvpcConfiguration: { subnets: net.Subnets.map(String), securityGroups: (net.SecurityGroups ?? []).map(String), assignPublicIp: net.AssignPublicIp === 'ENABLED' ? 'ENABLED' : 'DISABLED' } } }
      : {}),
  };
}
