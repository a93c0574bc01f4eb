import { imageTag, registryUrl } from "@/lib/contract";

/** Where an image goes: a configured registry, an optional repository under it, and a tag. */
export type PushTarget = { registry: string; repository: string; tag: string };
export type PushTargetField = "registry" | "repository" | "tag";

/** The `registry_url` the backend takes; a bare registry makes the backend name the repository itself. */
export function registryUrlOf(target: PushTarget): string {
  const repo = target.repository.trim().replace(/^\/+|\/+$/g, "");
  return repo ? `${target.registry}/${repo}` : target.registry;
}

/** Checked with the contract's own rules, so what passes here passes the BFF. */
export function pushTargetProblems(target: PushTarget): PushTargetField[] {
  const problems: PushTargetField[] = [];
  if (!target.registry) problems.push("registry");
  else if (!registryUrl.safeParse(registryUrlOf(target)).success) problems.push("repository");
  if (!imageTag.safeParse(target.tag).success) problems.push("tag");
  return problems;
}
