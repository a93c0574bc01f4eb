"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useSessionEnded } from "@/components/actions/session-redirect";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useModShortcut } from "@/components/editor/use-shortcut";
import { Skeleton } from "@/components/ui/skeleton";
import type { Result } from "@/lib/api/result";
import type { FunctionStatus } from "@/lib/contract/function";
import type { TestEventDto } from "@/lib/functions/test-events";
import { HistoryList } from "./history-list";
import type { InvokeOutcome } from "./invoke-outcome";
import { requestInvoke } from "./invoke-request";
import { addToHistory, clearHistory, readHistory, type HistoryEntry } from "./invoke-store";
import { checkJson } from "./json-check";
import { PayloadPanel } from "./payload-panel";
import { ResponsePanel } from "./response-panel";
import { SavedEvents } from "./saved-events";
import { failedRunsHref } from "@/lib/routes";

type TestConsoleProps = {
  workspaceId: string;
  functionId: string;
  status: FunctionStatus;
  timeoutSeconds: number;
  canInvoke: boolean;
  /** The function's saved events, shared by the team, as the page read them. */
  events: Result<TestEventDto[]>;
  canSaveEvents: boolean;
};

const DEFAULT_PAYLOAD = '{\n  "test": true\n}\n';

/** The Test tab. Client-only below this point: it reads this session's runs from storage. */
export function TestConsole(props: TestConsoleProps) {
  const isClient = useHydrated();
  if (!isClient) return <Skeleton className="h-[40vh]" />;
  return <TestConsoleBody {...props} />;
}

function TestConsoleBody(props: TestConsoleProps) {
  const { workspaceId, functionId, status, timeoutSeconds, canInvoke } = props;
  const t = useTranslations("testInvoke");
  const tActions = useTranslations("common.actions");
  const sessionEnded = useSessionEnded();
  const [history, setHistory] = useState(() => readHistory(functionId));
  const [historyKept, setHistoryKept] = useState(true);
  const [selectedId, setSelectedId] = useState<string | null>(() => history[0]?.id ?? null);
  const [payload, setPayload] = useState(() => history[0]?.payload ?? DEFAULT_PAYLOAD);
  const [opened, setOpened] = useState({ text: payload, epoch: 0 });
  const [running, setRunning] = useState(false);
  // The run in flight, cancelled (backend call included) when the user leaves the Test tab.
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);
  const check = checkJson(payload);
  const selected = history.find((e) => e.id === selectedId) ?? null;

  const load = (text: string) => {
    setPayload(text);
    setOpened((o) => ({ text, epoch: o.epoch + 1 }));
  };

  async function run(body: string) {
    if (!canInvoke || running || !checkJson(body).ok) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setRunning(true);
    let outcome: InvokeOutcome;
    try {
      outcome = await requestInvoke({ workspaceId, functionId }, body, controller.signal, tActions("networkError"));
    } catch {
      return; // aborted: the tab was left
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
      if (!controller.signal.aborted) setRunning(false);
    }
    if (outcome.kind === "failure" && outcome.code === "UNAUTHENTICATED") {
      sessionEnded();
      return;
    }
    const entry: HistoryEntry = {
      id: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
      at: Date.now(),
      payload: body,
      outcome,
    };
    const next = addToHistory(functionId, history, entry);
    setHistory(next.list);
    setHistoryKept(next.kept);
    setSelectedId(entry.id);
  }

  useModShortcut("Enter", () => void run(payload), canInvoke);

  return (
    <div className="space-y-4">
      {status === "disabled" ? (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {t("disabledNotice")}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <PayloadPanel
            opened={opened}
            check={check}
            canInvoke={canInvoke}
            running={running}
            onChange={setPayload}
            onInvoke={(current) => {
              if (current !== undefined && current !== payload) setPayload(current);
              void run(current ?? payload);
            }}
          />
          <SavedEvents
            workspaceId={workspaceId}
            functionId={functionId}
            initial={props.events}
            canSave={props.canSaveEvents}
            payload={payload}
            payloadIsJson={check.ok}
            onLoad={(ev) => load(ev.payload)}
          />
        </div>
        <div className="space-y-6">
          <section aria-labelledby="response-title" className="space-y-2">
            <h2 id="response-title" className="text-sm font-medium">
              {t("response.title")}
            </h2>
            <ResponsePanel
              outcome={selected?.outcome ?? null}
              at={selected?.at ?? null}
              timeoutSeconds={timeoutSeconds}
              running={running}
              failedRunsHref={failedRunsHref(workspaceId, functionId)}
            />
          </section>
          <HistoryList
            entries={history}
            selectedId={selectedId}
            kept={historyKept}
            canRun={canInvoke}
            onOpen={(e) => {
              setSelectedId(e.id);
              load(e.payload);
            }}
            onRerun={(e) => {
              load(e.payload);
              void run(e.payload);
            }}
            onClear={() => {
              clearHistory(functionId);
              setHistory([]);
              setSelectedId(null);
            }}
          />
        </div>
      </div>
    </div>
  );
}
