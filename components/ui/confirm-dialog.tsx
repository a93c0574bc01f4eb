"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextInput } from "./field";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** When set, the user must type this text (e.g. the workspace's name) before confirming. */
  requireText?: string;
  pending?: boolean;
  /** Shown under the form when the action failed; the dialog stays open so nothing is lost. */
  error?: string | null;
  onConfirm: () => void;
};

/** Confirmation for anything that loses data: destructive button, optional type-to-confirm, Escape cancels. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const t = useTranslations("common.actions");
  const [typed, setTyped] = useState("");
  const matches = props.requireText === undefined || typed === props.requireText;
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => {
        if (!open) setTyped("");
        props.onOpenChange(open);
      }}
      title={props.title}
      description={props.description}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (matches && !props.pending) props.onConfirm();
        }}
        className="space-y-4"
      >
        {props.requireText !== undefined ? (
          <TextInput
            label={t("typeToConfirm", { text: props.requireText })}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
        ) : null}
        {props.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {props.error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={() => props.onOpenChange(false)}>{t("cancel")}</Button>
          <Button type="submit" variant="danger" disabled={!matches || props.pending} aria-busy={props.pending}>
            {props.pending ? t("working") : props.confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
