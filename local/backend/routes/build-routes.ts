import { buildAndPushForm, buildForm, pushRequest } from "../../../lib/contract";
import type { PipelineService } from "../build/pipeline-service";
import { readMultipart, type MultipartForm } from "../build/multipart";
import { checkUpload } from "../build/upload-check";
import { ApiError, envelope } from "../http/errors";
import type { Handler, RouteDef } from "../http/router";
import { parseWith } from "../http/validate";

/**
 * Only the spec's form fields reach the (strict) contract schemas, and an empty field counts as
 * absent: an HTML form sends `app_name=` when the box is left empty, FastAPI's Form(None) too.
 */
function formFields(form: MultipartForm, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.fields[name];
    if (value !== undefined && value !== "") out[name] = value;
  }
  return out;
}

/** A refused upload (413) also closes the connection: the client may still be sending a body we will not read. */
function uploadRoute(handler: Handler): Handler {
  return async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      if (err instanceof ApiError && err.status === 413)
        return { status: 413, json: envelope(err.code, err.message, err.details), headers: { connection: "close" } };
      throw err;
    }
  };
}

export function buildRoutes(pipeline: PipelineService, maxUploadBytes: number): RouteDef[] {
  return [
    {
      method: "POST",
      path: "/api/v1/build",
      errorCode: "BUILD_ERROR",
      handler: uploadRoute(async (ctx) => {
        const form = await readMultipart(ctx.req, maxUploadBytes);
        const fields = parseWith(buildForm, formFields(form, ["app_name", "workspace_id"]));
        const file = form.files.file;
        const kind = checkUpload(file);
        return { status: 202, json: pipeline.submitBuild(file!, kind, fields) };
      }),
    },
    {
      method: "POST",
      path: "/api/v1/build-and-push",
      errorCode: "BUILD_ERROR",
      handler: uploadRoute(async (ctx) => {
        const form = await readMultipart(ctx.req, maxUploadBytes);
        const fields = parseWith(
          buildAndPushForm,
          formFields(form, ["registry_url", "username", "password", "tag", "app_name", "workspace_id"]),
        );
        const file = form.files.file;
        const kind = checkUpload(file);
        return { status: 202, json: pipeline.submitBuildAndPush(file!, kind, fields) };
      }),
    },
    {
      method: "POST",
      path: "/api/v1/push",
      errorCode: "PUSH_ERROR",
      handler: async (ctx) => ({ status: 202, json: pipeline.submitPush(parseWith(pushRequest, await ctx.json())) }),
    },
  ];
}
