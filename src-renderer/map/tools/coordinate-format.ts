/** How the cursor position is written: decimal degrees, degrees-minutes-seconds, or plane metres. */
export type CoordinateFormat = 'degrees' | 'dms' | 'metres';

export type Axis = 'lon' | 'lat';

/** Decimal degrees with 6 decimals (about 0.1 m), minus for west and south. */
export function formatDegrees(value: number): string {
  return `${value.toFixed(6)}°`;
}

/**
 * Degrees, minutes and seconds to 0.01″ (about 0.3 m) with the hemisphere letter (E/W, N/S).
 * Rounding carries: 29.999999° is 30°00′00.00″, never 29°59′60.00″.
 */
export function formatDms(value: number, axis: Axis): string {
  const hemisphere = axis === 'lon' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  const hundredths = Math.round(Math.abs(value) * 360000);
  const degrees = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  const mm = String(minutes).padStart(2, '0');
  const ss = seconds.toFixed(2).padStart(5, '0');
  return `${String(degrees)}°${mm}′${ss}″${hemisphere}`;
}

/** Plane coordinates in metres to the centimetre. */
export function formatMetres(value: number): string {
  return value.toFixed(2);
}

/**
 * Both coordinates of a point (x = easting/longitude first) in the chosen format. A projected CRS
 * is always written in metres, a geographic one in degrees (decimal unless DMS is chosen).
 */
export function formatPosition(
  [x, y]: readonly [number, number],
  format: CoordinateFormat,
  geographic: boolean,
): string {
  if (!geographic) return `${formatMetres(x)}, ${formatMetres(y)}`;
  if (format === 'dms') return `${formatDms(x, 'lon')}, ${formatDms(y, 'lat')}`;
  return `${formatDegrees(x)}, ${formatDegrees(y)}`;
}
