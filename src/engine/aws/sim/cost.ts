/**
 * sim:GetCost {}: what this account costs, as an estimate from us-east-1 list prices
 * (control/cost/prices.ts): the rate of what runs now (USD per hour) and what has accumulated
 * since time 0, by category, with one line per thing being billed now. The meter is the simulator's
 * (AWS's nearest thing is Cost Explorer, which reports a day later); it is labelled an estimate.
 */
import type { Simulation } from '../../simulation';
import type { CostCategory } from '../../world/fault-types';
import { accrueCost, COST_CATEGORIES, recordCost } from '../../control/cost/ledger';
import { billedSeconds, PRICES_AS_OF } from '../../control/cost/prices';

/** Dollars to a millionth of a cent's precision, so float noise does not show. */
const usd = (x: number) => Math.round(x * 1e8) / 1e8;

type ByCategory = Record<CostCategory, number> & { total: number };

const zero = (): ByCategory => ({ ec2: 0, fargate: 0, fargateSpot: 0, loadBalancers: 0, total: 0 });

export function getCost(sim: Simulation) {
  const ledger = accrueCost(sim);
  const runningPerHour = zero();
  const accumulated = zero();
  for (const c of COST_CATEGORIES) accumulated[c] = ledger.closed[c];
  const open = Object.values(ledger.open).sort((a, b) => a.start - b.start || (a.resource < b.resource ? -1 : 1));
  const lines = open.map((r) => {
    const cost = recordCost(r, sim.now);
    runningPerHour[r.category] += r.ratePerHour;
    accumulated[r.category] += cost;
    return {
      category: r.category,
      resource: r.resource,
      description: r.description,
      ratePerHour: usd(r.ratePerHour),
      runningSince: sim.date(r.start),
      billedSeconds: billedSeconds(sim.now - r.start, r.minimumSeconds, r.granularitySeconds),
      accumulated: usd(cost),
    };
  });
  for (const c of COST_CATEGORIES) {
    runningPerHour[c] = usd(runningPerHour[c]);
    accumulated[c] = usd(accumulated[c]);
  }
  runningPerHour.total = usd(COST_CATEGORIES.reduce((s, c) => s + runningPerHour[c], 0));
  accumulated.total = usd(COST_CATEGORIES.reduce((s, c) => s + accumulated[c], 0));
  return {
    estimate: true,
    currency: 'USD',
    pricesAsOf: PRICES_AS_OF,
    at: sim.date(sim.now),
    runningPerHour,
    accumulated,
    lines,
    notes: [
      'Estimates from us-east-1 on-demand list prices; no free tier, savings plans, data transfer, EBS volumes, public IPv4 addresses or taxes.',
      'EC2: per second while running, 60-second minimum. Fargate: per second from the image pull to STOPPED, 1-minute minimum; Fargate Spot 70% off.',
      'Load balancers: per hour or partial hour from creation; LCUs are not metered yet: counted as 0 LCU.',
    ],
  };
}

export const costActions = {
  'sim:GetCost': getCost,
};
