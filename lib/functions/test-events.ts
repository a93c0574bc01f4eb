import { z } from "zod";
import { idParam } from "@/lib/contract";

/*
 * A function's saved test events: named JSON payloads kept in the console's store and shared by the
 * team. The Test tab loads them; the one marked default is what a deploy's smoke invoke sends.
 * The schemas are the server actions' inputs and the Test tab's own checks, one definition for both.
 */

export const TEST_EVENT_NAME_MAX = 80;
export const TEST_EVENT_PAYLOAD_MAX_BYTES = 64 * 1024;

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const testEventName = z.string().trim().min(1).max(TEST_EVENT_NAME_MAX);
export const testEventPayload = z
  .string()
  .refine((text) => utf8Bytes(text) <= TEST_EVENT_PAYLOAD_MAX_BYTES, { message: "must be at most 64 KB" })
  .refine(isJson, { message: "must be valid JSON" });

const functionRef = { workspaceId: idParam, functionId: idParam };
/** Without isDefault, an event saved over one of the same name keeps that one's mark; a new one is not default. */
export const saveTestEventInput = z.strictObject({
  ...functionRef,
  name: testEventName,
  payload: testEventPayload,
  isDefault: z.boolean().optional(),
});
export const testEventRef = z.strictObject({ ...functionRef, eventId: z.uuid() });

export type SaveTestEventInput = z.input<typeof saveTestEventInput>;
export type TestEventRefInput = z.input<typeof testEventRef>;

/** A saved event as the browser receives it, the console's secrets blanked. */
export type TestEventDto = { id: string; name: string; payload: string; isDefault: boolean };
