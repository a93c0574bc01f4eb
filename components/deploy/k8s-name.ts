/**
 * A Kubernetes name (RFC 1123 label) made from a function's name: lower case, runs of anything else
 * turned into "-", at most 63 characters, no "-" at either end. "" when nothing usable is left.
 */
export function toK8sName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
