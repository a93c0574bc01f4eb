"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { functionHref } from "@/lib/routes";
import { EnvVarsEditor } from "@/components/functions/env-vars-editor";
import { HttpMethodsField } from "@/components/functions/http-methods-field";
import { MemoryField } from "@/components/functions/memory-field";
import { TemplatePicker } from "@/components/functions/template-picker";
import { Button } from "@/components/ui/button";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { TextArea, TextInput } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { encodeUtf8Base64 } from "@/lib/base64";
import { DEFAULT_RUNTIME, functionCreate, TIMEOUT_MAX, TIMEOUT_MIN } from "@/lib/contract";
import { envRowsToVariables, rowErrorsFromServer, type EnvRow } from "@/lib/forms/env-rows";
import { errorsFor, toFieldErrors, type FieldErrors, type IssueMessage } from "@/lib/forms/field-errors";
import {
  DEFAULT_TEMPLATE,
  FUNCTION_TEMPLATES,
  SUPPORTED_RUNTIMES,
  type FunctionTemplateId,
} from "@/lib/templates/function-templates";
import { createFunction } from "@/server/actions/functions";

type Draft = {
  name: string;
  description: string;
  runtime: string;
  memory: string;
  timeout: string;
  httpMethods: string[];
  env: EnvRow[];
  template: FunctionTemplateId;
};

const INITIAL: Draft = {
  name: "",
  description: "",
  runtime: DEFAULT_RUNTIME,
  memory: "256",
  timeout: "30",
  httpMethods: ["POST"],
  env: [],
  template: DEFAULT_TEMPLATE,
};
/** Fields the form shows errors for; anything else the server names goes to the form-level message. */
const SHOWN = ["name", "description", "runtime", "memory", "timeout", "httpMethods", "environmentVariables", "code"];
const toNumber = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/**
 * Every field of a new function, validated with the contract's `functionCreate` in the browser and
 * again by the server action; errors land next to their fields either way. The draft stays as typed
 * when the server refuses, and a created function opens on its code tab.
 */
export function CreateFunctionForm({ workspaceId, cancelHref }: { workspaceId: string; cancelHref: string }) {
  const t = useTranslations("functions");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const [draft, setDraft] = useState<Draft>(INITIAL);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { run, pending } = useAction(createFunction, {
    success: (fn) => t("create.created", { name: fn.name }),
    onSuccess: (fn) => router.push(functionHref(fn.workspaceId, fn.id, "code")),
  });

  const say = (issue: IssueMessage) =>
    t.has(`validation.${issue.key}`) ? t(`validation.${issue.key}`, issue.values) : issue.fallback;
  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = async () => {
    const env = envRowsToVariables(draft.env);
    const parsed = functionCreate.safeParse({
      name: draft.name,
      description: draft.description.trim() || undefined,
      runtime: draft.runtime,
      memory: toNumber(draft.memory),
      timeout: toNumber(draft.timeout),
      httpMethods: draft.httpMethods,
      environmentVariables: env.variables,
      code: encodeUtf8Base64(FUNCTION_TEMPLATES[draft.template]),
    });
    const envErrors = Object.fromEntries(
      Object.entries(env.problems).map(([id, problem]) => [
        id,
        [t(`form.env.${problem}`, { name: draft.env.find((r) => r.id === id)?.name.trim() ?? "" })],
      ]),
    );
    setRowErrors(envErrors);
    setFormError(null);
    if (!parsed.success || Object.keys(envErrors).length > 0) {
      setErrors(parsed.success ? {} : toFieldErrors(parsed.error, say));
      focusFirstError();
      return;
    }
    setErrors({});
    const result = await run({ workspaceId, ...parsed.data });
    if (result.ok || result.error.code === "UNAUTHENTICATED") return;
    const fieldErrors = result.error.fieldErrors ?? {};
    setErrors(fieldErrors);
    setRowErrors(rowErrorsFromServer(draft.env, fieldErrors));
    const placed = Object.keys(fieldErrors).some((f) => SHOWN.includes(f.split(".")[0]!));
    setFormError(placed ? t("create.fixFields") : result.error.message);
    focusFirstError();
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="create-function-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void submit();
      }}
      className="space-y-6"
    >
      <Card className="space-y-4 p-6">
        <TextInput
          id="name"
          label={t("form.name")}
          hint={t("form.nameHint")}
          value={draft.name}
          autoComplete="off"
          errors={errorsFor(errors, "name")}
          onChange={(e) => edit("name", e.target.value)}
        />
        <TextArea
          id="description"
          label={t("form.description")}
          rows={2}
          value={draft.description}
          errors={errorsFor(errors, "description")}
          onChange={(e) => edit("description", e.target.value)}
        />
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField
            id="runtime"
            label={t("form.runtime")}
            value={draft.runtime}
            errors={errorsFor(errors, "runtime")}
            onChange={(e) => edit("runtime", e.target.value)}
          >
            {SUPPORTED_RUNTIMES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </SelectField>
          <MemoryField value={draft.memory} errors={errorsFor(errors, "memory")} onChange={(v) => edit("memory", v)} />
          <TextInput
            id="timeout"
            label={t("form.timeout")}
            hint={t("form.timeoutHint", { min: TIMEOUT_MIN, max: TIMEOUT_MAX })}
            type="number"
            inputMode="numeric"
            min={TIMEOUT_MIN}
            max={TIMEOUT_MAX}
            step={1}
            value={draft.timeout}
            errors={errorsFor(errors, "timeout")}
            onChange={(e) => edit("timeout", e.target.value)}
          />
        </div>
        <HttpMethodsField
          value={draft.httpMethods}
          errors={errorsFor(errors, "httpMethods")}
          onChange={(m) => edit("httpMethods", m)}
        />
      </Card>
      <Card className="p-6">
        <EnvVarsEditor
          rows={draft.env}
          rowErrors={rowErrors}
          errors={errorsFor(errors, "environmentVariables")}
          onChange={(rows) => {
            edit("env", rows);
            setRowErrors({});
          }}
        />
      </Card>
      <Card className="p-6">
        <TemplatePicker
          value={draft.template}
          errors={errorsFor(errors, "code")}
          onChange={(id) => edit("template", id)}
        />
      </Card>
      {formError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Link href={cancelHref} className={buttonClasses()}>
          {t("create.cancel")}
        </Link>
        <Button type="submit" variant="primary" disabled={pending} aria-busy={pending}>
          {pending ? t("create.pending") : t("create.submit")}
        </Button>
      </div>
    </form>
  );
}
