"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import type { EditorCursor, EditorEol } from "@/components/editor/code-editor";
import { LazyCodeEditor, LazyDiffView } from "@/components/editor/lazy-editors";
import { UnsavedChangesGuard } from "@/components/editor/unsaved-changes-guard";
import { useIsClient } from "@/components/editor/use-is-client";
import { useModShortcut } from "@/components/editor/use-shortcut";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { CodeStatusBar } from "./code-status-bar";
import { utf8Bytes, toSource } from "./code-text";
import { ShipButton } from "@/components/ship/ship-button";
import type { ShipActions } from "@/lib/ship/run";
import { CodeToolbar } from "./code-toolbar";
import { ConflictDialog } from "./conflict-dialog";
import { DraftBanner } from "./draft-banner";
import { decodeVersion, type CodeVersion, type SaveCodeAction, useCodeDocument } from "./use-code-document";

type CodeWorkspaceProps = {
  workspaceId: string;
  functionId: string;
  /** Base64 of the stored UTF-8 source, as the backend keeps it. */
  code: string;
  lastModified: string;
  canEdit: boolean;
  /** Shows Deploy (ship the saved code) in the toolbar when given. */
  shipAction?: ShipActions["start"];
  saveCode: SaveCodeAction;
};

/** The Code tab: decodes the stored source, then edits it in the browser only (drafts live in localStorage). */
export function CodeWorkspace(props: CodeWorkspaceProps) {
  const t = useTranslations("code");
  const isClient = useIsClient();
  const stored = useMemo(() => decodeVersion({ code: props.code, lastModified: props.lastModified }), [props.code, props.lastModified]);
  if (!stored) return <ErrorPanel title={t("undecodable.title")} message={t("undecodable.message")} />;
  if (!isClient) return <Skeleton className="h-[60vh]" />;
  return <CodeDocument {...props} stored={stored} />;
}

function CodeDocument({ workspaceId, functionId, canEdit, shipAction, saveCode, stored }: CodeWorkspaceProps & { stored: CodeVersion }) {
  const t = useTranslations("code");
  const { run, failure } = useAction(saveCode, { success: t("toast.saved") });
  const doc = useCodeDocument({ workspaceId, functionId, stored, canEdit, runSave: run });
  const [showDiff, setShowDiff] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [cursor, setCursor] = useState<EditorCursor | null>(null);
  const [eol, setEol] = useState<EditorEol>(doc.shape.eol);
  useModShortcut("s", () => void doc.save(), canEdit);

  const source = toSource(doc.text, doc.shape);
  const shownFailure = failure && failure.code !== "CONFLICT" ? failure : null;

  return (
    <section aria-label={t("label")} className="space-y-3">
      {doc.restored ? <DraftBanner restored={doc.restored} onDiscard={() => setConfirmDiscard(true)} onDismiss={doc.dismissRestored} /> : null}
      {doc.shape.mixedEol ? (
        <p role="note" className="text-sm text-amber-800 dark:text-amber-300">
          {t("mixedEol", { eol: doc.shape.eol === "\r\n" ? "CRLF" : "LF" })}
        </p>
      ) : null}
      {shownFailure ? (
        <ErrorPanel title={t("saveFailed")} message={shownFailure.message} code={shownFailure.code} requestId={shownFailure.requestId} />
      ) : null}
      <CodeToolbar
        canEdit={canEdit}
        dirty={doc.dirty}
        saving={doc.saving}
        showDiff={showDiff}
        onToggleDiff={() => setShowDiff((s) => !s)}
        onDiscard={() => setConfirmDiscard(true)}
        onSave={() => void doc.save()}
        extra={shipAction ? <ShipButton workspaceId={workspaceId} functionId={functionId} dirty={doc.dirty} save={() => doc.save()} startAction={shipAction} /> : null}
      />
      <div>
        {showDiff ? (
          <div className="h-[60vh] overflow-hidden rounded-t-md border border-zinc-200 dark:border-zinc-800" data-testid="code-diff">
            <p className="sr-only">{t("diffHint")}</p>
            <LazyDiffView original={doc.savedText} modified={doc.text} language="python" ariaLabel={t("diffLabel")} />
          </div>
        ) : null}
        {/* Hidden, not unmounted, while the diff shows: the editor keeps its undo history and cursor. */}
        <div className={showDiff ? "hidden" : "h-[60vh] overflow-hidden rounded-t-md border border-zinc-200 dark:border-zinc-800"} data-testid="code-editor">
          <LazyCodeEditor
            key={doc.opened.epoch}
            initialValue={doc.opened.text}
            language="python"
            ariaLabel={t("editorLabel")}
            readOnly={!canEdit}
            onChange={doc.setText}
            onCursorChange={setCursor}
            onReady={setEol}
            shortcuts={canEdit ? { save: (value) => void doc.save(value) } : undefined}
          />
        </div>
        <CodeStatusBar cursor={cursor} bytes={utf8Bytes(source)} bom={doc.shape.bom} eol={eol} draftKept={canEdit ? doc.draftKept : null} />
      </div>
      {!canEdit ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("readOnlyHint")}</p> : null}
      <ConflictDialog conflict={doc.conflict} mine={doc.text} onKeepEditing={doc.keepEditing} onLoadTheirs={doc.loadTheirs} onClose={doc.closeConflict} />
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
      <UnsavedChangesGuard when={canEdit && doc.dirty} title={t("leave.title")} description={t("leave.description")} leaveLabel={t("leave.confirm")} />
    </section>
  );
}
