/** The workspace list's search: name or description contains every word typed, case-insensitive. */
export function matchesWorkspace(w: { name: string; description: string | null }, q: string): boolean {
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const text = `${w.name}\n${w.description ?? ""}`.toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}
