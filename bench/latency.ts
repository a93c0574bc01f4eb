/** Sequential GETs, alternating the two targets in small batches so machine noise hits both alike. */
export type LatencyResult = { label: string; direct: Stats; console: Stats; ratio: number };
export type Stats = { medianMs: number; p95Ms: number; n: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), n: sorted.length };
}
const round = (n: number) => Math.round(n * 100) / 100;

async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

export async function compareLatency(
  label: string,
  direct: string,
  viaConsole: string,
  cookie: string,
  directHeaders: Record<string, string> = {},
  rounds = 30,
  batch = 10,
): Promise<LatencyResult> {
  for (let i = 0; i < 20; i++) await timeOne(viaConsole, { cookie }); // warm the console's routes and caches
  const d: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < batch; i++) d.push(await timeOne(direct, directHeaders));
    for (let i = 0; i < batch; i++) c.push(await timeOne(viaConsole, { cookie }));
  }
  const ds = stats(d);
  const cs = stats(c);
  return { label, direct: ds, console: cs, ratio: round(cs.medianMs / ds.medianMs) };
}
