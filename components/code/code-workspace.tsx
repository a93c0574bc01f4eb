"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import type { EditorControls, EditorCursor, EditorEol } from "@/components/editor/code-editor";
import { LazyCodeEditor, LazyDiffView } from "@/components/editor/lazy-editors";
import { UnsavedChangesGuard } from "@/components/editor/unsaved-changes-guard";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useModShortcut } from "@/components/editor/use-shortcut";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { CodeStatusBar } from "./code-status-bar";
import { utf8Bytes, toSource } from "./code-text";
import { ShipButton } from "@/components/ship/ship-button";
import { saveFunctionCode } from "@/server/actions/function-code";
import { CodeToolbar } from "./code-toolbar";
import { ConflictDialog } from "./conflict-dialog";
import { DraftBanner } from "./draft-banner";
import { decodeVersion, type CodeVersion, useCodeDocument } from "./use-code-document";

type CodeWorkspaceProps = {
  workspaceId: string;
  functionId: string;
  /** Base64 of the stored UTF-8 source, as the backend keeps it. */
  code: string;
  lastModified: string;
  canEdit: boolean;
  /** The source quotes a console secret and arrives blanked: shown read-only, never saved over. */
  redacted?: boolean;
  /** Shows Deploy (ship the saved code) in the toolbar. */
  canShip: boolean;
};

/** The Code tab: decodes the stored source, then edits it in the browser only (drafts live in localStorage). */
export function CodeWorkspace(props: CodeWorkspaceProps) {
  const t = useTranslations("code");
  const isClient = useHydrated();
  const stored = useMemo(
    () => decodeVersion({ code: props.code, lastModified: props.lastModified }),
    [props.code, props.lastModified],
  );
  if (!stored) return <ErrorPanel title={t("undecodable.title")} message={t("undecodable.message")} />;
  if (!isClient) return <Skeleton className="h-[60vh]" />;
  if (!props.redacted) return <CodeDocument {...props} stored={stored} />;
  return (
    <div className="space-y-3">
      <p
        role="note"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
      >
        <strong className="block">{t("redacted.title")}</strong>
        {t("redacted.message")}
      </p>
      <CodeDocument {...props} canEdit={false} stored={stored} />
    </div>
  );
}

function CodeDocument({
  workspaceId,
  functionId,
  canEdit,
  canShip,
  stored,
}: CodeWorkspaceProps & { stored: CodeVersion }) {
  const t = useTranslations("code");
  const { run, failure } = useAction(saveFunctionCode, { success: t("toast.saved") });
  const doc = useCodeDocument({ workspaceId, functionId, stored, canEdit, runSave: run });
  const [showDiff, setShowDiff] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [cursor, setCursor] = useState<EditorCursor | null>(null);
  const [eol, setEol] = useState<EditorEol>(doc.shape.eol);
  const [editorControls, setEditorControls] = useState<EditorControls | null>(null);
  const [formatFailed, setFormatFailed] = useState(false);
  const format = async (controls: EditorControls) => setFormatFailed(!(await controls.format()));
  useModShortcut("s", () => void doc.save(), canEdit);

  const source = toSource(doc.text, doc.shape);
  const shownFailure = failure && failure.code !== "CONFLICT" ? failure : null;

  return (
    <section aria-label={t("label")} className="space-y-3">
      {doc.restored ? (
        <DraftBanner
          restored={doc.restored}
          onDiscard={() => setConfirmDiscard(true)}
          onDismiss={doc.dismissRestored}
        />
      ) : null}
      {doc.shape.mixedEol ? (
        <p role="note" className="text-sm text-amber-800 dark:text-amber-300">
          {t("mixedEol", { eol: doc.shape.eol === "\r\n" ? "CRLF" : "LF" })}
        </p>
      ) : null}
      {shownFailure ? (
        <ErrorPanel
          title={t("saveFailed")}
          message={shownFailure.message}
          code={shownFailure.code}
          requestId={shownFailure.requestId}
        />
      ) : null}
      <CodeToolbar
        canEdit={canEdit}
        dirty={doc.dirty}
        saving={doc.saving}
        showDiff={showDiff}
        onToggleDiff={() => setShowDiff((s) => !s)}
        onDiscard={() => setConfirmDiscard(true)}
        onSave={() => void doc.save()}
        onFormat={editorControls ? () => void format(editorControls) : undefined}
        extra={
          canShip ? (
            <ShipButton workspaceId={workspaceId} functionId={functionId} dirty={doc.dirty} save={() => doc.save()} />
          ) : null
        }
      />
      <p role="status" className={formatFailed ? "text-sm text-amber-800 dark:text-amber-300" : "sr-only"}>
        {formatFailed ? t("formatFailed") : null}
      </p>
      <div>
        {showDiff ? (
          <div
            className="h-[60vh] overflow-hidden rounded-t-md border border-zinc-200 dark:border-zinc-800"
            data-testid="code-diff"
          >
            <p className="sr-only">{t("diffHint")}</p>
            <LazyDiffView original={doc.savedText} modified={doc.text} language="python" ariaLabel={t("diffLabel")} />
          </div>
        ) : null}
        {/* Hidden, not unmounted, while the diff shows: the editor keeps its undo history and cursor. */}
        <div
          className={
            showDiff ? "hidden" : "h-[60vh] overflow-hidden rounded-t-md border border-zinc-200 dark:border-zinc-800"
          }
          data-testid="code-editor"
        >
          <LazyCodeEditor
            key={doc.opened.epoch}
            initialValue={doc.opened.text}
            language="python"
            ariaLabel={t("editorLabel")}
            readOnly={!canEdit}
            onChange={(text) => {
              doc.setText(text);
              setFormatFailed(false);
            }}
            onCursorChange={setCursor}
            onReady={setEol}
            onControls={setEditorControls}
            shortcuts={canEdit ? { save: (value) => void doc.save(value) } : undefined}
          />
        </div>
        <CodeStatusBar
          cursor={cursor}
          bytes={utf8Bytes(source)}
          bom={doc.shape.bom}
          eol={eol}
          draftKept={canEdit ? doc.draftKept : null}
        />
      </div>
      {!canEdit ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("readOnlyHint")}</p> : null}
      <ConflictDialog
        conflict={doc.conflict}
        mine={doc.text}
        onKeepEditing={doc.keepEditing}
        onLoadTheirs={doc.loadTheirs}
        onClose={doc.closeConflict}
      />
      <ConfirmDialog
        open={confirmDiscard}
        onOpenChange={setConfirmDiscard}
        title={t("discard.title")}
        description={t("discard.description")}
        confirmLabel={t("discard.confirm")}
        onConfirm={() => {
          doc.discard();
          setConfirmDiscard(false);
          setShowDiff(false);
        }}
      />
      <UnsavedChangesGuard
        when={canEdit && doc.dirty}
        title={t("leave.title")}
        description={t("leave.description")}
        leaveLabel={t("leave.confirm")}
      />
    </section>
  );
}
