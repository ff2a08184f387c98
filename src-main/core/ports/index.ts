// Every port core and the services depend on, declared once; src-main/node implements them.
export type { BagIo, StagedBag, WriteBagOptions, WriteBagResult } from './bag-io.js';
export type { PinnedKey, TrustedKeys } from './trusted-keys.js';
export type { AccountCrypto, AccountsAnchor, UserKeyPair } from './account-crypto.js';
export type { BagSigner } from './bag-signer.js';
export type { ByteSource } from './byte-source.js';
export type * from './catalogue-store.js';
export type { Clock } from './clock.js';
export type { Ids } from './ids.js';
export type { CancelSignal, JobOptions } from './job-options.js';
export type { ObjectStore, PutResult } from './object-store.js';
export type { PayloadHit, PayloadScanner } from './payload-scanner.js';
export type { RasterIo, RasterPlacement } from './raster-io.js';
export type { TileSetReader } from './tile-sets.js';
export type { FormatInput, ReadonlySql, SqlCell, SqlRow } from './format-input.js';
export type {
  DisplayCopy,
  FormatReader,
  GeoPackageLayer,
  ImportLayer,
  ImportLayerNotice,
  ImportRead,
  OpenedFile,
  VectorIo,
} from './vector-io.js';
export type { ProductWriter, WrittenProduct } from './product-io.js';
