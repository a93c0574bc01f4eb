import { describe, expect, it } from "vitest";
import type { FunctionDto } from "@/lib/dto/function";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { csvField, toCsv } from "@/server/dashboard/csv";
import { exportFileName } from "@/server/dashboard/export";
import { functionRow, topErrorFunctions, totalsOf, workspaceRow } from "@/server/dashboard/figures";
import { mapSettledLimit } from "@/server/dashboard/map-limit";
import { SharedCache } from "@/server/dashboard/shared-cache";

const ws = (id: string, extra: Partial<WorkspaceDto> = {}): WorkspaceDto => ({
  id,
  name: `name-${id}`,
  description: null,
  createdAt: "2025-12-07T12:00:00+09:00",
  functionCount: 0,
  invocations24h: 0,
  errorRate: 0,
  ...extra,
});
const fn = (id: string, invocations: number, errors: number, avg: number): FunctionDto => ({
  id,
  workspaceId: "w",
  name: id,
  description: null,
  runtime: "Python 3.12",
  memory: 128,
  timeout: 10,
  httpMethods: ["POST"],
  environmentVariables: {},
  code: "",
  invocationUrl: null,
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  lastDeployed: null,
  invocations24h: invocations,
  errors24h: errors,
  avgDuration: avg,
});

describe("dashboard figures", () => {
  it("a workspace row sums its functions; durations are weighted by runs", () => {
    const row = workspaceRow(ws("a"), [fn("f1", 30, 3, 10), fn("f2", 10, 0, 50), fn("idle", 0, 0, 999)]);
    expect(row).toMatchObject({ functionCount: 3, invocations24h: 40, errors24h: 3, errorRate: 7.5, avgDuration: 20 });
  });

  it("without its functions, a row falls back to the workspace's own aggregates and has no duration", () => {
    const row = workspaceRow(ws("a", { functionCount: 4, invocations24h: 200, errorRate: 2.5 }), null);
    expect(row).toMatchObject({
      functionCount: 4,
      invocations24h: 200,
      errors24h: 5,
      errorRate: 2.5,
      avgDuration: null,
    });
  });

  it("totals recompute the rate from counts instead of averaging rates", () => {
    const rows = [workspaceRow(ws("a"), [fn("f1", 100, 10, 5)]), workspaceRow(ws("b"), [fn("f2", 900, 0, 15)])];
    expect(totalsOf(rows)).toEqual({
      workspaces: 2,
      functions: 2,
      invocations24h: 1000,
      errors24h: 10,
      errorRate: 1,
      avgDuration: 14,
    });
    expect(totalsOf([])).toEqual({
      workspaces: 0,
      functions: 0,
      invocations24h: 0,
      errors24h: 0,
      errorRate: 0,
      avgDuration: null,
    });
  });

  it("the top list keeps only failing functions, most errors first, ten at most", () => {
    const w = ws("a");
    const rows = [fn("none", 5, 0, 1), ...Array.from({ length: 12 }, (_, i) => fn(`f${i}`, 100, i + 1, 1))].map((f) =>
      functionRow(w, f),
    );
    const top = topErrorFunctions(rows);
    expect(top.map((r) => r.id)).toEqual(["f11", "f10", "f9", "f8", "f7", "f6", "f5", "f4", "f3", "f2"]);
  });
});

describe("CSV", () => {
  it.each([
    ["plain", "plain"],
    ['say "hi", twice', '"say ""hi"", twice"'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["@sum", "'@sum"],
    ["운영", "운영"],
  ])("%j → %s", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("numbers stay numbers (a negative figure is not a formula); missing values are empty", () => {
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("a document has a BOM, a header and CRLF line ends", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("\uFEFFa,b\r\n1,x\r\n");
  });

  it("file names carry the read's time in KST", () => {
    expect(exportFileName("functions", "2025-12-07T03:04:05.000Z")).toBe("eunha-functions-20251207-1204.csv");
  });
});

describe("mapSettledLimit", () => {
  it("never has more than the limit in flight, and keeps every outcome in order", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapSettledLimit([...Array(20).keys()], 4, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      if (i === 7) throw new Error("seven");
      return i * 2;
    });
    expect(peak).toBe(4);
    expect(out[7]).toMatchObject({ status: "rejected" });
    expect(out.filter((o) => o.status === "fulfilled").map((o) => (o as PromiseFulfilledResult<number>).value)).toEqual(
      [...Array(20).keys()].filter((i) => i !== 7).map((i) => i * 2),
    );
  });

  it("handles an empty list", async () => {
    expect(await mapSettledLimit([], 8, async () => 1)).toEqual([]);
  });
});

describe("SharedCache", () => {
  it("callers share one computation in flight and its result until it expires", async () => {
    let now = 1000;
    let runs = 0;
    const cache = new SharedCache<number>(
      () => 5000,
      () => now,
    );
    const compute = async () => ++runs;
    expect(await Promise.all([cache.get("k", compute), cache.get("k", compute), cache.get("k", compute)])).toEqual([
      1, 1, 1,
    ]);
    now += 4999;
    expect(await cache.get("k", compute)).toBe(1);
    now += 1;
    expect(await cache.get("k", compute)).toBe(2);
    expect(await cache.get("other", compute)).toBe(3);
  });

  it("a failure is not kept", async () => {
    const cache = new SharedCache<number>(() => 5000);
    await expect(cache.get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("k", async () => 7)).toBe(7);
  });

  it("ttl 0 keeps nothing once settled but still merges concurrent callers", async () => {
    let runs = 0;
    const cache = new SharedCache<number>(() => 0);
    const compute = async () => ++runs;
    expect(await Promise.all([cache.get("k", compute), cache.get("k", compute)])).toEqual([1, 1]);
    expect(await cache.get("k", compute)).toBe(2);
  });
});
