/** TIFF 6.0 / GeoTIFF 1.1 tag numbers this package reads or writes. */
export const TAG = {
  NewSubfileType: 254,
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  Photometric: 262,
  StripOffsets: 273,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  PlanarConfig: 284,
  Predictor: 317,
  ColorMap: 320,
  TileWidth: 322,
  TileLength: 323,
  TileOffsets: 324,
  TileByteCounts: 325,
  ExtraSamples: 338,
  SampleFormat: 339,
  JpegTables: 347,
  ModelPixelScale: 33550,
  ModelTiepoint: 33922,
  ModelTransformation: 34264,
  GeoKeyDirectory: 34735,
  GeoDoubleParams: 34736,
  GeoAsciiParams: 34737,
  GdalNodata: 42113,
  LercParameters: 50674,
} as const;

/** Tags whose values the reader loads; every other entry is skipped unread. */
export const LOADED_TAGS: ReadonlySet<number> = new Set(Object.values(TAG));

/** TIFF field types: byte size of one value. */
export const TYPE_SIZE: Readonly<Record<number, number>> = {
  1: 1, // BYTE
  2: 1, // ASCII
  3: 2, // SHORT
  4: 4, // LONG
  5: 8, // RATIONAL
  6: 1, // SBYTE
  7: 1, // UNDEFINED
  8: 2, // SSHORT
  9: 4, // SLONG
  10: 8, // SRATIONAL
  11: 4, // FLOAT
  12: 8, // DOUBLE
  13: 4, // IFD
  16: 8, // LONG8
  17: 8, // SLONG8
  18: 8, // IFD8
};

/** Compression codes decodeBlock reads (7 = "new-style" JPEG, TIFF Technical Note 2). */
export const COMPRESSION = {
  none: 1,
  lzw: 5,
  jpeg: 7,
  deflate: 8,
  packBits: 32773,
  adobeDeflate: 32946,
  lerc: 34887,
  zstd: 50000,
} as const;

/** PhotometricInterpretation values given special treatment. */
export const PHOTOMETRIC = { minIsBlack: 1, rgb: 2, palette: 3, ycbcr: 6 } as const;

/** GeoKey ids (GeoTIFF 1.1, OGC 19-008r4, section 7; GeogTOWGS84 is a libgeotiff extension). */
export const GEOKEY = {
  GTModelType: 1024,
  GTRasterType: 1025,
  GTCitation: 1026,
  GeographicType: 2048,
  GeogCitation: 2049,
  GeogGeodeticDatum: 2050,
  GeogPrimeMeridian: 2051,
  GeogLinearUnits: 2052,
  GeogLinearUnitSize: 2053,
  GeogAngularUnits: 2054,
  GeogAngularUnitSize: 2055,
  GeogEllipsoid: 2056,
  GeogSemiMajorAxis: 2057,
  GeogSemiMinorAxis: 2058,
  GeogInvFlattening: 2059,
  GeogAzimuthUnits: 2060,
  GeogPrimeMeridianLong: 2061,
  GeogTOWGS84: 2062,
  ProjectedCSType: 3072,
  PCSCitation: 3073,
  Projection: 3074,
  ProjCoordTrans: 3075,
  ProjLinearUnits: 3076,
  ProjLinearUnitSize: 3077,
  ProjStdParallel1: 3078,
  ProjStdParallel2: 3079,
  ProjNatOriginLong: 3080,
  ProjNatOriginLat: 3081,
  ProjFalseEasting: 3082,
  ProjFalseNorthing: 3083,
  ProjFalseOriginLong: 3084,
  ProjFalseOriginLat: 3085,
  ProjFalseOriginEasting: 3086,
  ProjFalseOriginNorthing: 3087,
  ProjCenterLong: 3088,
  ProjCenterLat: 3089,
  ProjCenterEasting: 3090,
  ProjCenterNorthing: 3091,
  ProjScaleAtNatOrigin: 3092,
  ProjScaleAtCenter: 3093,
  ProjAzimuthAngle: 3094,
  ProjStraightVertPoleLong: 3095,
} as const;

/** The GeoKey value meaning "user-defined: the other keys spell it out". */
export const USER_DEFINED = 32767;

/** ProjCoordTransGeoKey values (GeoTIFF 1.1 table "Coordinate transformation codes"). */
export const COORD_TRANS = {
  TransverseMercator: 1,
  Mercator: 7,
  LambertConfConic2SP: 8,
  LambertConfConic1SP: 9,
  LambertAzimEqualArea: 10,
  AlbersEqualArea: 11,
  PolarStereographic: 15,
  ObliqueStereographic: 16,
  Equirectangular: 17,
} as const;
