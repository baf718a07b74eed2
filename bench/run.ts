/**
 * `npm run bench`: figures, measured side by side in this one run (never timed assertions).
 */
import { benchKernel } from './kernel';
import { benchPlacement } from './placement';
import { benchLargeWorld, printLargeWorld } from './large-world';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const kernel = benchKernel();
console.log(`Kernel event throughput, hold model, ${fmt(kernel.waiting)} events waiting, ${fmt(kernel.steps)} steps (best of 5 interleaved rounds):`);
console.log(`  kernel (typed-array heap, payloads, dispatch)  ${fmt(kernel.kernelPerSecond)} events/s`);
console.log(`  plain flat binary heap of times                 ${fmt(kernel.flatHeapPerSecond)} events/s`);
console.log(`  heap of objects with a comparator               ${fmt(kernel.objectHeapPerSecond)} events/s`);
console.log(`  ratio kernel / flat heap: ${fmt(kernel.ratioToFlatHeap, 2)}x (goal >= 0.8x); kernel / object heap: ${fmt(kernel.ratioToObjectHeap, 2)}x`);

const placement = benchPlacement();
console.log(`Placement, ${fmt(placement.tasks)} tasks one by one over ${fmt(placement.instances)} container instances [spread AZ, binpack memory]:`);
console.log(`  ${fmt(placement.microsPerTask, 1)} µs per placed task; heap kept per task ${fmt(placement.retainedBytesPerTask / 1024, 1)} KiB, of which its explanation ${fmt(placement.explanationBytesPerTask / 1024, 1)} KiB (after a full GC)`);

const largeWorld = benchLargeWorld();
printLargeWorld(largeWorld);
