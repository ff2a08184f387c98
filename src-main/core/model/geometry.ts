/**
 * Axis-aligned extent `[minX, minY, maxX, maxY]` in the units and axis order of the named CRS
 * (easting/longitude first, northing/latitude second — the GIS "x, y" order, whatever the EPSG axis
 * order says).
 */
export type Extent = readonly [number, number, number, number];
