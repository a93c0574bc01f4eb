import "server-only";
import type { z } from "zod";
import { buildResponse } from "@/lib/contract";
import {
  browserBuildAndPushForm,
  browserBuildForm,
  type browserPushRequest,
  type BuildStartedDto,
  type RegistriesDto,
} from "@/lib/dto/pipeline";
import { requireUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { RequestValidationError } from "@/server/http/validation";
import { credentialsFor, registryUrls, type RegistryCredentials } from "@/server/secrets/registries";
import { backend } from "@/server/upstream/as-user";
import { reshapeBuildStarted } from "./reshape";
import { asMultipartRequest, streamUpload, uploadLimitBytes } from "@/server/upstream/multipart-upload";

export type PushInput = z.output<typeof browserPushRequest>;

/** An upload to S3 through the backend can take longer than an ordinary call; never less than the default. */
function uploadTimeoutMs(): number {
  return Math.max(env().BACKEND_TIMEOUT_MS, 120_000);
}

/**
 * Registry credentials are looked up here, on the server, and only for a configured registry: the
 * browser names a target, never a password. `irsa` entries give the empty strings the backend expects.
 */
function registryCredentials(registryUrl: string): RegistryCredentials {
  const creds = credentialsFor(registryUrl);
  if (!creds) throw new RequestValidationError([{ field: "registry_url", message: "is not a configured registry" }]);
  return creds;
}

export async function listRegistries(): Promise<RegistriesDto> {
  await requireUser("build.create");
  return { registries: registryUrls() };
}

/** `POST /api/v1/build` from a multipart request or a server action's FormData. */
export async function startBuild(input: Request | FormData): Promise<BuildStartedDto> {
  await requireUser("build.create");
  const b = await streamUpload(asMultipartRequest(input), {
    schema: browserBuildForm,
    maxFileBytes: uploadLimitBytes(),
    send: ({ body, contentType }) =>
      backend({
        method: "POST",
        path: "/api/v1/build",
        body,
        headers: { "content-type": contentType },
        schema: buildResponse,
        timeoutMs: uploadTimeoutMs(),
      }),
  });
  return reshapeBuildStarted(b);
}

/** `POST /api/v1/build-and-push`: as startBuild, with the target registry's credentials added here. */
export async function startBuildAndPush(input: Request | FormData): Promise<BuildStartedDto> {
  await requireUser("push.create");
  const b = await streamUpload(asMultipartRequest(input), {
    schema: browserBuildAndPushForm,
    maxFileBytes: uploadLimitBytes(),
    // Checked before a byte of the file moves: an unknown registry is refused up front.
    extraFields: (fields) => registryCredentials(fields.registry_url),
    send: ({ body, contentType }) =>
      backend({
        method: "POST",
        path: "/api/v1/build-and-push",
        body,
        headers: { "content-type": contentType },
        schema: buildResponse,
        timeoutMs: uploadTimeoutMs(),
      }),
  });
  return reshapeBuildStarted(b);
}

export async function startPush(input: PushInput): Promise<BuildStartedDto> {
  await requireUser("push.create");
  const creds = registryCredentials(input.registry_url);
  const b = await backend({
    method: "POST",
    path: "/api/v1/push",
    json: { ...input, ...creds },
    schema: buildResponse,
  });
  return reshapeBuildStarted(b);
}
