import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { TestEventDto } from "@/lib/functions/test-events";
import { requireUser, type SessionUser } from "@/server/auth/session";
import { loadFunctionConfig } from "@/server/dal/functions";
import { redactStrings } from "@/server/secrets/browser-safe";
import { db } from "@/server/store";
import {
  deleteTestEvent,
  listTestEvents,
  saveTestEvent,
  setDefaultTestEvent,
  type FunctionKey,
  type TestEventRecord,
} from "@/server/store/test-events";

/*
 * The Test tab's saved events, shared by the team: anyone who may read the function reads them; those
 * who may save test events (developers) save, delete and choose the default a deploy's smoke invoke sends.
 * Inputs arrive parsed (lib/functions/test-events schemas, through withAction).
 */

type EventRef = FunctionKey & { eventId: string };

const who = (u: SessionUser) => u.email || u.id;

/** Field by field, then the console's secrets blanked: a payload may quote one a teammate pasted in. */
function reshape(rows: TestEventRecord[]): TestEventDto[] {
  return redactStrings(rows.map((r) => ({ id: r.id, name: r.name, payload: r.payload, isDefault: r.isDefault })));
}

async function current(k: FunctionKey): Promise<TestEventDto[]> {
  return reshape(await listTestEvents(await db(), k));
}

const notFound = () => new ApiError({ status: 404, code: "NOT_FOUND", message: "That test event does not exist." });
const key = (i: FunctionKey): FunctionKey => ({ workspaceId: i.workspaceId, functionId: i.functionId });

export async function testEventsOf(k: FunctionKey): Promise<TestEventDto[]> {
  await requireUser("function.read");
  return current(key(k));
}

/** Saves under a name, replacing the event of that name; answers the function's events. */
export async function saveTestEventFor(
  input: FunctionKey & { name: string; payload: string; isDefault?: boolean },
): Promise<TestEventDto[]> {
  const user = await requireUser("testEvent.save");
  const k = key(input);
  // The function must exist: no events are kept for an id nobody can open.
  await loadFunctionConfig(k.workspaceId, k.functionId);
  await saveTestEvent(
    await db(),
    k,
    { name: input.name, payload: input.payload, isDefault: input.isDefault },
    who(user),
  );
  return current(k);
}

export async function deleteTestEventOf(ref: EventRef): Promise<TestEventDto[]> {
  await requireUser("testEvent.save");
  const k = key(ref);
  if (!(await deleteTestEvent(await db(), k, ref.eventId))) throw notFound();
  return current(k);
}

/** Makes one event the default (the smoke invoke's payload); the previous default stops being one. */
export async function makeDefaultTestEvent(ref: EventRef): Promise<TestEventDto[]> {
  await requireUser("testEvent.save");
  const k = key(ref);
  if (!(await setDefaultTestEvent(await db(), k, ref.eventId))) throw notFound();
  return current(k);
}
