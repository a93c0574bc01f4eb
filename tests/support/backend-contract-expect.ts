/** Assertions shared by the contract suite: they state the spec, not one implementation's quirks. */
import { expect } from "vitest";
import type { z } from "zod";
import { errorEnvelope } from "../../lib/contract";
import { EMBEDDED, type ApiResponse } from "./backend-contract-target";

/** Parses with a contract schema and fails with zod's issue list (more useful than a deep diff). */
export function expectShape<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    expect.fail(
      `response does not match the contract: ${JSON.stringify(result.error.issues, null, 2)}\n${JSON.stringify(value)}`,
    );
  return result.data;
}

export function expectError(res: ApiResponse, status: number, code: string | RegExp): void {
  expect(res.status, res.text).toBe(status);
  const env = expectShape(errorEnvelope, res.body);
  if (typeof code === "string") expect(env.error.code).toBe(code);
  else expect(env.error.code).toMatch(code);
}

/**
 * The spec's 400 VALIDATION_ERROR naming the field. A real FastAPI may answer a request-model
 * failure with its own 422 `{detail: [{loc: [..., field]}]}` where its handlers do not reach, which
 * the spec also allows; the embedded backend must always use the envelope.
 */
export function expectValidationError(res: ApiResponse, field: string): void {
  if (!EMBEDDED && res.status === 422) {
    const detail = (res.body as { detail?: { loc?: unknown[] }[] }).detail ?? [];
    expect(
      detail.some((d) => d.loc?.includes(field)),
      res.text,
    ).toBe(true);
    return;
  }
  expectError(res, 400, "VALIDATION_ERROR");
  const details = (res.body as { error: { details?: { field?: unknown } } }).error.details;
  expect(details?.field, res.text).toBe(field);
}

/** 404, in the envelope (embedded) or FastAPI's `{detail}` where the router answers by itself. */
export function expectNotFound(res: ApiResponse): void {
  expect(res.status, res.text).toBe(404);
  if (EMBEDDED || (res.body as { error?: unknown })?.error) expectError(res, 404, "NOT_FOUND");
  else expect(res.body).toHaveProperty("detail");
}

export const created = (res: ApiResponse) => expect([200, 201], res.text).toContain(res.status);
