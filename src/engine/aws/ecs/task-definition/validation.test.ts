/**
 * Every RegisterTaskDefinition check, from the AWS fact, with ECS's exception name and message.
 * Each row registers a definition that differs from a valid one in one respect only.
 */
import { describe, it, expect } from 'vitest';
import { sandbox } from '../../../testing/harness';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const app = (extra: Record<string, unknown> = {}) => ({ name: 'app', image: 'nginx:latest', memory: 512, ...extra });
const ec2 = (extra: Record<string, unknown> = {}) => ({ family: 'web', containerDefinitions: [app()], ...extra });
const fargate = (extra: Record<string, unknown> = {}) => ({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'nginx:latest' }],
  ...extra,
});

const rejected: [string, Record<string, unknown>, string, string][] = [
  // family
  ['a family is required', ec2({ family: undefined }), 'ClientException', 'Family can not be blank.'],
  ['a family has only letters, digits, _ and -', ec2({ family: 'web.app' }), 'ClientException', 'Family contains invalid characters.'],
  ['a family has at most 255 characters', ec2({ family: 'a'.repeat(256) }), 'ClientException', 'at most 255 characters'],
  // containers
  ['there is at least one container', ec2({ containerDefinitions: [] }), 'ClientException', 'Container list cannot be empty.'],
  ['there are at most 10 containers', ec2({ containerDefinitions: Array.from({ length: 11 }, (_, i) => app({ name: `c${i}` })) }), 'ClientException', 'at most 10 containers'],
  ['every container has a name', ec2({ containerDefinitions: [app({ name: undefined })] }), 'ClientException', 'Container.name should not be null or empty.'],
  ['container names use letters, digits, _ and -', ec2({ containerDefinitions: [app({ name: 'my app' })] }), 'ClientException', 'Container.name contains invalid characters.'],
  ['container names are unique', ec2({ containerDefinitions: [app(), app()] }), 'ClientException', 'Container names must be unique within a Task Definition.'],
  ['every container has an image', ec2({ containerDefinitions: [app({ image: '' })] }), 'ClientException', 'Container.image should not be null or empty.'],
  [
    'without task memory a container needs memory or memoryReservation',
    ec2({ containerDefinitions: [app({ memory: undefined })] }),
    'ClientException',
    "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
  ],
  ['memory is not below memoryReservation', ec2({ containerDefinitions: [app({ memory: 256, memoryReservation: 512 })] }), 'ClientException', "'memory' must be greater than or equal to 'memoryReservation'"],
  ['a container memory fits in the task memory', ec2({ memory: '256', containerDefinitions: [app({ memory: 512 })] }), 'ClientException', "The 'memory' setting for container 'app' is greater than for the task."],
  [
    'container memoryReservations fit in the task memory',
    ec2({ memory: '512', containerDefinitions: [app({ name: 'a', memory: undefined, memoryReservation: 300 }), app({ name: 'b', memory: undefined, memoryReservation: 300 })] }),
    'ClientException',
    "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
  ],
  ['container cpu fits in the task cpu', ec2({ cpu: '256', containerDefinitions: [app({ cpu: 512 })] }), 'ClientException', "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."],
  ['task cpu is readable', ec2({ cpu: 'lots' }), 'InvalidParameterException', "Invalid 'cpu' setting for task."],
  ['task cpu is at least 128 units', ec2({ cpu: '64' }), 'InvalidParameterException', "Invalid 'cpu' setting for task."],
  ['task memory is readable', ec2({ memory: '2 TBs' }), 'InvalidParameterException', "Invalid 'memory' setting for task."],
  // essential and dependsOn
  ['at least one container is essential', ec2({ containerDefinitions: [app({ essential: false })] }), 'ClientException', "Task definition doesn't have any essential container."],
  [
    'COMPLETE and SUCCESS may not target an essential container',
    ec2({ containerDefinitions: [app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }), app({ name: 'init' })] }),
    'ClientException',
    'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
  ],
  [
    'HEALTHY needs a health check on the target',
    ec2({ containerDefinitions: [app({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }), app({ name: 'db' })] }),
    'ClientException',
    'HEALTHY condition must have a health check',
  ],
  ['dependsOn names a container of the task', ec2({ containerDefinitions: [app({ dependsOn: [{ containerName: 'ghost', condition: 'START' }] })] }), 'ClientException', "'ghost'"],
  ['dependsOn conditions are START, COMPLETE, SUCCESS or HEALTHY', ec2({ containerDefinitions: [app({ dependsOn: [{ containerName: 'b', condition: 'READY' }] }), app({ name: 'b' })] }), 'ClientException', 'START, COMPLETE, SUCCESS, HEALTHY'],
  [
    'dependencies may not form a cycle',
    ec2({ containerDefinitions: [app({ name: 'a', dependsOn: [{ containerName: 'b', condition: 'START' }] }), app({ name: 'b', dependsOn: [{ containerName: 'a', condition: 'START' }] })] }),
    'ClientException',
    'cycle: a -> b -> a',
  ],
  // health check ranges
  ['a health check has a command', ec2({ containerDefinitions: [app({ healthCheck: { command: [] } })] }), 'ClientException', 'healthCheck.command'],
  ['health check interval is 5-300 s', ec2({ containerDefinitions: [app({ healthCheck: { command: ['CMD', 'true'], interval: 4 } })] }), 'ClientException', 'healthCheck.interval must be between 5 and 300 seconds'],
  ['health check timeout is 2-60 s', ec2({ containerDefinitions: [app({ healthCheck: { command: ['CMD', 'true'], timeout: 61 } })] }), 'ClientException', 'healthCheck.timeout must be between 2 and 60 seconds'],
  ['health check retries are 1-10', ec2({ containerDefinitions: [app({ healthCheck: { command: ['CMD', 'true'], retries: 11 } })] }), 'ClientException', 'healthCheck.retries must be between 1 and 10'],
  ['health check startPeriod is 0-300 s', ec2({ containerDefinitions: [app({ healthCheck: { command: ['CMD', 'true'], startPeriod: 301 } })] }), 'ClientException', 'healthCheck.startPeriod must be between 0 and 300 seconds'],
  // network modes and ports
  ['networkMode is bridge, host, awsvpc or none', ec2({ networkMode: 'nat' }), 'ClientException', "Invalid networkMode 'nat'"],
  [
    'in awsvpc mode hostPort equals containerPort',
    ec2({ networkMode: 'awsvpc', containerDefinitions: [app({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] }),
    'ClientException',
    'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
  ],
  [
    'in host mode hostPort equals containerPort',
    ec2({ networkMode: 'host', containerDefinitions: [app({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] }),
    'ClientException',
    'When networkMode=host, the host ports and container ports in port mappings must match.',
  ],
  ['containerPort is 1-65535', ec2({ containerDefinitions: [app({ portMappings: [{ containerPort: 70000 }] })] }), 'ClientException', "'containerPort' between 1 and 65535"],
  ['protocol is tcp or udp', ec2({ containerDefinitions: [app({ portMappings: [{ containerPort: 80, protocol: 'sctp' }] })] }), 'ClientException', 'tcp or udp'],
  ['hostname is not allowed in awsvpc mode', ec2({ networkMode: 'awsvpc', containerDefinitions: [app({ hostname: 'box' })] }), 'ClientException', 'hostname is not supported on container when networkMode=awsvpc.'],
  ['links need bridge mode', ec2({ networkMode: 'awsvpc', containerDefinitions: [app({ links: ['db'] })] }), 'ClientException', 'Links are not supported when networkMode=awsvpc.'],
  ['requiresCompatibilities are EC2, FARGATE or EXTERNAL', ec2({ requiresCompatibilities: ['LAMBDA'] }), 'ClientException', "Invalid requiresCompatibilities value 'LAMBDA'"],
  ['log drivers are the ones ECS knows', ec2({ containerDefinitions: [app({ logConfiguration: { logDriver: 'stdout' } })] }), 'ClientException', 'logConfiguration.logDriver must be one of'],
  // Fargate
  ['Fargate needs awsvpc', fargate({ networkMode: 'bridge' }), 'ClientException', 'Fargate only supports network mode \u2018awsvpc\u2019.'],
  ['Fargate needs awsvpc (bridge is the default)', fargate({ networkMode: undefined }), 'ClientException', 'Fargate only supports network mode'],
  ['Fargate needs a task-level cpu', fargate({ cpu: undefined }), 'ClientException', "Fargate requires that 'cpu' be defined at the task level."],
  ['Fargate needs a task-level memory', fargate({ memory: undefined, containerDefinitions: [app()] }), 'ClientException', "Fargate requires that 'memory' be defined at the task level."],
  ['Fargate cpu/memory is one of the valid pairs', fargate({ cpu: '1024', memory: '1024' }), 'ClientException', 'No Fargate configuration exists for given values: 1024 CPU, 1024 memory.'],
  ['Fargate cpu is one of the valid values', fargate({ cpu: '300', memory: '1024' }), 'ClientException', 'No Fargate configuration exists for given values: 300 CPU'],
  ['Fargate allows awslogs, splunk and awsfirelens only', fargate({ containerDefinitions: [app({ memory: undefined, logConfiguration: { logDriver: 'json-file' } })] }), 'ClientException', 'Log driver json-file is not supported on Fargate'],
  [
    'Fargate awslogs needs an execution role',
    fargate({ containerDefinitions: [app({ memory: undefined, logConfiguration: { logDriver: 'awslogs', options: {} } })] }),
    'ClientException',
    'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
  ],
  ['Fargate does not allow privileged containers', fargate({ containerDefinitions: [app({ memory: undefined, privileged: true })] }), 'ClientException', 'do not support privileged'],
  ['Fargate does not allow devices', fargate({ containerDefinitions: [app({ memory: undefined, linuxParameters: { devices: [{ hostPath: '/dev/xvdf' }] } })] }), 'ClientException', 'do not support devices'],
  ['Fargate does not allow placement constraints', fargate({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == t3.micro' }] }), 'ClientException', 'do not support placementConstraints'],
  ['Fargate does not allow ipcMode', fargate({ ipcMode: 'host' }), 'ClientException', 'Tasks using the Fargate launch type do not support ipcMode.'],
  ['Fargate stopTimeout is at most 120 s', fargate({ containerDefinitions: [app({ memory: undefined, stopTimeout: 121 })] }), 'ClientException', 'at most 120 seconds'],
  ['ephemeral storage is 21-200 GiB', fargate({ ephemeralStorage: { sizeInGiB: 20 } }), 'ClientException', "Invalid 'ephemeralStorage' setting for task."],
  ['ephemeral storage is at most 200 GiB', fargate({ ephemeralStorage: { sizeInGiB: 201 } }), 'ClientException', 'from 21 to 200'],
  ['task definition placement constraints are memberOf', ec2({ placementConstraints: [{ type: 'distinctInstance' }] }), 'ClientException', 'accept only memberOf'],
  ['role ARNs are well formed', ec2({ executionRoleArn: 'arn:aws:iam::12:role/x' }), 'ClientException', 'Invalid arn syntax.'],
];

describe('RegisterTaskDefinition rejects invalid input as ECS does', () => {
  for (const [fact, input, code, message] of rejected) {
    it(`${fact}: ${code}`, () => {
      const s = sandbox();
      const error = s.error('ecs:RegisterTaskDefinition', input);
      expect(error.code).toBe(code);
      expect(error.message).toContain(message);
      expect(s.world.taskDefinitions).toEqual({});
      expect(s.world.taskDefinitionFamilies).toEqual({});
    });
  }
});

describe('RegisterTaskDefinition accepts the edges of what ECS allows', () => {
  const accepted: [string, Record<string, unknown>][] = [
    ['a 255-character family', ec2({ family: 'a'.repeat(255) })],
    ['10 containers', ec2({ containerDefinitions: Array.from({ length: 10 }, (_, i) => app({ name: `c${i}` })) })],
    ['task memory instead of container memory', ec2({ memory: '1024', containerDefinitions: [app({ memory: undefined })] })],
    ['memoryReservation alone', ec2({ containerDefinitions: [app({ memory: undefined, memoryReservation: 128 })] })],
    ['memory equal to memoryReservation', ec2({ containerDefinitions: [app({ memory: 256, memoryReservation: 256 })] })],
    ['awsvpc without hostPort', ec2({ networkMode: 'awsvpc', containerDefinitions: [app({ portMappings: [{ containerPort: 80 }] })] })],
    ['a static bridge hostPort', ec2({ containerDefinitions: [app({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] })],
    ['a non-essential container beside an essential one', ec2({ containerDefinitions: [app(), app({ name: 'sidecar', essential: false })] })],
    [
      'SUCCESS on a non-essential init container',
      ec2({ containerDefinitions: [app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }), app({ name: 'init', essential: false })] }),
    ],
    [
      'HEALTHY on a container with a health check',
      ec2({ containerDefinitions: [app({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }), app({ name: 'db', healthCheck: { command: ['CMD', 'true'] } })] }),
    ],
    ['Fargate 16 vCPU with 120 GB', fargate({ cpu: '16 vCPU', memory: '120 GB' })],
    ['Fargate 8 vCPU with 60 GB', fargate({ cpu: '8192', memory: '61440' })],
    ['Fargate 0.25 vCPU with 2 GB', fargate({ cpu: '0.25 vcpu', memory: '2GB' })],
    ['Fargate awslogs with an execution role', fargate({ executionRoleArn: ROLE, containerDefinitions: [{ name: 'app', image: 'nginx', logConfiguration: { logDriver: 'awslogs', options: {} } }] })],
    ['Fargate stopTimeout 120 s', fargate({ containerDefinitions: [{ name: 'app', image: 'nginx', stopTimeout: 120 }] })],
    ['Fargate ephemeral storage 200 GiB', fargate({ ephemeralStorage: { sizeInGiB: 200 } })],
    ['EC2 stopTimeout above 120 s', ec2({ containerDefinitions: [app({ stopTimeout: 600 })] })],
    ['privileged on EC2', ec2({ containerDefinitions: [app({ privileged: true })] })],
    ['a role short name', ec2({ taskRoleArn: 'myTaskRole' })],
  ];
  for (const [what, input] of accepted) {
    it(what, () => {
      const result = sandbox().sim.call('ecs:RegisterTaskDefinition', input);
      expect(result.error).toBeUndefined();
    });
  }
});
