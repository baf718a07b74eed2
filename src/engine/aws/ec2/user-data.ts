/**
 * User data as EC2 takes it (base64) and what the ECS container agent reads from it: the
 * ECS-optimized AMI's user data usually writes agent settings into /etc/ecs/ecs.config, e.g.
 *
 *   #!/bin/bash
 *   echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config
 *
 * We read KEY=value lines anywhere in the text (shell echo, cloud-init write_files, a plain
 * ecs.config). When a key is written more than once the last one wins, as in an env file.
 */
import { AwsError } from '../errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 user data; EC2 answers "Invalid BASE64 encoding of user data." otherwise. */
export function decodeUserData(base64: string): string {
  const compact = base64.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 === 1) {
    throw new AwsError('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
  }
  const binary = atob(compact);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** UTF-8 text -> base64, as the SDK's callers send user data. */
export function encodeUserData(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The last value of an ecs.config setting in the user data, without quotes. */
export function agentSetting(userDataText: string, key: string): string | undefined {
  const pattern = new RegExp(`(?:^|[\\s"';])${key}=("[^"]*"|'[^']*'|[^\\s"';>]*)`, 'g');
  let value: string | undefined;
  for (const m of userDataText.matchAll(pattern)) value = m[1].replace(/^["']|["']$/g, '');
  return value;
}

export interface AgentConfig {
  /** ECS_CLUSTER, or undefined when the user data does not set it (the agent then uses "default"). */
  cluster?: string;
  /** ECS_RESERVED_MEMORY in MiB (default 0). */
  reservedMemoryMiB: number;
}

/** The agent settings of an instance's (base64) user data. */
export function agentConfig(base64UserData: string | undefined): AgentConfig {
  if (!base64UserData) return { reservedMemoryMiB: 0 };
  let text: string;
  try {
    text = decodeUserData(base64UserData);
  } catch {
    return { reservedMemoryMiB: 0 };
  }
  const cluster = agentSetting(text, 'ECS_CLUSTER') || undefined;
  const reserved = Number(agentSetting(text, 'ECS_RESERVED_MEMORY') ?? 0);
  return { cluster, reservedMemoryMiB: Number.isInteger(reserved) && reserved > 0 ? reserved : 0 };
}
