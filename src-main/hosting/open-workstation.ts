import { mkdir, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadReviewProfile } from '../services/profile-files.js';
import type { ShippedProfile } from '../services/profiles-service.js';
import { asDatasetId, asReviewId } from '../core/model/ids.js';
import { writeGeoJson } from '../core/formats/geojson/index.js';
import { writeFlatGeobuf } from '../core/formats/flatgeobuf/index.js';
import {
  AUDIT_HEAD_FILE,
  CATALOGUE_FILE,
  ledgerKey,
  openCatalogue,
  type Catalogue,
} from '../node/store/index.js';
import { openObjectStore, type LocalObjectStore } from '../node/store/object-store.js';
import {
  createResampler,
  createWorkingCopier,
  type Resampler,
  type WorkingCopier,
} from '../node/raster/index.js';
import { createIsolatedParsers, type IsolatedParsers } from '../node/isolation/index.js';
import { openKeystore, openTrustedKeys, stageBag, verifyBag, writeBag } from '../node/exchange/index.js';
import { createHandlers } from '../services/create-handlers.js';
import { createTileSets, type TileSets } from '../node/basemaps/tile-sets.js';
import { basemapTilesPath, storedBasemaps } from '../services/basemaps-service.js';
import { serviceOrigins, type Basemap } from '../core/basemaps/index.js';
import type { BagIo, BagSigner, FormatReader, RasterIo, VectorIo } from '../core/ports/index.js';
import type { ServiceDeps } from '../services/deps.js';
import defaultProfile from '../../resources/profiles/default.json';
import type { ServedFile, Workstation, WorkstationOptions } from './workstation.js';
import { createJobRegistry } from './jobs.js';
import { openWorkDir } from './work-dir.js';
import { createAccountCrypto, fileAnchor } from '../node/accounts/index.js';
import { accountsEnabled } from '../services/account-trust.js';
import { recordSession } from '../services/session-service.js';
import { createPdfWriter, productFonts } from '../node/product/index.js';
import { RECEIVE_LIMITS } from '../services/receive-service.js';
import { scanPayload } from '../node/scan/scan-payload.js';
import { writeGeoPackage } from '../node/formats/index.js';

/** The workstation key's directory, where the accounts anchor is kept too (ADR 0170). */
const keyDirOf = (home: string): string => path.join(home, 'keys');

const DISPLAY_PATH = /^datasets\/(ds_[0-9a-f]{16})\/display$/;
/** `basemaps/<id>/<z>/<x>/<y>`: a tile of a local basemap, row counted from the top. */
const TILE_PATH = /^(basemaps\/[a-z0-9][a-z0-9_-]{0,39})\/(\d{1,2})\/(\d{1,10})\/(\d{1,10})$/;

/**
 * The bundled profile; its hash is over its JSON text as parsed (ADR 0160), with any local files
 * it names read (ADR 0164; the bundled one names none, relative paths are the home's).
 */
async function loadDefaultProfile(home: string, reader: FormatReader): Promise<ShippedProfile> {
  const parsed = await loadReviewProfile(defaultProfile, home, reader);
  if ('problems' in parsed) throw new Error(`bundled profile invalid: ${parsed.problems.join('; ')}`);
  return { document: defaultProfile, profile: parsed.profile };
}

/**
 * The composition every host shares: opens the catalogue, the object store and the key store under
 * `home`, wires the node adapters into the services, and verifies the audit chain (a broken chain
 * opens the workstation read-only: the dispatcher then refuses every method the contract declares
 * mutating).
 */
export async function openWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const home = path.resolve(options.home);
  const workDir = path.join(home, 'work');
  // Before anything is opened: it throws when the worker bundle is missing.
  const parsers = createIsolatedParsers();
  const resampler = createResampler();
  const copier = createWorkingCopier();
  const tileSets = createTileSets();
  let store: Catalogue | null = null;
  try {
    await mkdir(home, { recursive: true, mode: 0o700 });
    await openWorkDir(workDir, options.now?.() ?? new Date());
    const signer = await openKeystore(keyDirOf(home));
    store = await openCatalogue(path.join(home, CATALOGUE_FILE), {
      ...(options.now ? { now: options.now } : {}),
      ledger: { key: ledgerKey(signer.auditSecret()), headFile: path.join(home, AUDIT_HEAD_FILE) },
    });
    const objects = await openObjectStore(path.join(home, 'store'));
    return await compose({ options, workDir, parsers, resampler, copier, tileSets, store, objects, signer });
  } catch (error) {
    // A failed start leaves nothing open (workers, database connections).
    await tileSets.close();
    await parsers.close();
    await resampler.close();
    await copier.close();
    await store?.close();
    throw error;
  }
}

interface Opened {
  readonly options: WorkstationOptions;
  readonly workDir: string;
  readonly parsers: IsolatedParsers;
  /** Pixel work of a release runs in worker threads, off the loop serving files and calls (ADR 0085). */
  readonly resampler: Resampler;
  /** Display working copies are written in worker threads too (ADR 0125). */
  readonly copier: WorkingCopier;
  readonly tileSets: TileSets;
  readonly store: Catalogue;
  readonly objects: LocalObjectStore;
  readonly signer: BagSigner;
}

async function compose({
  options,
  workDir,
  parsers,
  resampler,
  copier,
  tileSets,
  store,
  objects,
  signer,
}: Opened): Promise<Workstation> {
  const deps: ServiceDeps = {
    store,
    objects,
    raster: {
      readInfo: parsers.readRasterInfo,
      valueRange: parsers.rasterValueRange,
      resampleToPublic: resampler.resampleToPublic,
      writeWorkingCopy: copier.writeWorkingCopy,
    } satisfies RasterIo,
    formats: {
      open: parsers.openFile,
      openForImport: parsers.openForImport,
      hidden: parsers.hidden,
    } satisfies FormatReader,
    vector: { toGeoJson: writeGeoJson, toDisplayCopy: writeFlatGeobuf, writeGeoPackage } satisfies VectorIo,
    bags: { writeBag, verifyBag, stageBag } satisfies BagIo,
    scanner: { scanPayload },
    trustedKeys: openTrustedKeys(path.join(keyDirOf(path.resolve(options.home)), 'trusted')),
    receiveLimits: options.receiveLimits ?? RECEIVE_LIMITS,
    signer,
    accounts: createAccountCrypto(signer.publicKeyPem()),
    accountsAnchor: fileAnchor(keyDirOf(path.resolve(options.home))),
    tileSets,
    products: createPdfWriter(productFonts(options.fontDir)),
    ids: {
      datasetId: () => asDatasetId(`ds_${randomBytes(8).toString('hex')}`),
      reviewId: () => asReviewId(`rv_${randomBytes(8).toString('hex')}`),
    },
    clock: { now: options.now ?? ((): Date => new Date()) },
    workDir,
    organisation: options.organisation ?? 'Strata',
  };
  const audit = await store.auditVerify();
  // Refuses to open (ACCOUNTS_TAMPERED) when accounts were enabled but their records were altered.
  let withAccounts = await accountsEnabled(deps);
  const jobs = createJobRegistry();
  // The basemap configuration, read once and again after each change: tile requests and the
  // hosts' request filters ask for it far more often than it changes.
  let basemaps: readonly Basemap[] = await storedBasemaps(store);
  let origins: readonly string[] = serviceOrigins(basemaps);
  const handlers = createHandlers(deps, [await loadDefaultProfile(options.home, deps.formats)], jobs);
  const setBasemaps = handlers['basemaps.set'];
  const enableAccounts = handlers['accounts.enable'];
  const restoreCatalogue = handlers['catalogue.restore'];
  // A broken chain opens the workstation read-only; a restore from a checked backup ends that.
  let readOnly = !audit.ok;

  async function resolveTile(match: RegExpExecArray): Promise<ServedFile | null> {
    const basemap = basemaps.find((b) => basemapTilesPath(b.id) === match[1]);
    if (basemap?.kind !== 'mbtiles' && basemap?.kind !== 'gpkg-tiles') return null;
    const tile = await tileSets.tile(basemap, Number(match[2]), Number(match[3]), Number(match[4]));
    return tile ? { bytes: tile.bytes, contentType: tile.contentType } : null;
  }

  return {
    handlers: {
      ...handlers,
      'basemaps.set': async (args, ctx) => {
        const result = await setBasemaps(args, ctx);
        basemaps = await storedBasemaps(store);
        origins = serviceOrigins(basemaps);
        return result;
      },
      'catalogue.restore': async (args, ctx) => {
        const restored = await restoreCatalogue(args, ctx);
        readOnly = !(await store.auditVerify()).ok;
        return restored;
      },
      'accounts.enable': async (args, ctx) => {
        const admin = await enableAccounts(args, ctx);
        withAccounts = true;
        return admin;
      },
    },
    get readOnly() {
      return readOnly;
    },
    get accountsEnabled() {
      return withAccounts;
    },
    recordSession: (action, caller, details) => recordSession(deps, action, caller, details),
    tileOrigins: () => origins,
    async resolveFile(logicalPath: string): Promise<ServedFile | null> {
      const tile = TILE_PATH.exec(logicalPath);
      if (tile) return resolveTile(tile);
      const match = DISPLAY_PATH.exec(logicalPath);
      if (!match?.[1]) return null;
      const row = await store.getDataset(asDatasetId(match[1]));
      if (!row) return null;
      const file = objects.pathOf(row.displayKey);
      const stats = await stat(file).catch(() => null);
      return stats ? { path: file, size: stats.size, contentType: row.displayContentType } : null;
    },
    onEvent: (listener) => jobs.onEvent(listener),
    async close() {
      await tileSets.close();
      await parsers.close();
      await resampler.close();
      await copier.close();
      await store.close();
    },
  };
}
