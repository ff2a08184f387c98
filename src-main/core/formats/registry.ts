import type { DatasetFormat } from '../model/index.js';
import type { DetectStrength, FileHead, FormatModule } from './format-module.js';
import { flatgeobufFormat } from './flatgeobuf/format.js';
import { geojsonFormat } from './geojson/format.js';
import { geopackageFormat } from './geopackage/format.js';
import { geotiffFormat } from './geotiff/format.js';
import { shapefileFormat } from './shapefile/format.js';
import { csvFormat } from './csv/format.js';
import { gpxFormat } from './gpx/format.js';
import { kmlFormat } from './kml/format.js';
import { zipShapefileFormat } from './zip/format.js';
import { jpegFormat, pngFormat } from './worldfile/format.js';

/**
 * Every format Strata reads, one module each. Order matters only between modules equally sure of
 * a head: the first wins. Adding a format is its folder and one line here.
 */
export const FORMATS: readonly FormatModule[] = [
  geotiffFormat,
  pngFormat,
  jpegFormat,
  shapefileFormat,
  geojsonFormat,
  geopackageFormat,
  flatgeobufFormat,
  kmlFormat,
  gpxFormat,
  zipShapefileFormat,
  csvFormat,
];

const RANK: Readonly<Record<DetectStrength, number>> = { content: 2, name: 1 };

/** The module for a file by its head (content beats name); null when no module claims it. */
export function detectModule(file: FileHead): FormatModule | null {
  let best: { module: FormatModule; rank: number } | null = null;
  for (const module of FORMATS) {
    const strength = module.detect(file);
    if (strength === null) continue;
    const rank = RANK[strength];
    if (best === null || rank > best.rank) best = { module, rank };
  }
  return best?.module ?? null;
}

/** The format of a file by its head; null when it is none we read. */
export const detectFormat = (file: FileHead): DatasetFormat | null => detectModule(file)?.id ?? null;

export function formatModule(id: DatasetFormat): FormatModule | null {
  return FORMATS.find((m) => m.id === id) ?? null;
}

/** Open-dialog filters, one per format, in the given UI language. */
export function dialogFilters(lang: 'zh-CN' | 'en'): { name: string; extensions: string[] }[] {
  return FORMATS.map((m) => ({ name: m.label[lang], extensions: [...m.extensions] }));
}

/** The formats read, for the message that says a file is none of them. */
export const formatNames = (): string => FORMATS.map((m) => m.id).join(', ');
