import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeUtf8Base64, encodeUtf8Base64 } from "@/lib/base64";
import type { FunctionDto } from "@/lib/dto/function";
import { useCodeDocument, type CodeVersion, type SaveInput } from "@/components/code/use-code-document";

/*
 * The Code tab's document hook in a DOM (jsdom), against an in-memory function store that answers the
 * way saveFunctionCode does: CONFLICT with the stored version when `expectedLastModified` is stale.
 */

const WS = "ws-1";
const FN = "fn-1";
const DRAFT_KEY = `eunha.code-draft.v1.${FN}`;

type Options = Parameters<typeof useCodeDocument>[0];
type SaveResult = Awaited<ReturnType<Options["runSave"]>>;

/** One function's stored code and lastModified, changed by saves and by "someone else". */
function store(source: string, lastModified = "2026-11-01T00:00:00Z") {
  let current = { source, lastModified };
  let tick = 0;
  const calls: SaveInput[] = [];
  const bump = () => `2026-11-01T00:00:${String(++tick).padStart(2, "0")}Z`;
  const dto = (): FunctionDto =>
    ({
      id: FN,
      workspaceId: WS,
      code: encodeUtf8Base64(current.source),
      lastModified: current.lastModified,
    }) as FunctionDto;
  return {
    get version(): CodeVersion {
      return { ...current };
    },
    calls,
    /** Someone else saves code, or changes a setting (lastModified moves, the code does not). */
    otherSave: (next: string) => (current = { source: next, lastModified: bump() }),
    settingsChange: () => (current = { ...current, lastModified: bump() }),
    runSave: async (input: SaveInput): Promise<SaveResult> => {
      calls.push(input);
      if (input.expectedLastModified !== current.lastModified) {
        const conflict = {
          ok: false as const,
          error: {
            status: 409,
            code: "CONFLICT" as const,
            message: "changed since",
            details: { current: { code: encodeUtf8Base64(current.source), lastModified: current.lastModified } },
          },
        };
        return conflict;
      }
      current = { source: decodeUtf8Base64(input.code), lastModified: bump() };
      return { ok: true, data: dto() };
    },
  };
}

function open(s: ReturnType<typeof store>, canEdit = true) {
  return renderHook(() =>
    useCodeDocument({ workspaceId: WS, functionId: FN, stored: s.version, canEdit, runSave: s.runSave }),
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe("useCodeDocument", () => {
  it("saves an edit and is clean against the version the server answered", async () => {
    const s = store("def handler(event):\n    return 1\n");
    const { result } = open(s);
    act(() => result.current.setText("def handler(event):\n    return 2\n"));
    expect(result.current.dirty).toBe(true);
    await act(() => result.current.save());
    expect(s.calls).toHaveLength(1);
    expect(result.current.dirty).toBe(false);
    expect(result.current.base).toEqual(s.version);
    expect(decodeUtf8Base64(s.calls[0]!.code)).toBe("def handler(event):\n    return 2\n");
  });

  it("a save that meets someone else's code opens the conflict, and keeping my edit overwrites knowingly", async () => {
    const s = store("v1\n");
    const { result } = open(s);
    act(() => result.current.setText("mine\n"));
    s.otherSave("theirs\n");
    await act(() => result.current.save());
    expect(result.current.conflict).toEqual({ source: "theirs\n", lastModified: s.version.lastModified });
    expect(s.version.source).toBe("theirs\n");
    expect(result.current.text).toBe("mine\n");

    act(() => result.current.keepEditing());
    expect(result.current.conflict).toBeNull();
    expect(result.current.savedText).toBe("theirs\n");
    await act(() => result.current.save());
    expect(s.version.source).toBe("mine\n");
    expect(result.current.dirty).toBe(false);
  });

  it("loading their version replaces the editor's text and remounts it", async () => {
    const s = store("v1\n");
    const { result } = open(s);
    act(() => result.current.setText("mine\n"));
    s.otherSave("theirs\n");
    await act(() => result.current.save());
    const epoch = result.current.opened.epoch;
    act(() => result.current.loadTheirs());
    expect(result.current.text).toBe("theirs\n");
    expect(result.current.opened).toEqual({ text: "theirs\n", epoch: epoch + 1 });
    expect(result.current.dirty).toBe(false);
  });

  it("re-saves on its own when only lastModified moved (a settings change), without a conflict", async () => {
    const s = store("same code\n");
    const { result } = open(s);
    act(() => result.current.setText("new code\n"));
    s.settingsChange();
    await act(() => result.current.save());
    expect(s.calls).toHaveLength(2);
    expect(s.calls[1]!.expectedLastModified).not.toBe(s.calls[0]!.expectedLastModified);
    expect(result.current.conflict).toBeNull();
    expect(s.version.source).toBe("new code\n");
    expect(result.current.dirty).toBe(false);
  });

  it("does not re-save on its own when the stored code changed too", async () => {
    const s = store("same code\n");
    const { result } = open(s);
    act(() => result.current.setText("new code\n"));
    s.otherSave("other code\n");
    await act(() => result.current.save());
    expect(s.calls).toHaveLength(1);
    expect(result.current.conflict?.source).toBe("other code\n");
    expect(s.version.source).toBe("other code\n");
  });

  it("keeps the draft in this browser after typing stops, and forgets it once saved", async () => {
    const s = store("v1\n");
    const { result } = open(s);
    act(() => result.current.setText("draft\n"));
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "{}")).toMatchObject({
        text: "draft\n",
        baseLastModified: s.version.lastModified,
      }),
    );
    await act(() => result.current.save());
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toBeNull());
  });

  it("restores a draft from an earlier visit, fresh when nobody saved since", () => {
    const s = store("v1\n");
    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({ text: "draft\n", baseLastModified: s.version.lastModified, updatedAt: 1_700_000_000_000 }),
    );
    const { result } = open(s);
    expect(result.current.text).toBe("draft\n");
    expect(result.current.opened.text).toBe("draft\n");
    expect(result.current.restored).toEqual({ updatedAt: 1_700_000_000_000, stale: false });
    expect(result.current.dirty).toBe(true);
  });

  it("a stale draft (someone saved since) goes through the conflict check instead of overwriting", async () => {
    const s = store("v1\n");
    const base = s.version.lastModified;
    s.otherSave("theirs\n");
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ text: "draft\n", baseLastModified: base, updatedAt: 1 }));
    const { result } = open(s);
    expect(result.current.restored).toEqual({ updatedAt: 1, stale: true });
    await act(() => result.current.save());
    expect(s.calls[0]!.expectedLastModified).toBe(base);
    expect(result.current.conflict?.source).toBe("theirs\n");
    expect(s.version.source).toBe("theirs\n");
  });

  it("drops a draft equal to the stored code, and never restores one for a reader", () => {
    const s = store("v1\n");
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ text: "v1\n", baseLastModified: "old", updatedAt: 1 }));
    expect(open(s).result.current.restored).toBeNull();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();

    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({ text: "draft\n", baseLastModified: s.version.lastModified, updatedAt: 1 }),
    );
    const reader = open(s, false).result.current;
    expect(reader.restored).toBeNull();
    expect(reader.text).toBe("v1\n");
  });

  it("a discarded edit brings the saved code back", () => {
    const s = store("v1\n");
    const { result } = open(s);
    act(() => result.current.setText("mine\n"));
    act(() => result.current.discard());
    expect(result.current.text).toBe("v1\n");
    expect(result.current.dirty).toBe(false);
  });
});
