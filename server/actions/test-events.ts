"use server";
import "server-only";
import { saveTestEventInput, testEventRef } from "@/lib/functions/test-events";
import { deleteTestEventOf, makeDefaultTestEvent, saveTestEventFor } from "@/server/ship/test-events-service";
import { functionTarget } from "./schemas";
import { withAction } from "./with-action";

/** The Test tab's saved events. The audit names the event, never its payload. */

export const saveTestEventAction = withAction("testEvent.save", saveTestEventInput, saveTestEventFor, (i) => ({
  ...functionTarget(i),
  testEvent: i.name,
}));

export const deleteTestEventAction = withAction("testEvent.save", testEventRef, deleteTestEventOf, (i) => ({
  ...functionTarget(i),
  testEventId: i.eventId,
}));

export const makeDefaultTestEventAction = withAction("testEvent.save", testEventRef, makeDefaultTestEvent, (i) => ({
  ...functionTarget(i),
  testEventId: i.eventId,
  default: "set",
}));
