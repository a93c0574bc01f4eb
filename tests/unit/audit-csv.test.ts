import { describe, expect, it } from "vitest";
import { auditCsv, parseAuditFilters } from "@/server/ship/audit-view";

const row = (over: Partial<Parameters<typeof auditCsv>[0][number]> = {}) => ({
  id: "1",
  at: "2026-02-01T00:00:00.000Z",
  who: "dev@example.com",
  action: "deploy.create",
  workspace_id: "ws-1",
  target: { functionId: "fn-1", ship: "deploy" },
  result: "ok" as const,
  code: null,
  request_id: "req-1",
  ...over,
});

describe("audit CSV export", () => {
  it("writes a header and one RFC 4180 line per row, the target as JSON", () => {
    const csv = auditCsv([row()]);
    expect(csv.split("\r\n")).toEqual([
      "at,who,action,workspace_id,target,result,code,request_id",
      '2026-02-01T00:00:00.000Z,dev@example.com,deploy.create,ws-1,"{""functionId"":""fn-1"",""ship"":""deploy""}",ok,,req-1',
      "",
    ]);
  });

  it("never lets a spreadsheet run a cell as a formula", () => {
    const csv = auditCsv([row({ who: '=HYPERLINK("http://x")', target: { name: "+1" } })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/,=|^=/m);
  });
});

describe("audit filters", () => {
  it("drops empty fields and takes the first of repeated ones", () => {
    expect(parseAuditFilters({ who: "", action: ["deploy.create", "x"], workspace: " ws-1 " })).toEqual({
      action: "deploy.create",
      workspace: "ws-1",
    });
  });
});
