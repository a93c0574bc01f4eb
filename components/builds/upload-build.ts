import { fieldErrorsFromDetails } from "@/lib/forms/field-errors";
import { ApiError, parseErrorBody } from "@/lib/api/api-error";
import type { BuildStartedDto } from "@/lib/dto/pipeline";

export type UploadTarget = "/api/v1/build" | "/api/v1/build-and-push";

/**
 * Posts a build form to the BFF's streaming upload route. XMLHttpRequest rather than fetch or a server
 * action: it reports upload progress, and the route takes files up to UPLOAD_MAX_MB where a server
 * action's body is capped far lower. The form must hold its fields first and `file` last.
 * Rejects with an ApiError whatever fails.
 */
export function uploadBuild(
  target: UploadTarget,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<BuildStartedDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", target);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const requestId = xhr.getResponseHeader("x-request-id");
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as BuildStartedDto);
        } catch (cause) {
          reject(
            new ApiError({
              status: xhr.status,
              code: "INVALID_RESPONSE",
              message: "The console sent a response that could not be read.",
              requestId: requestId ?? undefined,
              cause,
            }),
          );
        }
        return;
      }
      reject(parseErrorBody(xhr.status, xhr.getResponseHeader("content-type"), xhr.responseText, requestId));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: "NETWORK_ERROR",
          message: "Could not reach the console. Check your connection and try again.",
        }),
      );
    xhr.send(form);
  });
}

/** `details.fields` of a VALIDATION_ERROR envelope as `{ field: [messages] }`, for inline display. */
export function fieldErrorsOf(error: ApiError): Record<string, string[]> {
  return fieldErrorsFromDetails(error.details, error.message);
}
