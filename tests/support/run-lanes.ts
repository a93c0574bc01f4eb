/**
 * Runs npm scripts in lanes: the lanes at once, each lane's scripts one after another. `npm test` uses
 * it to install the test tools (apt: network and disk) while the checks and the build use the CPU.
 * Usage: `tsx tests/support/run-lanes.ts a b -- c d` runs lane [a, b] beside lane [c, d]. Each line of
 * output is prefixed with its script's name; a failing script stops its lane, the other lanes finish the
 * script they are running and stop, and the exit code is the first failure's.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const lanes: string[][] = [[]];
for (const arg of process.argv.slice(2)) {
  if (arg === "--") lanes.push([]);
  else lanes[lanes.length - 1]!.push(arg);
}

let failure: { script: string; code: number } | null = null;

function runScript(script: string): Promise<number> {
  const child = spawn("npm", ["run", "-s", script], { stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    const out = stream === child.stdout ? process.stdout : process.stderr;
    createInterface({ input: stream }).on("line", (line) => out.write(`[${script}] ${line}\n`));
  }
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
}

async function runLane(scripts: string[]): Promise<void> {
  for (const script of scripts) {
    if (failure) return;
    const started = Date.now();
    const code = await runScript(script);
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`[${script}] ${code === 0 ? "done" : `failed (exit ${code})`} in ${seconds} s`);
    if (code !== 0) {
      failure ??= { script, code };
      return;
    }
  }
}

void Promise.all(lanes.filter((lane) => lane.length > 0).map(runLane)).then(() => {
  if (!failure) return;
  console.error(`${failure.script} failed: exit ${failure.code}`);
  process.exit(failure.code);
});
