/**
 * Vector features as loaders return them: GeoJSON-shaped geometry with coordinates in the dataset's
 * own CRS and axis order x = easting/longitude, y = northing/latitude (z/m kept when present).
 */
export type Position = readonly number[];

export type Geometry =
  | { readonly type: 'Point'; readonly coordinates: Position }
  | { readonly type: 'MultiPoint'; readonly coordinates: readonly Position[] }
  | { readonly type: 'LineString'; readonly coordinates: readonly Position[] }
  | { readonly type: 'MultiLineString'; readonly coordinates: readonly (readonly Position[])[] }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly Position[])[])[] }
  | { readonly type: 'GeometryCollection'; readonly geometries: readonly Geometry[] };

export type AttributeValue = string | number | boolean | null;

export interface VectorFeature {
  readonly geometry: Geometry | null;
  readonly properties: Readonly<Record<string, AttributeValue>>;
}
