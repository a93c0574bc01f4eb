import { describe, expect, it } from "vitest";
import { checkBuildFile } from "@/components/builds/build-file";
import { fromServerFields, newBuildProblems } from "@/components/builds/new-build-errors";
import { pushTargetProblems, registryUrlOf } from "@/components/builds/push-target";
import { fieldErrorsOf } from "@/components/builds/upload-build";
import { imageOf, s3LocationOf } from "@/components/builds/task-shape";
import { taskHref } from "@/lib/routes";
import { ApiError } from "@/lib/api/api-error";

const MB = 1024 * 1024;

describe("checkBuildFile", () => {
  it.each([
    [{ name: "app.py", size: 10 }, null],
    [{ name: "PROJECT.ZIP", size: 10 }, null],
    [{ name: "app.txt", size: 10 }, "extension"],
    [{ name: "py", size: 10 }, "extension"],
    [{ name: "app.py", size: 0 }, "empty"],
    [{ name: "app.zip", size: 50 * MB }, null],
    [{ name: "app.zip", size: 50 * MB + 1 }, "tooLarge"],
  ])("%o → %s", (file, expected) => expect(checkBuildFile(file, 50 * MB)).toBe(expected));
});

describe("push targets", () => {
  it("joins registry and repository, trimming slashes", () => {
    expect(registryUrlOf({ registry: "127.0.0.1:5000/eunha", repository: "/orders/", tag: "v1" })).toBe(
      "127.0.0.1:5000/eunha/orders",
    );
    expect(registryUrlOf({ registry: "reg.example", repository: " ", tag: "v1" })).toBe("reg.example");
  });
  it.each([
    [{ registry: "", repository: "", tag: "v1" }, ["registry"]],
    [{ registry: "reg.example", repository: "Orders", tag: "v1" }, ["repository"]],
    [{ registry: "reg.example", repository: "orders", tag: "-bad" }, ["tag"]],
    [{ registry: "reg.example", repository: "orders", tag: "sha256" }, []],
  ])("%o → %o", (target, expected) => expect(pushTargetProblems(target)).toEqual(expected));
});

describe("newBuildProblems", () => {
  const file = new File(["def handler(e): return e"], "app.py");
  const target = { registry: "", repository: "", tag: "sha256" };
  it("needs a file, checks the app name, and checks the target only when pushing", () => {
    expect(newBuildProblems({ file: null, appName: "", push: false, target, maxBytes: MB })).toEqual({
      file: "fileRequired",
    });
    expect(newBuildProblems({ file, appName: "Bad_Name", push: false, target, maxBytes: MB })).toEqual({
      appName: "appName",
    });
    expect(newBuildProblems({ file, appName: "", push: true, target, maxBytes: MB })).toEqual({ registry: "registry" });
    expect(newBuildProblems({ file, appName: "ok-name", push: false, target, maxBytes: MB })).toEqual({});
  });
});

describe("server field errors", () => {
  it("reads details.fields of the envelope and maps them onto the form", () => {
    const err = new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: "app_name: bad",
      details: {
        field: "app_name",
        fields: [
          { field: "app_name", message: "bad" },
          { field: "registry_url", message: "is not a configured registry" },
          { field: "", message: "odd" },
        ],
      },
    });
    expect(fromServerFields(fieldErrorsOf(err))).toEqual({
      appName: ["bad"],
      repository: ["is not a configured registry"],
      _form: ["odd"],
    });
  });
  it("falls back to details.field with the message", () => {
    const err = new ApiError({
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "The file is larger than 50 MB.",
      details: { field: "file" },
    });
    expect(fieldErrorsOf(err)).toEqual({ file: ["The file is larger than 50 MB."] });
  });
});

describe("imageOf", () => {
  it("shows image_uri when image_url is absent", () => {
    expect(imageOf({ wasm_path: "s3://x/app/", image_url: null, image_uri: "reg/a:1", file_path: "s3://x/app/" })).toBe(
      "reg/a:1",
    );
    expect(imageOf({ wasm_path: null, image_url: "reg/a:2", image_uri: "reg/a:1", file_path: null })).toBe("reg/a:2");
    expect(imageOf(null)).toBeNull();
  });
});

describe("the S3 location Push sends", () => {
  const result = (over: Record<string, string | null>) => ({
    wasm_path: null,
    image_url: null,
    image_uri: null,
    file_path: null,
    ...over,
  });
  // Spec, push: `"s3_source_path":"s3://..."`. A real Builder's file_path is local to it.
  it.each([
    [result({ file_path: "/builds/t-1/app.wasm" }), null, null],
    [
      result({ file_path: "/builds/t-1/app.wasm" }),
      "s3://eunha/builds/t-1/source/app.py",
      "s3://eunha/builds/t-1/source/app.py",
    ],
    [
      result({ wasm_path: "s3://eunha/builds/t-1/app.wasm", file_path: "/builds/t-1/app.wasm" }),
      null,
      "s3://eunha/builds/t-1/app.wasm",
    ],
    [
      result({ file_path: "s3://eunha/builds/t-1/app/" }),
      "s3://eunha/builds/t-1/source/app.py",
      "s3://eunha/builds/t-1/app/",
    ],
    [result({ file_path: "builds/t-1/app" }), "not-s3", null],
    [null, null, null],
  ])("%j, started from %s → %s", (r, startedFrom, expected) => {
    expect(s3LocationOf(r, startedFrom)).toBe(expected);
  });

  it("the task link carries the source the build started from", () => {
    expect(taskHref("ws 1", "t-1", "s3://eunha/builds/t-1/source/app.py")).toBe(
      "/workspaces/ws%201/builds/t-1?source=s3%3A%2F%2Feunha%2Fbuilds%2Ft-1%2Fsource%2Fapp.py",
    );
    expect(taskHref("ws", "t-1", null)).toBe("/workspaces/ws/builds/t-1");
  });
});
