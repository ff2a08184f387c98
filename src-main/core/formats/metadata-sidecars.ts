import type { SubjectText } from '../model/index.js';
import type { FormatInput } from '../ports/format-input.js';
import { decodeMetadataText } from './text-runs.js';

/** Most bytes of one metadata sidecar read; a larger one is inventoried by its first bytes. */
export const SIDECAR_MAX_BYTES = 4 * 1024 * 1024;

const extOf = (name: string): string => /\.([^.]+)$/.exec(name)?.[1] ?? '';

/**
 * The metadata sidecars beside a file, as GDAL and ArcGIS write them: GDAL's PAM `<file>.aux.xml`
 * (and the older `<stem>.aux.xml`), ArcGIS's `<file>.xml`. Asking for them through the input joins
 * them to the dataset's file set, so import stores them and a review reads what goes out.
 */
export async function metadataSidecars(input: FormatInput): Promise<FormatInput[]> {
  const ext = extOf(input.name).toLowerCase();
  const found: FormatInput[] = [];
  for (const suffix of [`${ext}.aux.xml`, 'aux.xml', `${ext}.xml`]) {
    const sidecar = await input.sibling(suffix);
    if (sidecar !== null && !found.some((f) => f.name === sidecar.name)) found.push(sidecar);
  }
  return found;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return ENTITIES[body] ?? whole;
  });

/**
 * The human text of an XML document: its character data and CDATA, entities decoded, one line per
 * text node, without markup. Not a parser: the inventory wants what a reader of the bytes would
 * see, and a malformed sidecar still has text. Structure a GDAL PAM file always holds (its SRS,
 * geotransform, histograms, statistics) is left out.
 */
export function xmlText(xml: string): string {
  const withoutStructure = xml
    .replace(/<(SRS|GeoTransform|Histograms|HistItem)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<MDI key="STATISTICS_[A-Z_]+">[^<]*<\/MDI>/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, body: string) => body.replace(/</g, '&lt;'))
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\?[\s\S]*?\?>/g, ' ');
  return withoutStructure
    .split(/<[^>]*>/)
    .map((t) => decodeEntities(t).trim())
    .filter((t) => t !== '')
    .join('\n');
}

/** Each metadata sidecar beside `input` with its text (part `sidecar`, named by its file name). */
export async function sidecarTexts(input: FormatInput): Promise<SubjectText[]> {
  const texts: SubjectText[] = [];
  for (const sidecar of await metadataSidecars(input)) {
    const bytes = await sidecar.read(0, Math.min(sidecar.size, SIDECAR_MAX_BYTES));
    const text = xmlText(decodeMetadataText(bytes));
    if (text !== '') texts.push({ part: 'sidecar', name: sidecar.name, text });
  }
  return texts;
}
