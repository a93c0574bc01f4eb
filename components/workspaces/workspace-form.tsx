"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { TextArea, TextInput } from "@/components/ui/field";
import type { Result } from "@/lib/api/result";
import { workspaceCreate, workspaceUpdate, type WorkspaceCreate } from "@/lib/contract";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { errorsFor, toFieldErrors, type FieldErrors, type IssueMessage } from "@/lib/forms/field-errors";

type WorkspaceFormProps = {
  mode: "create" | "edit";
  initial?: { name: string; description: string | null };
  /** The server action, bound to its workspace when editing. */
  action: (input: WorkspaceCreate) => Promise<Result<WorkspaceDto>>;
  submitLabel: string;
  pendingLabel: string;
  success: (w: WorkspaceDto) => string;
  onSuccess: (w: WorkspaceDto) => void;
  onCancel: () => void;
};

const KNOWN_FIELDS = ["name", "description"];

/**
 * Name and description of a workspace, validated in the browser with the very schema the server action
 * uses, so the first error shows before any request and the server's own field errors land in the same
 * places. Enter in the name field submits; what was typed survives a refused save.
 */
export function WorkspaceForm(props: WorkspaceFormProps) {
  const t = useTranslations("workspaces");
  const tc = useTranslations("common.actions");
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const [name, setName] = useState(props.initial?.name ?? "");
  const [description, setDescription] = useState(props.initial?.description ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useAction(props.action, { success: props.success, onSuccess: props.onSuccess });
  // The form loads after its dialog opened (it is lazy), so the dialog's own initial focus found no
  // field yet: the name field takes it once the form is there.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }, []);

  const say = (issue: IssueMessage) =>
    t.has(`validation.${issue.key}`) ? t(`validation.${issue.key}`, issue.values) : issue.fallback;

  const submit = async () => {
    // Creating leaves an empty description out; editing sends "" so a description can be cleared.
    const raw = {
      name,
      description: props.mode === "create" && description.trim() === "" ? undefined : description.trim(),
    };
    const parsed = (props.mode === "create" ? workspaceCreate : workspaceUpdate).safeParse(raw);
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error, say));
      setFormError(null);
      focusFirstError();
      return;
    }
    setErrors({});
    setFormError(null);
    const result = await run({ name: parsed.data.name ?? name, description: parsed.data.description });
    if (!result.ok && result.error.code !== "UNAUTHENTICATED") {
      const fieldErrors = result.error.fieldErrors ?? {};
      setErrors(fieldErrors);
      setFormError(Object.keys(fieldErrors).some((f) => KNOWN_FIELDS.includes(f)) ? null : result.error.message);
      focusFirstError();
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void submit();
      }}
    >
      <TextInput
        label={t("form.name")}
        name="name"
        value={name}
        autoComplete="off"
        errors={errorsFor(errors, "name")}
        onChange={(e) => {
          setName(e.target.value);
          setErrors(({ name: _, ...rest }) => rest);
        }}
      />
      <TextArea
        label={t("form.description")}
        hint={t("form.descriptionHint")}
        name="description"
        rows={3}
        value={description}
        errors={errorsFor(errors, "description")}
        onChange={(e) => {
          setDescription(e.target.value);
          setErrors(({ description: _, ...rest }) => rest);
        }}
      />
      {formError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={props.onCancel}>{tc("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={pending} aria-busy={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
