/**
 * The headless runner: `npm run --silent sim -- FILE`.
 *
 * Reads a scenario file and prints one JSON object per line for each call, in order:
 *   {"at": SECONDS, "call": "ecs:DescribeServices", "output": {...}}
 *   {"at": SECONDS, "call": "...", "error": {"code": "ClientException", "message": "..."}}
 * A failing call is an error line and the run goes on. A malformed file (not JSON, not a
 * scenario, a step of the wrong shape) exits with status 2 and a message naming the step;
 * a missing file or a usage mistake exits with status 1. "-" reads the scenario from stdin.
 */
import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError } from '../scenario/schema';
import { runScenario } from '../scenario/run';

function fail(status: number, message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(status);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
  fail(1, 'usage: npm run --silent sim -- FILE   (FILE is a scenario JSON file, or - for stdin)');
}
const file = args[0];

let text: string;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (e) {
  fail(1, `cannot read ${file}: ${(e as Error).message}`);
}

let data: unknown;
try {
  data = JSON.parse(text);
} catch (e) {
  fail(2, `${file} is not valid JSON: ${(e as Error).message}`);
}

let scenario;
try {
  scenario = parseScenario(data);
} catch (e) {
  if (e instanceof ScenarioError) fail(2, `${file}: ${e.message}`);
  throw e;
}

const out: string[] = [];
const flush = () => {
  if (out.length) process.stdout.write(out.join(''));
  out.length = 0;
};
runScenario(scenario, (result) => {
  out.push(JSON.stringify(result) + '\n');
  if (out.length >= 256) flush();
});
flush();
