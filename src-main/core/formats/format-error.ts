/** Why a file could not be used: the node adapter maps these to StrataError codes. */
export type FormatProblemKind = 'corrupt' | 'too-large' | 'unsupported';

/**
 * What is wrong with a file's structure, as a message id: the host renders `problem.<id>` from
 * the catalogue in src-main/api/messages.ts, which the type checker holds to this list.
 */
export type FormatProblem =
  // TIFF container
  | 'tiffHeaderShort'
  | 'notTiff'
  | 'bigTiffHeader'
  | 'ifdLoop'
  | 'ifdCount'
  | 'noIfd'
  | 'ifdEmpty'
  | 'ifdEntries'
  | 'tagType'
  | 'tagNoValue'
  | 'tagValueLength'
  | 'tagText'
  | 'tagMissing'
  | 'tagCount'
  | 'tagBad'
  | 'value64Range'
  | 'offset64Range'
  | 'offsetPastEnd'
  | 'shortRead'
  // TIFF image
  | 'imageSizeZero'
  | 'imagePixels'
  | 'samplesPerPixel'
  | 'tileSizeZero'
  | 'rowsPerStripZero'
  | 'blockSize'
  | 'blockOffsetsMissing'
  | 'blockCount'
  | 'blockPastEnd'
  | 'colorMapLength'
  | 'mixedAcrossBands'
  | 'sampleFormat'
  // TIFF pixel decoding
  | 'compression'
  | 'predictor'
  | 'jpegSampleType'
  | 'jpegPredictor'
  | 'jpegSamplesPerPixel'
  | 'ycbcrWithoutJpeg'
  | 'paletteWithoutColorMap'
  | 'paletteSampleType'
  | 'deflateDecode'
  | 'blockShort'
  | 'floatPredictorOnIntegers'
  | 'lzwStart'
  | 'lzwCode'
  | 'jpegTables'
  | 'jpegNotStream'
  | 'jpegMarker'
  | 'jpegSegmentEnd'
  | 'jpegLossless'
  | 'jpegNoFrame'
  | 'jpegFrameHeader'
  | 'jpegSampling'
  | 'jpegNoSize'
  | 'jpegPrecision'
  | 'jpegComponents'
  | 'jpegFrameSize'
  | 'jpegDecode'
  // GeoTIFF georeferencing and CRS
  | 'geoKeysShort'
  | 'geoKeysCount'
  | 'pixelScale'
  | 'tiepoint'
  | 'geoTransformSingular'
  | 'resampleNotNorthUp'
  | 'packedBitsPredictor'
  | 'lercPackedBits'
  | 'lercCompression'
  | 'lercDecode'
  | 'zstdDecode'
  | 'worldFileLines'
  | 'worldFileSingular'
  | 'imageHeader'
  | 'pngDecode'
  | 'pngInterlaced'
  | 'noWorldFile'
  | 'scanDecode'
  | 'scanCrsCode'
  | 'crsUnreadable'
  | 'crsAxisOrder'
  | 'utmZone'
  | 'stereographicPolar'
  | 'projectionGeoKeys'
  // TIFF writing
  | 'bigEndianHost'
  | 'horizontalPredictorOnFloats'
  | 'output4GiB'
  // Shapefile
  | 'notShapefile'
  | 'shpHeaderLength'
  | 'shpShorterThanHeader'
  | 'shpRecordPastEnd'
  | 'shpRecordShort'
  | 'shpRecordCounts'
  | 'shpPartIndex'
  | 'shpRecordEmpty'
  | 'shapeType'
  | 'vertexBudget'
  | 'shpDbfCountMismatch'
  | 'shapefileNoDbf'
  | 'dbfShorterThanHeader'
  | 'dbfTooManyRecords'
  | 'dbfHeaderLength'
  | 'dbfShorterThanRecords'
  | 'dbfFieldsTooWide'
  // GeoJSON
  | 'geojsonTextLength'
  | 'geojsonNotJson'
  | 'geojsonTopLevel'
  | 'geojsonFeaturesArray'
  | 'geojsonNotFeature'
  | 'geojsonProperties'
  | 'geojsonGeometryObject'
  | 'geojsonGeometryType'
  | 'geojsonCoordinatesArray'
  | 'geojsonPositionShape'
  | 'geojsonPositionNumber'
  | 'geojsonCollectionDepth'
  | 'geojsonGeometriesArray'
  | 'geojsonMemory'
  | 'geojsonDepth'
  // GeoPackage (SQLite) and WKB
  | 'sqliteNotDatabase'
  | 'sqliteQuery'
  | 'gpkgNoContents'
  | 'gpkgContentsRow'
  | 'gpkgTableName'
  | 'gpkgLayerNotTable'
  | 'gpkgGeneratedColumn'
  | 'gpkgGeometryColumn'
  | 'gpkgSrsMissing'
  | 'gpkgFeatureCount'
  | 'gpkgCoveragesOnly'
  | 'gpkgTileMatrixBounds'
  | 'gpkgTileZoomUnknown'
  | 'gpkgTileOutOfRange'
  | 'gpkgTileRasterSize'
  | 'gpkgTileWebp'
  | 'gpkgTileNotImage'
  | 'gpkgTileSize'
  | 'gpkgTileDepth'
  | 'gpkgGeometryHeader'
  | 'gpkgExtendedGeometry'
  | 'wkbShort'
  | 'wkbByteOrder'
  | 'wkbCount'
  | 'wkbGeometryType'
  | 'wkbMemberType'
  | 'wkbDepth'
  | 'wkbCurve'
  // FlatGeobuf
  | 'fgbUnreadable'
  | 'fgbFeatureCount'
  | 'fgbGeometry'
  // Zip archives (zipped shapefiles, KMZ), XML (KML, GPX), CSV
  | 'zipNoDirectory'
  | 'zip64'
  | 'zipEntries'
  | 'zipNameBackslash'
  | 'zipNameAbsolute'
  | 'zipNameDrive'
  | 'zipNameControl'
  | 'zipNameParent'
  | 'zipNameEmpty'
  | 'zipNameReserved'
  | 'zipDuplicateName'
  | 'zipEncrypted'
  | 'zipMethod'
  | 'zipEntryPastEnd'
  | 'zipEntryData'
  | 'zipTotal'
  | 'zipRatio'
  | 'zipEntryOverBudget'
  | 'zipNoShapefile'
  | 'zipSqlite'
  | 'kmzNoKml'
  | 'encodingName'
  | 'xmlEncoding'
  | 'xmlDoctype'
  | 'xmlMalformed'
  | 'kmlNotKml'
  | 'gpxNotGpx'
  | 'csvEmpty'
  | 'csvNoCoordinates'
  | 'csvColumnMissing'
  | 'csvCrsCode'
  | 'csvColumns'
  // Basemap tile sets (MBTiles, GeoPackage tiles)
  | 'tileSetNoTiles'
  | 'tileSetEmpty'
  | 'tileSetZoom'
  | 'tileSetBounds'
  | 'tileSetNoMatrix'
  | 'tileSetMatrix'
  | 'tileSetPixelNotSquare'
  | 'tileSetTileSizes'
  | 'tileSetCrs'
  | 'tileTooLarge'
  | 'tileImageType';

/** Parameters of a problem: record numbers, tag names, sizes — never attribute values or coordinates. */
export type FormatProblemParams = Readonly<Record<string, string | number>>;

/** A problem and its parameters, as returned (not thrown) by checks such as decodeProblem. */
export interface FormatProblemRef {
  readonly problem: FormatProblem;
  readonly params: FormatProblemParams;
}

/** Raised by the pure format loaders (vector and TIFF). The adapter adds the file's base name. */
export class FormatError extends Error {
  readonly kind: FormatProblemKind;
  readonly problem: FormatProblem;
  readonly params: FormatProblemParams;
  constructor(kind: FormatProblemKind, problem: FormatProblem, params: FormatProblemParams = {}) {
    super(`${kind}: ${problem}`);
    this.name = 'FormatError';
    this.kind = kind;
    this.problem = problem;
    this.params = params;
  }
}

export const corrupt = (problem: FormatProblem, params?: FormatProblemParams): FormatError =>
  new FormatError('corrupt', problem, params);
export const tooLarge = (problem: FormatProblem, params?: FormatProblemParams): FormatError =>
  new FormatError('too-large', problem, params);
export const unsupported = (problem: FormatProblem, params?: FormatProblemParams): FormatError =>
  new FormatError('unsupported', problem, params);
