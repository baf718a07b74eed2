import { describe, it, expect } from 'vitest';
import { TASK_STATUS_ORDER } from '../engine/world/types';
import { TASK_STATUS_TONE, taskStatusLook } from './status';

describe('task status colours', () => {
  it('colour starting tasks amber, activating blue, running green, stopping orange and stopped grey', () => {
    expect(TASK_STATUS_TONE).toMatchObject({
      PROVISIONING: 'amber',
      PENDING: 'amber',
      ACTIVATING: 'blue',
      RUNNING: 'green',
      DEACTIVATING: 'orange',
      STOPPING: 'orange',
      STOPPED: 'grey',
    });
  });

  it('give every lastStatus ECS reports a look', () => {
    for (const status of TASK_STATUS_ORDER) expect(taskStatusLook(status).chip).toMatch(/bg-/);
  });
});
