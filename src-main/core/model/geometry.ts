declare const crsBrand: unique symbol;

/**
 * Axis-aligned extent `[minX, minY, maxX, maxY]` in the units and axis order of the named CRS
 * (easting/longitude first, northing/latitude second — the GIS "x, y" order, whatever the EPSG axis
 * order says).
 */
export type Extent = readonly [number, number, number, number];

/** A coordinate pair tagged with the CRS it is expressed in (x = easting/longitude). */
export type CrsCoord<C extends string> = readonly [number, number] & { readonly [crsBrand]: C };

export const extentWidth = (e: Extent): number => e[2] - e[0];
export const extentHeight = (e: Extent): number => e[3] - e[1];
