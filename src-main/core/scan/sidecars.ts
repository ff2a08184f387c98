/** Names that are sidecars or GDAL leftovers: they carry metadata the review never saw. */
const SIDECAR = /\.(aux\.xml|ovr|msk|xml|aux|rrd|tfw|prj\.bak)$|(^|\/)\.|~$/i;

/** The payload paths that are not in the listed set or look like a sidecar, in input order. */
export function unexpectedPayloadFiles(paths: readonly string[], listed: ReadonlySet<string>): string[] {
  return paths.filter((p) => !listed.has(p) || SIDECAR.test(p));
}
