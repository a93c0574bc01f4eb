import { formatIsoKst } from "@/components/logs/kst-format";

/** The console's one absolute time format: 24-hour KST, marked as such. */
export function KstTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{`${formatIsoKst(iso)} KST`}</time>;
}
