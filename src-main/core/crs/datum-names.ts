/**
 * ESRI .prj files and EPSG WKT spell datums differently (`D_China_2000` vs `China_2000`,
 * `D_North_American_1983` vs `North_American_Datum_1983`). Both are folded to one key.
 */
const ALIASES: Readonly<Record<string, string>> = {
  northamericandatum1983: 'northamerican1983',
  northamericandatum1927: 'northamerican1927',
  nad83: 'northamerican1983',
  nad27: 'northamerican1927',
  nad83highaccuracyreferencenetwork: 'northamerican1983harn',
  europeanterrestrialreferencesystem1989: 'etrs1989',
  europeandatum1950: 'european1950',
  worldgeodeticsystem1984: 'wgs1984',
  wgs84: 'wgs1984',
  chinageodeticcoordinatesystem2000: 'china2000',
  cgcs2000: 'china2000',
  xian80: 'xian1980',
  beijing54: 'beijing1954',
  rikerskoordinatsystem1990: 'rt1990',
  riketskoordinatsystem1990: 'rt1990',
  ordnancesurveyofgreatbritain1936: 'osgb1936',
  pulkovo1942: 'pulkovo1942',
};

/** Folds a datum name (EPSG or ESRI spelling) to a comparison key; '' for none. */
export function datumKey(name: string): string {
  const folded = name
    .toLowerCase()
    .replace(/^d_/, '')
    .replace(/[^a-z0-9]/g, '');
  return ALIASES[folded] ?? folded;
}
