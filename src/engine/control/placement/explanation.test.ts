import { describe, it, expect } from 'vitest';
import { Simulation } from '../../simulation';
import { addContainerInstance, addTaskDefinition, ensureCluster, type InstanceSpec } from '../../testing/placement-fixtures';
import { COMPACT_FINALIST_ROWS, COMPACT_KEPT_ARNS, FULL_TABLE_MAX_INSTANCES } from './explanation';
import { placeTask, type PlacementStrategy } from './place';

function cluster(specs: InstanceSpec[]) {
  const sim = new Simulation({ seed: 3 });
  const clusterArn = ensureCluster(sim.world, 'default');
  const instances = specs.map((s) => addContainerInstance(sim.world, s));
  return { sim, clusterArn, instances };
}

const many = (n: number, spec: (i: number) => InstanceSpec = () => ({})) => Array.from({ length: n }, (_, i) => spec(i));
const SPREAD_AZ_BINPACK: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'binpack', field: 'memory' },
];

function decide(sim: Simulation, clusterArn: string, placementStrategy: PlacementStrategy[] = [], memory = 512) {
  const td = addTaskDefinition(sim.world, { containerDefinitions: [{ name: 'app', image: 'nginx', cpu: 128, memory }] });
  return placeTask(sim, { clusterArn, taskDefinition: td, group: 'family:web', placementConstraints: [], placementStrategy });
}

describe('the explanation kept on a placed task stays small in a large cluster', () => {
  it(`keeps a row per container instance in a cluster of up to ${FULL_TABLE_MAX_INSTANCES} instances`, () => {
    const { sim, clusterArn } = cluster(many(FULL_TABLE_MAX_INSTANCES));
    const d = decide(sim, clusterArn);
    expect(d.explanation.candidates).toHaveLength(FULL_TABLE_MAX_INSTANCES);
    expect(d.explanation.rejectedCounts).toBeUndefined();
    expect(d.explanation.candidatesOmitted).toBeUndefined();
  });

  it('above that, keeps the finalists, one example per rejection reason and the counts by reason', () => {
    // 300 instances: every 3rd short of memory, every 5th disconnected (AGENT wins over memory: it is checked first).
    const specs = many(300, (i) => ({ memory: i % 3 === 0 ? 256 : 4096, agentConnected: i % 5 !== 0 }));
    const { sim, clusterArn, instances } = cluster(specs);
    const d = decide(sim, clusterArn, SPREAD_AZ_BINPACK);
    const e = d.explanation;
    const agent = specs.filter((s) => !s.agentConnected).length;
    const memory = specs.filter((s) => s.agentConnected && s.memory === 256).length;
    expect(e.rejectedCounts).toEqual({ AGENT: agent, 'RESOURCE:MEMORY': memory });

    const rejectedRows = e.candidates.filter((c) => c.rejectedBy);
    expect(rejectedRows.map((c) => c.rejectedBy)).toEqual(['AGENT', 'RESOURCE:MEMORY']);
    expect(rejectedRows[0].containerInstanceArn).toBe(instances[0].containerInstanceArn); // the first one rejected for it
    expect(rejectedRows[1].detail).toBe('needs 512 MiB, 256 MiB left');

    const finalistRows = e.candidates.filter((c) => !c.rejectedBy);
    expect(finalistRows.length).toBeLessThanOrEqual(COMPACT_FINALIST_ROWS);
    expect(finalistRows.map((c) => c.containerInstanceArn)).toContain(d.containerInstanceArn);
    expect(e.candidatesOmitted).toBe(300 - e.candidates.length);
    expect(e.summary).toContain(`${300 - agent - memory} of 300 container instances met its requirements`);
  });

  it('lists at most a few ARNs per strategy step and says how many the step kept', () => {
    const { sim, clusterArn } = cluster(many(120));
    const e = decide(sim, clusterArn, SPREAD_AZ_BINPACK).explanation;
    // 120 empty instances over 6 AZs: the AZ spread keeps all 120 (no AZ has a task), binpack keeps the 120 ties.
    expect(e.strategy.map((s) => [s.kept.length, s.keptCount])).toEqual([
      [COMPACT_KEPT_ARNS, 120],
      [COMPACT_KEPT_ARNS, 120],
    ]);
    expect(e.summary).toContain('a random pick among the 120 equally good instances');
  });

  it('still chooses by the strategies and keeps the chosen row: binpack memory picks the tightest fit among 100', () => {
    const { sim, clusterArn, instances } = cluster(many(100, (i) => ({ memory: i === 73 ? 600 : 4096 + i })));
    const d = decide(sim, clusterArn, [{ type: 'binpack', field: 'memory' }]);
    expect(d.containerInstanceArn).toBe(instances[73].containerInstanceArn);
    expect(d.explanation.chosen).toBe(instances[73].containerInstanceArn);
    expect(d.explanation.candidates).toEqual([{ containerInstanceArn: instances[73].containerInstanceArn, ec2InstanceId: instances[73].ec2InstanceId, availabilityZone: 'us-east-1b' }]);
    expect(d.explanation.strategy[0].note).toBe('binpack memory picked the instance with the least memory left (88 MiB after this task)');
  });

  it('keeps every row of a failed placement, whatever the size: RunTask reports a failure per container instance', () => {
    const { sim, clusterArn } = cluster(many(80, () => ({ memory: 256 })));
    const d = decide(sim, clusterArn);
    expect(d.failureReason).toBe('RESOURCE:MEMORY');
    expect(d.explanation.candidates).toHaveLength(80);
    expect(d.explanation.rejectedCounts).toBeUndefined();
  });
});
