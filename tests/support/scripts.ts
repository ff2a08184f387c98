/**
 * Script checks shared by the language tests: what counts as "the other language" in a text a
 * user sees. English text may show Han only where it quotes stored data (the test says which);
 * Chinese text may show Latin words only from an allow-list of names that have no translation.
 */
export const HAN = /\p{Script=Han}/u;

/** Stored secrecy levels as the English UI quotes them after the ISO name: "Confidential (秘密)". */
export const QUOTED_LEVEL = /\((?:公开|内部|秘密|机密|绝密)\)/gu;

/** Han characters left in `text` once the allowed quotations are removed. */
export function strayHan(text: string, allowed: readonly string[] = []): string[] {
  let rest = text.replace(QUOTED_LEVEL, '');
  for (const quote of allowed) rest = rest.split(quote).join('');
  return [...rest.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]);
}

/**
 * Latin words that stay as they are in Chinese text: format and codec names, standards, units,
 * file-structure names (tags, members) that users see in GDAL too, and the product's name.
 */
export const LATIN_IN_CHINESE = new Set([
  'Strata',
  'GeoTIFF',
  'TIFF',
  'BigTIFF',
  'GeoJSON',
  'JSON',
  'Shapefile',
  'shp',
  'dbf',
  'shx',
  'prj',
  'cpg',
  'IFD',
  'JPEG',
  'JPEGTables',
  'LZW',
  'DEFLATE',
  'PackBits',
  'LERC',
  'ZSTD',
  'PNG',
  'YCbCr',
  'RGB',
  'DEM',
  'GCP',
  'CRS',
  'EPSG',
  'UTM',
  'WGS',
  'CGCS2000',
  'SHA',
  'PEM',
  'Ed25519',
  'BagIt',
  'bagit',
  'bag',
  'info',
  'txt',
  'sig',
  'manifest',
  'tagmanifest',
  'sha256',
  'Payload',
  'Oxum',
  'UTF',
  'NUL',
  'Windows',
  'Unicode',
  'SQLite',
  'application_id',
  'quick_check',
  'integrity_check',
  'GeoKeys',
  'GeoKeyDirectory',
  'ModelPixelScale',
  'ModelTiepoint',
  'ModelTransformation',
  'RowsPerStrip',
  'ColorMap',
  'FeatureCollection',
  'Feature',
  'features',
  'properties',
  'geometry',
  'geometries',
  'coordinates',
  'data',
  'KB',
  'MB',
  'GB',
  'GiB',
  'B',
  'm',
  'km',
  'v',
  'N',
  'WebGL',
  // GeoPackage and FlatGeobuf: format names, table and column names of the GeoPackage schema, GDAL tools and options
  'GeoPackage',
  'FlatGeobuf',
  'gpkg_contents',
  'gpkg_geometry_columns',
  'gpkg_spatial_ref_sys',
  'srs_id',
  'gdal_translate',
  'ogr2ogr',
  'nlt',
  'CONVERT_TO_LINEAR',
  // Formats of issue 6 (KML/KMZ, GPX, CSV, zip) and the CSV import's coordinate options.
  'zip',
  'ZIP64',
  'KMZ',
  'kml',
  'gpx',
  'XML',
  'DOCTYPE',
  'CSV',
  'WKT',
  'X',
  'Y',
  'x',
  'y',
  // Basemap services and tile sets (ADR 0106): protocols, standards and URL placeholder names.
  'http',
  'https',
  'ASCII',
  'WebP',
  'XYZ',
  'WMTS',
  'REST',
  'TileMatrix',
  'TileRow',
  'TileCol',
  'z',
  'basemaps',
  // Hidden content (ADR 0162): the metadata formats a finding names.
  'GDAL',
  'XMP',
  'DBF',
  'KML',
  // Map sheets (ADR 0167): the standard's name and the sheet numbers its examples cite.
  'T',
  'J50',
  'J50E001001',
  // Map products (ADR 0179): the file types and the layout format a message names.
  'pdf',
  'layout',
  // Local accounts (ADR 0170): the command, options and environment variable the messages name.
  'strata',
  'init',
  'admin',
  'user',
  'STRATA_PASSWORD',
  'curator',
  'reviewer',
  'publisher',
  'mapmaker',
  // Receiving packages (ADR 0177): the command that pins a sender's key; the metadata's format.
  'keys',
  'trust',
  'XML',
]);

/** Latin words of `text` that are not on the allow-list (nor in `allowed`, e.g. data shown as is). */
export function strayLatin(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const quote of allowed) rest = rest.split(quote).join(' ');
  return [...rest.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)]
    .map((m) => m[0])
    .filter((w) => !LATIN_IN_CHINESE.has(w));
}
