/**
 * How the contract suite is split, so a backend that follows the spec gets 0 failures:
 * - spec tests name the sentence of shared/spec/backend-api.md they check, quoted with `specRule("…")`
 *   (tests/unit/contract-spec-quotes.test.ts checks every quote against the spec's text);
 * - the embedded platform's own stricter rules (limits, zip checks, ids, key sets…) sit in
 *   `describeEmbeddedRules` blocks, which run only against the embedded backend and say why;
 * - tests that push to a registry on this machine run only where the backend can reach it.
 */
import { describe } from "vitest";
import { EMBEDDED, REMOTE_BASE_URL } from "./backend-contract-target";
import { REGISTRY_BIN, REGISTRY_MISSING_REASON } from "./registry-server";

/** A test title that quotes the spec sentence it checks. */
export function specRule(sentence: string, title?: string): string {
  return title ? `${title} · spec: "${sentence}"` : `spec: "${sentence}"`;
}

/**
 * Rules the spec does not state, which the embedded platform holds itself to (and the console may
 * rely on only against it). Against another backend the block is skipped, naming the reason.
 */
export function describeEmbeddedRules(title: string, why: string, body: () => void): void {
  const name = `embedded platform's own rules: ${title} (${why})`;
  if (EMBEDDED) describe(name, body);
  else
    describe.skip(
      `${name}; skipped: not in the spec, and CONTRACT_BASE_URL=${REMOTE_BASE_URL} is not the embedded backend`,
      body,
    );
}

/**
 * A registry the backend can push to: docker-registry started here on loopback, which only a
 * backend on this machine (the embedded one) can reach. A remote backend would need its own.
 */
export const REGISTRY_REACHABLE = EMBEDDED && REGISTRY_BIN !== null;
export const REGISTRY_SKIP = REGISTRY_REACHABLE
  ? ""
  : EMBEDDED
    ? ` (skipped: ${REGISTRY_MISSING_REASON})`
    : ` (skipped: the backend at ${REMOTE_BASE_URL} cannot reach a registry on this test machine's loopback)`;
