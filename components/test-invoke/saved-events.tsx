"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import type { Result } from "@/lib/api/result";
import {
  TEST_EVENT_NAME_MAX,
  TEST_EVENT_PAYLOAD_MAX_BYTES,
  testEventName,
  utf8Bytes,
  type SaveTestEventInput,
  type TestEventDto,
  type TestEventRefInput,
} from "@/lib/functions/test-events";
import { deleteTestEventAction, makeDefaultTestEventAction, saveTestEventAction } from "@/server/actions/test-events";

type SavedEventsProps = {
  workspaceId: string;
  functionId: string;
  /** The function's events as the page read them; a failed read leaves the list unavailable. */
  initial: Result<TestEventDto[]>;
  /** Whether the user may save, delete and choose the default; otherwise the list is load-only. */
  canSave: boolean;
  /** The payload in the editor, and whether it is JSON (only JSON can be saved). */
  payload: string;
  payloadIsJson: boolean;
  onLoad: (event: TestEventDto) => void;
};

type Mutation =
  { kind: "save"; input: SaveTestEventInput } | { kind: "remove" | "makeDefault"; input: TestEventRefInput };
const byRef = { remove: deleteTestEventAction, makeDefault: makeDefaultTestEventAction };
/** Each mutation answers the function's events as they are now, saved by anyone on the team. */
const mutate = (m: Mutation) => (m.kind === "save" ? saveTestEventAction(m.input) : byRef[m.kind](m.input));

/** Named payloads of this function, kept by the console and shared by the team; the default one is the deploy's smoke test. */
export function SavedEvents(props: SavedEventsProps) {
  const { workspaceId, functionId, initial, canSave, payload, payloadIsJson, onLoad } = props;
  const t = useTranslations("testInvoke.events");
  const tErrors = useTranslations("common.errors");
  const [events, setEvents] = useState<TestEventDto[]>(initial.ok ? initial.data : []);
  const [name, setName] = useState("");
  const mutation = useAction(mutate, { onSuccess: setEvents });
  const trimmed = name.trim();
  const nameOk = testEventName.safeParse(name).success;
  const tooLarge = utf8Bytes(payload) > TEST_EVENT_PAYLOAD_MAX_BYTES;
  const payloadProblem = !payloadIsJson ? t("invalidPayload") : tooLarge ? t("tooLarge") : null;
  const replaces = events.some((e) => e.name === trimmed);
  const ref = (ev: TestEventDto) => ({ workspaceId, functionId, eventId: ev.id });

  if (!initial.ok) {
    return (
      <section aria-labelledby="saved-events" className="space-y-2">
        <h2 id="saved-events" className="text-sm font-medium">
          {t("title")}
        </h2>
        <p role="note" className="text-sm text-red-700 dark:text-red-300" data-testid="saved-events-unavailable">
          {t("unavailable")}
          {initial.error.requestId ? ` ${tErrors("requestId", { id: initial.error.requestId })}` : null}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="saved-events" className="space-y-2">
      <h2 id="saved-events" className="text-sm font-medium">
        {t("title")}
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("shared")}</p>
      {canSave ? (
        <form
          className="flex gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!nameOk || payloadProblem || mutation.pending) return;
            const result = await mutation.run({
              kind: "save",
              input: { workspaceId, functionId, name: trimmed, payload },
            });
            if (result.ok) setName("");
          }}
        >
          <input
            aria-label={t("nameLabel")}
            placeholder={t("namePlaceholder")}
            value={name}
            maxLength={TEST_EVENT_NAME_MAX}
            onChange={(e) => setName(e.target.value)}
            className="block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <Button
            type="submit"
            size="sm"
            className="shrink-0 whitespace-nowrap"
            disabled={!nameOk || payloadProblem !== null || mutation.pending}
            title={payloadProblem ?? undefined}
          >
            {replaces ? t("replace") : t("save")}
          </Button>
        </form>
      ) : (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("readOnly")}</p>
      )}
      {mutation.failure ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {mutation.failure.message}
        </p>
      ) : null}
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ul
          className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="saved-events"
        >
          {events.map((ev) => (
            <li key={ev.id} className="flex items-center gap-2 px-3 py-1.5 text-sm" data-testid="saved-event">
              <span className="min-w-0 flex-1 truncate" title={ev.payload}>
                {ev.name}
              </span>
              {ev.isDefault ? (
                <span
                  className="inline-flex shrink-0 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-brand-700/40 dark:text-brand-100"
                  title={t("defaultHint")}
                  data-testid="default-event-badge"
                >
                  {t("default")}
                </span>
              ) : null}
              <Button
                size="sm"
                variant="ghost"
                onClick={() => onLoad(ev)}
                aria-label={t("loadLabel", { name: ev.name })}
              >
                {t("load")}
              </Button>
              {canSave && !ev.isDefault ? (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={mutation.pending}
                  onClick={() => void mutation.run({ kind: "makeDefault", input: ref(ev) })}
                  aria-label={t("makeDefaultLabel", { name: ev.name })}
                >
                  {t("makeDefault")}
                </Button>
              ) : null}
              {canSave ? (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={mutation.pending}
                  onClick={() => void mutation.run({ kind: "remove", input: ref(ev) })}
                  aria-label={t("deleteLabel", { name: ev.name })}
                >
                  {t("delete")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
