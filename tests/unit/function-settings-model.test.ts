import { describe, expect, it } from "vitest";
import {
  buildPatch,
  effectiveInvocationUrl,
  formFromFunction,
  isDirty,
  placeServerErrors,
  type SettingsForm,
} from "@/components/function-settings/settings-model";
import { ENV_MASK, type FunctionDto } from "@/lib/dto/function";

const fn: FunctionDto = {
  id: "fn-1",
  workspaceId: "ws-1",
  name: "greeter",
  description: null,
  runtime: "Python 3.12",
  memory: 256,
  timeout: 30,
  httpMethods: ["POST", "GET"],
  environmentVariables: { REGION: "ap-northeast-2", API_TOKEN: ENV_MASK },
  code: "",
  invocationUrl: null,
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  lastDeployed: null,
  invocations24h: 0,
  errors24h: 0,
  avgDuration: 0,
};

const edit = (change: (f: SettingsForm) => void) => {
  const form = formFromFunction(fn);
  change(form);
  return form;
};

describe("settings form", () => {
  it("an untouched form is clean and sends nothing", () => {
    const form = formFromFunction(fn);
    expect(isDirty(form, fn)).toBe(false);
    expect(buildPatch(form, fn)).toEqual({ ok: true, patch: {} });
  });

  it("sends only the fields that changed", () => {
    const form = edit((f) => {
      f.memory = "512";
      f.description = "인사";
    });
    expect(buildPatch(form, fn)).toEqual({ ok: true, patch: { memory: 512, description: "인사" } });
  });

  it("keeps a masked secret as the mask when another variable changes", () => {
    const form = edit((f) => {
      f.env[0]!.value = "us-east-1";
    });
    expect(buildPatch(form, fn)).toEqual({
      ok: true,
      patch: { environmentVariables: { REGION: "us-east-1", API_TOKEN: ENV_MASK } },
    });
  });

  it("a revealed but unchanged secret is no change; a replaced one is sent", () => {
    const revealed = edit((f) => Object.assign(f.env[1]!, { masked: false, revealed: "s3cr3t", value: "s3cr3t" }));
    expect(isDirty(revealed, fn)).toBe(false);
    const replaced = edit((f) => Object.assign(f.env[1]!, { masked: false, revealed: "s3cr3t", value: "new" }));
    expect(buildPatch(replaced, fn)).toEqual({
      ok: true,
      patch: { environmentVariables: { REGION: "ap-northeast-2", API_TOKEN: "new" } },
    });
  });

  it.each([
    [
      "memory below the minimum",
      (f: SettingsForm) => {
        f.memory = "64";
      },
      "memory",
    ],
    [
      "memory not a whole number",
      (f: SettingsForm) => {
        f.memory = "128.5";
      },
      "memory",
    ],
    [
      "empty timeout",
      (f: SettingsForm) => {
        f.timeout = "";
      },
      "timeout",
    ],
    [
      "timeout above the maximum",
      (f: SettingsForm) => {
        f.timeout = "901";
      },
      "timeout",
    ],
    [
      "no HTTP method",
      (f: SettingsForm) => {
        f.httpMethods = [];
      },
      "httpMethods",
    ],
    [
      "a URL with spaces",
      (f: SettingsForm) => {
        f.invocationUrl = "not a url";
      },
      "invocationUrl",
    ],
  ] as const)("refuses %s next to the field", (_name, change, field) => {
    const result = buildPatch(edit(change), fn);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
  });

  it("names the env row that is wrong", () => {
    const form = edit((f) => {
      f.env.push({ id: "new-1", name: "1BAD", value: "x", masked: false, loadedName: null });
      f.env.push({ id: "new-2", name: "REGION", value: "x", masked: false, loadedName: null });
      f.env[1]!.name = "RENAMED_TOKEN";
    });
    const result = buildPatch(form, fn);
    expect(result).toEqual({
      ok: false,
      errors: {
        "env:new-1": ["envNameInvalid"],
        "env:new-2": ["envNameDuplicate"],
        [`env:${form.env[1]!.id}`]: ["envMaskedRenamed"],
      },
    });
  });

  it("clears the invocation URL with null and shows the scheme the backend adds", () => {
    const withUrl = { ...fn, invocationUrl: "https://fn.example/run" };
    const form = formFromFunction(withUrl);
    form.invocationUrl = "  ";
    expect(buildPatch(form, withUrl)).toEqual({ ok: true, patch: { invocationUrl: null } });
    expect(effectiveInvocationUrl("fn.internal:8080/run")).toBe("http://fn.internal:8080/run");
    expect(effectiveInvocationUrl("HTTPS://x.example")).toBe("HTTPS://x.example");
    expect(effectiveInvocationUrl("")).toBeNull();
  });

  it("places the BFF's field errors on fields and env rows", () => {
    const form = formFromFunction(fn);
    const { placed, rest } = placeServerErrors(
      {
        "settings.memory": ["must be at most 1024 MB"],
        "environmentVariables.API_TOKEN": ["has no saved value to keep"],
        _form: ["try again"],
      },
      form,
    );
    expect(placed).toEqual({
      memory: ["must be at most 1024 MB"],
      [`env:${form.env[1]!.id}`]: ["has no saved value to keep"],
    });
    expect(rest).toEqual(["try again"]);
  });
});
