import { appName as appNameSchema } from "@/lib/contract";
import { checkBuildFile } from "./build-file";
import { pushTargetProblems, type PushTarget } from "./push-target";

export type NewBuildField = "file" | "appName" | "registry" | "repository" | "tag" | "_form";
export type NewBuildErrors = Partial<Record<NewBuildField, string[]>>;
/** Keys of `builds.newBuild.errors`, so every problem found in the browser reads in the user's language. */
export type NewBuildProblem =
  "fileRequired" | "extension" | "empty" | "tooLarge" | "appName" | "registry" | "repository" | "tag";

export type NewBuildInput = { file: File | null; appName: string; push: boolean; target: PushTarget; maxBytes: number };

/** Everything the BFF would refuse, found before the upload starts. */
export function newBuildProblems(input: NewBuildInput): Partial<Record<NewBuildField, NewBuildProblem>> {
  const out: Partial<Record<NewBuildField, NewBuildProblem>> = {};
  const fileProblem = input.file ? checkBuildFile(input.file, input.maxBytes) : "fileRequired";
  if (fileProblem) out.file = fileProblem;
  if (input.appName.trim() !== "" && !appNameSchema.safeParse(input.appName.trim()).success) out.appName = "appName";
  if (input.push) for (const field of pushTargetProblems(input.target)) out[field] = field;
  return out;
}

/** The BFF's field names (`app_name`, `registry_url` …) mapped onto this form's fields. */
export function fromServerFields(fields: Record<string, string[]>): NewBuildErrors {
  const names: Record<string, NewBuildField> = {
    file: "file",
    app_name: "appName",
    registry_url: "repository",
    tag: "tag",
  };
  const out: NewBuildErrors = {};
  for (const [field, messages] of Object.entries(fields)) (out[names[field] ?? "_form"] ??= []).push(...messages);
  return out;
}
