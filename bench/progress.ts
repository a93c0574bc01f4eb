/** What the bench is doing now, on stderr: a long run shows where it is, and where it stopped. */
export function progress(step: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${step}\n`);
}
