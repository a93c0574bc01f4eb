import type { ExecutionLogDto } from "@/lib/dto/logs";

const TRACEBACK = /^Traceback \(most recent call last\):\s*$/;
/** Python's last traceback line: `ZeroDivisionError: division by zero`, `mod.CustomError`, `KeyboardInterrupt`. */
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b(:.*)?$/;

/**
 * The one line a list shows for an execution. A failed run shows its exception line, not the
 * "Traceback (most recent call last):" header that opens every Python traceback.
 */
export function executionSummary(log: Pick<ExecutionLogDto, "logs" | "responseBody" | "status">): string {
  const lines = log.logs.flatMap((l) => l.split(/\r?\n/)).filter((l) => l.trim() !== "");
  const start = lines.findLastIndex((l) => TRACEBACK.test(l));
  // Python ends a traceback with the exception line, the only one after the header not indented.
  const unindented = start >= 0 ? lines.slice(start + 1).filter((l) => !/^\s/.test(l)) : [];
  if (unindented.length > 0) return unindented[unindented.length - 1]!;
  if (log.status === "error") {
    const exception = lines.findLast((l) => EXCEPTION_LINE.test(l.trim()));
    if (exception !== undefined) return exception.trim();
  }
  const first = lines.find((l) => !TRACEBACK.test(l));
  if (first !== undefined) return first;
  if (log.responseBody === undefined || log.responseBody === null) return "";
  return typeof log.responseBody === "string" ? log.responseBody : JSON.stringify(log.responseBody);
}
