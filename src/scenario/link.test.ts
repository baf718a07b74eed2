import { describe, it, expect } from 'vitest';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { decodeEnvelope, encodeEnvelope, envelopeFromData, LinkError, MAX_LINK_CHARS, payloadOf, shareHash } from './link';
import { makeEnvelope, type Command } from './envelope';
import { defaultScenario } from './default';
import type { Scenario } from './schema';

const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0b2c3d4e5f6071829', 'subnet-0c3d4e5f607182930'];
const TARGET_GROUP = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/6d0ecf831eec9f09`;

/** Ten services as a learner would create them: Fargate and EC2, some behind a load balancer. */
const tenServices: Scenario = {
  name: 'Ten services',
  seed: 1,
  region: 'us-east-1',
  accountId: '123456789012',
  steps: [
    { call: 'ecs:CreateCluster', input: { clusterName: 'prod' } },
    ...['web', 'api', 'auth', 'cart', 'search', 'orders', 'users', 'billing', 'mail', 'reports'].map((name, i) => ({
      call: 'ecs:CreateService',
      input: {
        cluster: 'prod',
        serviceName: name,
        taskDefinition: `${name}:${(i % 3) + 1}`,
        desiredCount: 2 + (i % 4),
        ...(i % 2 === 0
          ? {
              launchType: 'FARGATE',
              networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS, securityGroups: [`sg-0${i}f1e2d3c4b5a6978`], assignPublicIp: 'DISABLED' } },
            }
          : { launchType: 'EC2', placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] }),
        ...(i < 4 ? { loadBalancers: [{ targetGroupArn: TARGET_GROUP(name), containerName: name, containerPort: 80 }], healthCheckGracePeriodSeconds: 60 } : {}),
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
        enableECSManagedTags: true,
        propagateTags: 'SERVICE',
      },
    })),
  ],
};

const twentyCommands: Command[] = Array.from({ length: 20 }, (_, i) => {
  const at = 120 + i * 37.5;
  const service = ['web', 'api', 'auth', 'cart', 'search'][i % 5];
  if (i % 4 === 0) return { at, call: 'ecs:UpdateService', input: { cluster: 'prod', service, desiredCount: 3 + (i % 5) } };
  if (i % 4 === 1) return { at, call: 'ecs:UpdateService', input: { cluster: 'prod', service, taskDefinition: `${service}:${2 + (i % 3)}`, forceNewDeployment: true } };
  if (i % 4 === 2) return { at, call: 'ecs:RunTask', input: { cluster: 'prod', taskDefinition: 'web', count: 1 + (i % 3), launchType: 'EC2' } };
  return { at, call: 'sim:PushImage', input: { repositoryName: 'web', imageTag: `v${i}` } };
});

const envelope = makeEnvelope(tenServices, twentyCommands, 812.5);

/** A payload made by hand: the bytes deflated and base64url-encoded, bypassing encodeEnvelope's checks. */
function payload(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function linkError(text: string): string {
  try {
    decodeEnvelope(text);
  } catch (e) {
    expect(e).toBeInstanceOf(LinkError);
    return (e as Error).message;
  }
  throw new Error('the link was accepted');
}

describe('a share link', () => {
  it('round-trips a session exactly: scenario, commands and playhead', () => {
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
  });

  it('keeps fields it does not know (a newer app added them) through a round trip', () => {
    const extra = { ...envelope, theme: 'dark', scenario: { ...envelope.scenario, author: 'kim' } };
    const back = decodeEnvelope(encodeEnvelope(extra));
    expect(back.theme).toBe('dark');
    expect(back.scenario.author).toBe('kim');
  });

  it('fills defaults: no commands and playhead 0 when a hand-written session leaves them out', () => {
    const back = envelopeFromData({ format: 'ecs-sandbox', version: 1, scenario: { steps: [] } }, 'file');
    expect(back).toMatchObject({ commands: [], playhead: 0, scenario: { seed: 1, region: 'us-east-1', accountId: '123456789012' } });
  });

  it('for ten services and twenty edits, fits in 2,000 characters', () => {
    const link = shareHash(envelope);
    const plain = payload(deflateSync(new TextEncoder().encode(JSON.stringify(envelope)), { level: 9 }));
    console.log(`ten services + twenty commands: ${JSON.stringify(envelope).length} bytes of JSON, ${plain.length} characters deflated, ${link.length} with the dictionary`);
    expect(link.length).toBeLessThanOrEqual(2000);
  });

  it('is found in a hash or a whole URL', () => {
    expect(payloadOf('#s=abc')).toBe('abc');
    expect(payloadOf('https://example.com/app/?x=1#s=abc')).toBe('abc');
    expect(payloadOf('#other=1')).toBeUndefined();
  });

  it('round-trips any session, as a property', () => {
    const command = fc.record({ at: fc.nat({ max: 10_000 }), call: fc.constantFrom('ecs:RunTask', 'ecs:UpdateService', 'sim:PushImage'), input: fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'), fc.jsonValue({ maxDepth: 2 })) });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 15 }), fc.string(), fc.nat({ max: 86_400 }), (commands, name, playhead) => {
        const sorted = [...commands].sort((a, b) => a.at - b.at);
        const env = makeEnvelope({ ...defaultScenario, name }, sorted, playhead);
        expect(decodeEnvelope(encodeEnvelope(env))).toEqual(JSON.parse(JSON.stringify(env)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('a corrupt share link fails loudly, saying what is wrong', () => {
  const good = encodeEnvelope(envelope);

  it('a character base64url does not use', () => {
    expect(linkError(good.slice(0, 10) + '%' + good.slice(11))).toMatch(/damaged: "%" at position 11/);
  });

  it('a truncated link', () => {
    expect(linkError(good.slice(0, Math.floor(good.length / 2)))).toMatch(/incomplete/);
    expect(linkError(good.slice(0, good.length - 5))).toMatch(/incomplete/);
  });

  it('data that is not deflate', () => {
    expect(linkError(payload(new TextEncoder().encode('{"format":"ecs-sandbox"}')))).toMatch(/damaged: its data is not a compressed ECS Sandbox session/);
  });

  it('a link longer than 100 KB', () => {
    expect(linkError('A'.repeat(MAX_LINK_CHARS + 1))).toMatch(/too large: 100,001 characters/);
  });

  it('a decompression bomb (tiny link, huge content)', () => {
    const bomb = deflateSync(new Uint8Array(50 * 1024 * 1024), { level: 9 });
    expect(linkError(payload(bomb))).toMatch(/too large: its session unpacks to more than 1 MiB/);
  });

  it('content that is not JSON', () => {
    expect(linkError(payload(deflateSync(new TextEncoder().encode('{"format": "ecs-sandbox", '))))).toMatch(/damaged: its session is not valid JSON/);
  });

  it('JSON that is not an ECS Sandbox session', () => {
    expect(linkError(encodeEnvelope({ ...envelope, format: 'excalidraw' as 'ecs-sandbox' }))).toMatch(/not an ECS Sandbox session \(format is "excalidraw"/);
  });

  it('a session from a future version', () => {
    expect(linkError(encodeEnvelope({ ...envelope, version: 7 as 1 }))).toMatch(/newer ECS Sandbox \(format version 7; this one reads up to version 1\)/);
  });

  it('a schema error names the field', () => {
    const bad = { ...envelope, commands: [{ at: -1, call: 'ecs:RunTask', input: {} }] };
    expect(linkError(encodeEnvelope(bad))).toMatch(/commands\.0\.at: at must be simulated seconds >= 0/);
    const badStep = { ...envelope, scenario: { ...envelope.scenario, steps: [{ advance: 'soon' }] } };
    expect(linkError(encodeEnvelope(badStep as never))).toMatch(/scenario: step 1/);
  });
});
