import { BUILD_FILE_EXTENSIONS } from "@/lib/contract";

export type BuildFileProblem = "extension" | "empty" | "tooLarge";

/**
 * The checks the BFF makes again, done before a byte is sent so a wrong file fails at once instead of
 * after a long upload. The BFF's answer stays the authority (it also reads the zip signature).
 */
export function checkBuildFile(file: { name: string; size: number }, maxBytes: number): BuildFileProblem | null {
  if (!BUILD_FILE_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) return "extension";
  if (file.size === 0) return "empty";
  if (file.size > maxBytes) return "tooLarge";
  return null;
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
