"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { UnsavedChangesGuard } from "@/components/editor/unsaved-changes-guard";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextArea, TextInput } from "@/components/ui/field";
import { MEMORY_MAX, MEMORY_MIN, TIMEOUT_MAX, TIMEOUT_MIN } from "@/lib/contract/rules";
import type { FunctionDto } from "@/lib/dto/function";
import { EnvVarsEditor } from "@/components/functions/env-vars-editor";
import { HttpMethodsField } from "@/components/functions/http-methods-field";
import { MemoryField } from "@/components/functions/memory-field";
import { saveFunctionSettings } from "@/server/actions/functions";
import {
  buildPatch,
  effectiveInvocationUrl,
  formFromFunction,
  placeServerErrors,
  type SettingsForm as Form,
} from "./settings-model";
import { envValueKey } from "@/lib/routes";

type SettingsFormProps = {
  fn: FunctionDto;
  canEdit: boolean;
  canReveal: boolean;
};

/** Memory, timeout, methods, invocation URL, description and environment; saves only what changed. */
export function SettingsForm({ fn, canEdit, canReveal }: SettingsFormProps) {
  const t = useTranslations("functionSettings");
  const [loaded, setLoaded] = useState(fn);
  const [form, setForm] = useState<Form>(() => formFromFunction(fn));
  const action = useAction(saveFunctionSettings, {
    success: t("saved"),
    onSuccess: (saved) => {
      setLoaded(saved);
      setForm(formFromFunction(saved));
    },
  });

  // The contract decides what is valid; the message is the field's rule, in the user's language.
  const clientMessage = (key: string) =>
    key === "memory"
      ? t("errors.memory", { min: MEMORY_MIN, max: MEMORY_MAX })
      : key === "timeout"
        ? t("errors.timeout", { min: TIMEOUT_MIN, max: TIMEOUT_MAX })
        : t(`errors.${key}`);
  const checked = buildPatch(form, loaded);
  const dirty = !checked.ok || Object.keys(checked.patch).length > 0;
  const server = placeServerErrors(action.failure?.fieldErrors, form);
  const errorsOf = (field: string): string[] => {
    const own = checked.ok ? [] : ((checked.errors as Record<string, string[]>)[field] ?? []);
    return [...own.map(clientMessage), ...(server.placed[field] ?? [])];
  };
  const envErrors = Object.fromEntries(form.env.map((r) => [r.id, errorsOf(`env:${r.id}`)]));
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const effectiveUrl = effectiveInvocationUrl(form.invocationUrl);

  return (
    <Card>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canEdit && checked.ok && Object.keys(checked.patch).length > 0) {
            void action.run({ workspaceId: fn.workspaceId, functionId: fn.id, settings: checked.patch });
          }
        }}
        className="space-y-5"
      >
        <fieldset disabled={!canEdit} className="space-y-5">
          <legend className="sr-only">{t("legend")}</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <MemoryField value={form.memory} onChange={(v) => set("memory", v)} errors={errorsOf("memory")} />
            <TextInput
              label={t("fields.timeout")}
              type="number"
              inputMode="numeric"
              min={TIMEOUT_MIN}
              max={TIMEOUT_MAX}
              step={1}
              value={form.timeout}
              onChange={(e) => set("timeout", e.target.value)}
              hint={t("hints.timeout", { min: TIMEOUT_MIN, max: TIMEOUT_MAX })}
              errors={errorsOf("timeout")}
            />
          </div>
          <HttpMethodsField
            value={form.httpMethods}
            onChange={(m) => set("httpMethods", m)}
            errors={errorsOf("httpMethods")}
          />
          <TextInput
            label={t("fields.invocationUrl")}
            type="text"
            inputMode="url"
            placeholder="https://fn.example/run"
            value={form.invocationUrl}
            onChange={(e) => set("invocationUrl", e.target.value)}
            hint={
              effectiveUrl === null
                ? t("hints.invocationUrlEmpty")
                : effectiveUrl !== form.invocationUrl.trim()
                  ? t("hints.invocationUrlScheme", { url: effectiveUrl })
                  : null
            }
            errors={errorsOf("invocationUrl")}
          />
          <TextArea
            label={t("fields.description")}
            rows={3}
            value={form.description}
            onChange={(e) => set("description", e.target.value)}
            errors={errorsOf("description")}
          />
          <EnvVarsEditor
            rows={form.env}
            onChange={(env) => set("env", env)}
            rowErrors={envErrors}
            errors={errorsOf("environmentVariables")}
            readOnly={!canEdit}
            revealUrl={canReveal ? (name) => envValueKey(fn.workspaceId, fn.id, name) : undefined}
          />
        </fieldset>
        {action.failure ? (
          <div role="alert" className="text-sm text-red-700 dark:text-red-300">
            <p>{t("saveFailed", { message: action.failure.message })}</p>
            {server.rest.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        {canEdit ? (
          <div className="flex justify-end gap-2">
            <Button
              className="disabled:opacity-50"
              onClick={() => setForm(formFromFunction(loaded))}
              disabled={!dirty || action.pending}
            >
              {t("reset")}
            </Button>
            <Button
              type="submit"
              variant="primary"
              disabled={!dirty || !checked.ok || action.pending}
              aria-busy={action.pending}
            >
              {action.pending ? t("saving") : t("save")}
            </Button>
          </div>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("readOnly")}</p>
        )}
      </form>
      <UnsavedChangesGuard
        when={canEdit && dirty}
        title={t("leave.title")}
        description={t("leave.description")}
        leaveLabel={t("leave.confirm")}
      />
    </Card>
  );
}
