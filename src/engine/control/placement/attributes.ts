/** Reading container instance attributes (built-in ecs.* ones and custom ones from PutAttributes). */
import type { ContainerInstance } from '../../world/types';

/** The attribute's value; undefined when the instance lacks it or it has no value. */
export function attributeValue(ci: ContainerInstance, name: string): string | undefined {
  const attrs = ci.attributes;
  for (let i = 0; i < attrs.length; i++) if (attrs[i].name === name) return attrs[i].value;
  return undefined;
}

export const availabilityZoneOf = (ci: ContainerInstance) => attributeValue(ci, 'ecs.availability-zone') ?? '';

/** How many tasks of `group` hold resources on the instance (see control/resources.ts). */
export const groupCountOn = (ci: ContainerInstance, group: string) => ci.taskGroupCounts?.[group] ?? 0;
