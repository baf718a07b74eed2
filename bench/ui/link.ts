/**
 * Prints, as one JSON line, the bench world as a share link hash (`#s=...`, opened paused at
 * PLAYHEAD_SECONDS like any share link) and what the canvas draws of it there: scripts/bench-ui.mjs
 * runs this with tsx and opens the built app at that hash.
 *
 * It also checks the world is what the bench claims: every scenario step succeeds, the canvas has
 * about 500 nodes, and every task is drawn as its own chip (none folded into counts).
 */
import { makeEnvelope } from '../../src/scenario/envelope';
import { shareHash, MAX_LINK_CHARS } from '../../src/scenario/link';
import { applyStep, createSimulation } from '../../src/scenario/run';
import { toGraph } from '../../src/ui/graph/toGraph';
import { largeScenario, PLAYHEAD_SECONDS, END_SECONDS } from './large-scenario';

export interface BenchWorld {
  hash: string;
  playhead: number;
  /** Canvas nodes and edges at the playhead, and their range over the rest of the scenario. */
  nodes: number;
  edges: number;
  nodesRange: [number, number];
  tasks: number;
}

function graphAt(sim: ReturnType<typeof createSimulation>) {
  const g = toGraph(sim.world, sim.now);
  return { nodes: g.nodes.length, edges: g.edges.length, summaries: g.nodes.filter((n) => n.type === 'taskSummary').length, tasks: g.nodes.filter((n) => n.type === 'task').length };
}

export function benchWorld(): BenchWorld {
  const sim = createSimulation(largeScenario);
  let atPlayhead: ReturnType<typeof graphAt> | undefined;
  let min = Infinity;
  let max = 0;
  const sample = () => {
    const g = graphAt(sim);
    if (g.summaries > 0) throw new Error(`bench world: tasks folded into counts at t=${sim.now} s (${g.tasks} chips): keep it below the collapse threshold`);
    min = Math.min(min, g.nodes);
    max = Math.max(max, g.nodes);
    return g;
  };
  for (const step of largeScenario.steps) {
    if (!('advance' in step)) {
      const result = applyStep(sim, structuredClone(step));
      if (result?.error) throw new Error(`bench world: ${result.call} failed at t=${result.at} s: ${result.error.code}: ${result.error.message}`);
      continue;
    }
    const end = sim.now + step.advance;
    // Sample every simulated minute from the playhead on.
    for (let t = Math.max(PLAYHEAD_SECONDS, Math.ceil(sim.now / 60) * 60); t <= end; t += 60) {
      sim.runUntil(t);
      if (t === PLAYHEAD_SECONDS) atPlayhead = sample();
      else sample();
    }
    sim.runUntil(end);
  }
  if (!atPlayhead || sim.now !== END_SECONDS) throw new Error('bench world: the scenario does not reach its playhead and end');
  const hash = shareHash(makeEnvelope(largeScenario, [], PLAYHEAD_SECONDS));
  if (hash.length > MAX_LINK_CHARS) throw new Error(`bench world: the link is ${hash.length} characters, over the ${MAX_LINK_CHARS} a link may have`);
  return { hash, playhead: PLAYHEAD_SECONDS, nodes: atPlayhead.nodes, edges: atPlayhead.edges, nodesRange: [min, max], tasks: atPlayhead.tasks };
}

if (process.argv[1]?.endsWith('link.ts')) console.log(JSON.stringify(benchWorld()));
