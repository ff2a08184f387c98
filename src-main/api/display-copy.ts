/**
 * Content types of a vector dataset's display copy (DisplaySource.contentType), which tell the map
 * how to read it: an indexed FlatGeobuf read by extent over HTTP Range (ADR 0150), or, for
 * datasets imported before it and public versions, a GeoJSON file read whole.
 */
export const FLATGEOBUF_CONTENT_TYPE = 'application/vnd.flatgeobuf';
export const GEOJSON_CONTENT_TYPE = 'application/geo+json';
