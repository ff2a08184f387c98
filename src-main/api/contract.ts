import { z } from 'zod';
import { SECRECY_LEVELS } from '../core/model/secrecy.js';
import { MAX_ZOOM, SERVICE_GRID_CRSS } from '../core/basemaps/config.js';
import type { DatasetId, ReviewId } from '../core/model/ids.js';
import { FINDING_DECISIONS } from './decisions.js';
import { ROLES, type CallContext, type Role } from './caller.js';
import { ACCOUNT_NAME_PATTERN } from '../core/accounts/account.js';
import { PERIOD_PATTERN } from './secrecy.js';
import { JOB_ID_PATTERN } from './events.js';
import { FILTER_OPERATORS } from '../core/table/query.js';
import { PAPERS, type Paper } from '../core/layout/page.js';
import type { LayoutDocument } from '../core/layout/layout.js';
import { isAbsolutePath } from './absolute-path.js';
import { RELEASE_OUTPUT_FORMATS } from './release-outputs.js';
import { searchArgs, type CatalogueSearchResult } from './catalogue-search.js';
import {
  diffArgs,
  metadataExportArgs,
  metadataImportArgs,
  restoreArgs,
  type MetadataDocument,
  type RecordChange,
  type RecordDiff,
} from './record-history.js';
import type {
  AccountView,
  AuditEntry,
  AuditVerification,
  BackupResult,
  BasemapView,
  ProfileDetail,
  ProfileSummary,
  CrsSearchHit,
  DatasetDetail,
  DatasetSummary,
  DatumShiftsLoaded,
  MapTransform,
  ExportResult,
  FeatureCollectionResult,
  FeaturePageResult,
  ImportResult,
  PublicKeyInfo,
  RecordVersion,
  ReleasePlanView,
  ReleaseResult,
  ReviewReport,
  AtlasResult,
  ProductResult,
  SheetView,
  SystemInfo,
  ReceiptView,
  ReceiveResult,
  TrustedKeyView,
  VerifyResult,
} from './types.js';

/** The format a public version is written in (ADR 0186). */
const releaseOutput = z.enum(RELEASE_OUTPUT_FORMATS);
const datasetId = z
  .string()
  .regex(/^ds_[0-9a-f]{16}$/, 'dataset id')
  .transform((s) => s as DatasetId);
const reviewId = z
  .string()
  .regex(/^rv_[0-9a-f]{16}$/, 'review id')
  .transform((s) => s as ReviewId);
const decideArgs = z.object({
  reviewId,
  finding: z.number().int().min(1).max(1_000_000),
  decision: z.enum(FINDING_DECISIONS),
  reason: z.string().max(2000),
});
const comment = z.string().max(2000);
/** The reviewer's own password: it unwraps their key to sign the approval (ADR 0176). */
const approveArgs = z.object({ reviewId, comment: comment.optional(), password: z.string().max(1024) });
const returnArgs = z.object({ reviewId, comment });
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'path contains NUL');
/** A folder the service writes into: absolute, since the caller's working folder is not the service's. */
const outFolder = filePath.refine(isAbsolutePath, 'detail.pathNotAbsolute');
/** A catalogue backup file, absolute for the same reason. */
const backupArgs = z.object({ file: filePath.refine(isAbsolutePath, 'detail.pathNotAbsolute') });

/** What the user says about files whose bytes cannot say it (a table's coordinate columns, its CRS, a text encoding). */
const importOptions = z
  .object({
    crs: z
      .string()
      .regex(/^EPSG:\d{4,6}$/, 'EPSG:code')
      .optional(),
    encoding: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{2,40}$/, 'encoding name')
      .optional(),
    x: z.string().min(1).max(200).optional(),
    y: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((o) => (o.x === undefined) === (o.y === undefined), 'x and y go together');

/** Chosen by the client for long calls, so it can follow their progress and cancel them. */
const jobId = z.string().regex(JOB_ID_PATTERN, 'job id');

/** 保密期限: empty (level default), `N年` or `长期`. */
export const periodSchema = z.string().trim().regex(PERIOD_PATTERN, 'period');

export const recordFieldsSchema = z.object({
  title: z.string().trim().min(1).max(500),
  abstract: z.string().max(20000),
  level: z.enum(SECRECY_LEVELS),
  period: periodSchema,
  /** 数据来源; a client that sends none (one that predates it) keeps the latest version's. */
  attribution: z.string().trim().max(2000).optional(),
  // Fields a client sends none of keep the latest version's; empty text, no keywords or a null
  // year clear them. The field registry judges the values (ADR 0184).
  archiveNumber: z.string().max(2000).optional(),
  keywords: z.array(z.string().max(2000)).max(1000).readonly().optional(),
  unit: z.string().max(2000).optional(),
  category: z.string().max(2000).optional(),
  year: z.number().nullable().optional(),
});

const noArgs = z.object({}).strict();

// Withdrawing and archiving (issue 7, ADR 0171): the reason, required (the service says so), is kept.
const standingArgs = z.object({ id: datasetId, reason: z.string().max(2000) }).strict();
/** Changes a dataset's standing: a curator's or an administrator's act, audited. */
const STANDING = { mutates: true, roles: ['curator', 'admin'] } as const;
const listArgs = z.object({ all: z.boolean().default(false) }).strict();

// Attribute table (issue 6, ADR 0112).
const fieldName = z.string().min(1).max(200);
const featurePageArgs = z.object({
  id: datasetId,
  offset: z.number().int().min(0).max(100_000_000),
  limit: z.number().int().min(1).max(1000),
  sort: z.object({ field: fieldName, order: z.enum(['asc', 'desc']) }).optional(),
  filter: z
    .object({ field: fieldName, op: z.enum(FILTER_OPERATORS), value: z.string().max(1000).optional() })
    .optional(),
  search: z.string().max(200).optional(),
  /** A feature id whose position among the matching rows the page also tells (`located`). */
  locate: z.number().int().min(0).optional(),
  /** Only these feature ids (0-based), e.g. the features a review finding names. */
  fids: z.array(z.number().int().min(0)).max(1000).optional(),
});

// Coordinate systems (issue 6).
const crsSearchArgs = z.object({
  query: z.string().max(200),
  limit: z.number().int().min(1).max(200).default(20),
});
/** `maps.sheet`: a sheet by its number, or the sheet of a scale holding a point (lon, lat). */
const sheetArgs = z.union([
  z.object({ code: z.string().max(40) }).strict(),
  z.object({ at: z.tuple([z.number(), z.number()]), scale: z.number().int().positive() }).strict(),
]);
/**
 * `products.create` (ADR 0179): the datasets drawn, a layout document (a template's JSON; the
 * built-in layout without one), what the built-in layout or the template's map frames take
 * (title, scale, sheet, paper), the 图签's entries, and the PDF to write.
 */
const responsibilityField = z.string().trim().max(100);
const productChoices = {
  datasets: z.array(datasetId).min(1).max(50),
  layout: z.unknown().optional(),
  title: z.string().trim().min(1).max(200).optional(),
  scale: z.number().int().min(100).max(100_000_000).optional(),
  paper: z.enum(PAPERS as [Paper, ...Paper[]]).optional(),
  orientation: z.enum(['portrait', 'landscape']).optional(),
  responsibility: z
    .object({
      unit: responsibilityField.optional(),
      author: responsibilityField.optional(),
      reviewer: responsibilityField.optional(),
      date: responsibilityField.optional(),
    })
    .strict()
    .optional(),
  jobId: jobId.optional(),
};
const productArgs = z
  .object({ ...productChoices, sheet: z.string().trim().min(1).max(40).optional(), out: filePath })
  .strict();
/** `products.layout`: the layout a product would take, as a template document. */
const productLayoutArgs = z
  .object({ ...productChoices, sheet: z.string().trim().min(1).max(40).optional() })
  .omit({ jobId: true })
  .strict();
/** `products.atlas`: one product per sheet, each `<outDir>/<sheet>.pdf`. */
const atlasArgs = z
  .object({
    ...productChoices,
    sheets: z.array(z.string().trim().min(1).max(40)).min(1).max(500),
    outDir: filePath,
  })
  .strict();
const assignCrsArgs = z.object({
  id: datasetId,
  code: z.string().trim().min(1).max(80),
  /** Replace a CRS the dataset already has (a correction on purpose); without it such a call is refused. */
  replace: z.boolean().default(false),
});
const datumShiftArgs = z.object({ path: filePath });
const crsDefinition = z
  .object({ code: z.string().min(1).max(80), proj4: z.string().min(1).max(4000) })
  .strict();
/** The CRS pairs the map reprojects between (each layer's to the view's, and back). */
const mapTransformArgs = z
  .object({ pairs: z.array(z.object({ from: crsDefinition, to: crsDefinition }).strict()).max(400) })
  .strict();

// Basemaps (issue 6, ADR 0106): what an administrator configures. URL semantics (http/https, no
// credentials, placeholders) are checked by core/basemaps, which names the basemap in its error.
const basemapId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'basemap id');
const basemapCommon = {
  id: basemapId,
  name: z.string().trim().min(1).max(100),
  attribution: z.string().trim().max(500).default(''),
};
const zoom = z.number().int().min(0).max(MAX_ZOOM);
const serviceGrid = z
  .object({
    crs: z.enum(SERVICE_GRID_CRSS),
    minZoom: zoom.default(0),
    maxZoom: zoom.default(18),
    matrixIdOffset: z.number().int().min(0).max(5).default(0),
  })
  .strict();
const serviceUrl = z.string().min(1).max(2048);
const wmtsName = z.string().min(1).max(200);
const basemapSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mbtiles'), ...basemapCommon, path: filePath }).strict(),
  z
    .object({ kind: z.literal('gpkg-tiles'), ...basemapCommon, path: filePath, table: wmtsName.optional() })
    .strict(),
  z.object({ kind: z.literal('xyz'), ...basemapCommon, url: serviceUrl, grid: serviceGrid }).strict(),
  z
    .object({
      kind: z.literal('wmts'),
      ...basemapCommon,
      url: serviceUrl,
      requestEncoding: z.enum(['KVP', 'REST']).default('KVP'),
      layer: wmtsName,
      matrixSet: wmtsName,
      style: z.string().max(200).default('default'),
      format: z.enum(['image/png', 'image/jpeg', 'image/webp']).default('image/png'),
      grid: serviceGrid,
    })
    .strict(),
]);
const setBasemapsArgs = z.object({ basemaps: z.array(basemapSchema).max(50) }).strict();

// Local accounts (issue 7, ADR 0170).
const accountName = z.string().regex(ACCOUNT_NAME_PATTERN, 'account name');
/** A password being set: at least 8 characters. */
const newPassword = z.string().min(8).max(1024);
/** A password being checked: whatever the user typed. */
const givenPassword = z.string().min(1).max(1024);
const roleList = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const newAdminArgs = z
  .object({ name: accountName, displayName: z.string().trim().max(200).default(''), password: newPassword })
  .strict();
const addUserArgs = newAdminArgs.extend({ roles: roleList }).strict();
const userArgs = z.object({ name: accountName }).strict();
const setRoleArgs = z.object({ name: accountName, roles: roleList }).strict();
const loginArgs = z.object({ name: accountName, password: givenPassword }).strict();
const changePasswordArgs = z.object({ oldPassword: givenPassword, newPassword }).strict();

/** `roles` of a method anyone may call, logged in or not: what a login screen needs. */
export const ANYONE = 'anyone';
// Review profiles (issue 8, ADR 0168).
const profileShowArgs = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'profile id') }).strict();
const profileLoadArgs = z.object({ file: z.string().min(1).max(4096) }).strict();
/** A review with the workstation's profile, or with the shipped or agency profile `profile` names (ADR 0176). */
const reviewRunArgs = z.object({ id: datasetId, profile: profileShowArgs.shape.id.optional() });

/**
 * What the dispatcher enforces for a method before any handler runs. `mutates`: the call changes
 * the archive (catalogue, store, audit log, files it writes), so a read-only workstation refuses
 * it. `roles`: who may call it at all (ADR 0067); `ANYONE` only for what must run before a login
 * (ADR 0170).
 */
export interface MethodPolicy {
  readonly mutates: boolean;
  readonly roles: readonly Role[] | typeof ANYONE;
}

interface MethodSpec<A extends z.ZodType, R> extends MethodPolicy {
  readonly args: A;
  /** Type-only marker for the result. */
  readonly result: R;
}
const method = <A extends z.ZodType, R>(args: A, policy: MethodPolicy): MethodSpec<A, R> => ({
  args,
  result: undefined as R,
  mutates: policy.mutates,
  roles: policy.roles,
});

const EVERYONE: readonly Role[] = ROLES;
/** Reads anyone at the workstation may make. */
const READ = { mutates: false, roles: EVERYONE } as const;
/** Account administration (ADR 0170). */
const ADMIN = { mutates: true, roles: ['admin'] } as const;

/**
 * THE CONTRACT: every method the UI (over IPC or the harness) and the CLI may call.
 * Arguments are validated at runtime by the dispatcher; results are typed only.
 */
export const contract = {
  /** Before a login too: it says whether the host must ask for one (`accountsEnabled`). */
  'system.info': method<typeof noArgs, SystemInfo>(noArgs, { mutates: false, roles: ANYONE }),
  /** Native open-file dialog, titled in the caller's language; only the Electron host supports it. */
  'system.pickFiles': method<
    z.ZodObject<{ lang: z.ZodOptional<z.ZodEnum<{ 'zh-CN': 'zh-CN'; en: 'en' }>> }>,
    { paths: string[] }
  >(z.object({ lang: z.enum(['zh-CN', 'en']).optional() }), {
    mutates: false,
    roles: ['curator', 'mapmaker'],
  }),
  'datasets.import': method<
    z.ZodObject<{
      paths: z.ZodArray<typeof filePath>;
      options: z.ZodOptional<typeof importOptions>;
      allowDuplicate: z.ZodOptional<z.ZodBoolean>;
      jobId: z.ZodOptional<typeof jobId>;
    }>,
    ImportResult
  >(
    z.object({
      paths: z.array(filePath).min(1).max(500),
      options: importOptions.optional(),
      /** A deliberate second dataset of bytes the archive holds already (ADR 0169). */
      allowDuplicate: z.boolean().optional(),
      jobId: jobId.optional(),
    }),
    {
      mutates: true,
      roles: ['curator'],
    },
  ),
  'datasets.features': method<
    z.ZodObject<{ id: typeof datasetId; limit: z.ZodOptional<z.ZodNumber> }>,
    FeatureCollectionResult
  >(z.object({ id: datasetId, limit: z.number().int().min(1).max(100_000_000).optional() }), READ),
  /**
   * A page of a vector dataset's attribute table, sorted and filtered, with the total count; read
   * from the stored file once and kept in a bounded cache (ADR 0112). Archive content: for the
   * roles that work on data, not the administrator keeping the workstation.
   */
  'datasets.featurePage': method<typeof featurePageArgs, FeaturePageResult>(featurePageArgs, {
    mutates: false,
    roles: ['curator', 'reviewer', 'publisher', 'mapmaker'],
  }),
  /** The datasets in use; with `all`, also those withdrawn or archived (ADR 0171). */
  'datasets.list': method<typeof listArgs, DatasetSummary[]>(listArgs, READ),
  /** Takes a dataset out of use, saying why; its files stay in the store (ADR 0171). */
  'datasets.withdraw': method<typeof standingArgs, DatasetDetail>(standingArgs, STANDING),
  /** Puts a dataset (in use or withdrawn) away for good, saying why; its files stay in the store. */
  'datasets.archive': method<typeof standingArgs, DatasetDetail>(standingArgs, STANDING),
  /** Brings a withdrawn or archived dataset back into use, saying why. */
  'datasets.restore': method<typeof standingArgs, DatasetDetail>(standingArgs, STANDING),
  'datasets.get': method<z.ZodObject<{ id: typeof datasetId }>, DatasetDetail>(
    z.object({ id: datasetId }),
    READ,
  ),
  /** A page of the records in use matching text, facets and an area, with facet counts (ADR 0182). */
  'catalogue.search': method<typeof searchArgs, CatalogueSearchResult>(searchArgs, READ),
  'catalogue.save': method<
    z.ZodObject<{ id: typeof datasetId; baseVersion: z.ZodNumber; fields: typeof recordFieldsSchema }>,
    RecordVersion
  >(z.object({ id: datasetId, baseVersion: z.number().int().min(1), fields: recordFieldsSchema }), {
    mutates: true,
    roles: ['curator'],
  }),
  // Record history and metadata exchange (issue 7, ADR 0184).
  /** Two versions of a record, field by field. */
  'catalogue.diff': method<typeof diffArgs, RecordDiff>(diffArgs, READ),
  /** A new version equal to an earlier one (a curator's act, audited); none when the latest is so already. */
  'catalogue.restoreVersion': method<typeof restoreArgs, RecordChange>(restoreArgs, {
    mutates: true,
    roles: ['curator'],
  }),
  /** The latest record as ISO 19139 XML or JSON, every field. */
  'metadata.export': method<typeof metadataExportArgs, MetadataDocument>(metadataExportArgs, READ),
  /** Applies a metadata file's record to the dataset it names, as a new version (audited), or refuses. */
  'metadata.import': method<typeof metadataImportArgs, RecordChange>(metadataImportArgs, {
    mutates: true,
    roles: ['curator'],
  }),
  /**
   * Records the review and its findings (a reviewer's act, audited), with the profile `profile`
   * names (PROFILE_REFUSED when it cannot be applied in full now) or the workstation's.
   */
  'review.run': method<typeof reviewRunArgs, ReviewReport>(reviewRunArgs, {
    mutates: true,
    roles: ['reviewer'],
  }),
  /** Records a reviewer's decision on one finding of a dataset's current review (audited). */
  'review.decide': method<typeof decideArgs, ReviewReport>(decideArgs, {
    mutates: true,
    roles: ['reviewer'],
  }),
  /**
   * Approves a dataset's current review as a whole, signed with the reviewer's own key unwrapped
   * by `password`; four-eyes (ADR 0174, 0176; audited).
   */
  'review.approve': method<typeof approveArgs, ReviewReport>(approveArgs, {
    mutates: true,
    roles: ['reviewer'],
  }),
  /** Returns a dataset's current review to the curator with a comment (audited). */
  'review.return': method<typeof returnArgs, ReviewReport>(returnArgs, {
    mutates: true,
    roles: ['reviewer'],
  }),
  'release.create': method<
    z.ZodObject<{
      id: typeof datasetId;
      jobId: z.ZodOptional<typeof jobId>;
      format: z.ZodOptional<typeof releaseOutput>;
    }>,
    ReleaseResult
  >(z.object({ id: datasetId, jobId: jobId.optional(), format: releaseOutput.optional() }), {
    mutates: true,
    roles: ['curator', 'publisher'],
  }),
  'release.plan': method<
    z.ZodObject<{ id: typeof datasetId; format: z.ZodOptional<typeof releaseOutput> }>,
    ReleasePlanView
  >(z.object({ id: datasetId, format: releaseOutput.optional() }), {
    mutates: false,
    roles: ['curator', 'publisher', 'reviewer'],
  }),
  'exchange.export': method<
    z.ZodObject<{ id: typeof datasetId; outDir: typeof outFolder; jobId: z.ZodOptional<typeof jobId> }>,
    ExportResult
  >(z.object({ id: datasetId, outDir: outFolder, jobId: jobId.optional() }), {
    mutates: true,
    roles: ['curator', 'publisher'],
  }),
  'exchange.verify': method<
    z.ZodObject<{ bag: typeof filePath; keyPem: z.ZodOptional<z.ZodString> }>,
    VerifyResult
  >(z.object({ bag: filePath, keyPem: z.string().max(4096).optional() }), READ),
  /**
   * Receives a package on the public side of the gateway (ADR 0177): checked in DOMAIN.md's order
   * against the pinned keys, then taken into the catalogue; every package gets a receipt.
   */
  'exchange.receive': method<
    z.ZodObject<{ bag: typeof filePath; jobId: z.ZodOptional<typeof jobId> }>,
    ReceiveResult
  >(z.object({ bag: filePath, jobId: jobId.optional() }), {
    mutates: true,
    roles: ['curator', 'publisher', 'admin'],
  }),
  /** The receipts of received and refused packages, newest first. */
  'exchange.receipts': method<z.ZodObject<{ limit: z.ZodNumber }>, ReceiptView[]>(
    z.object({ limit: z.number().int().min(1).max(1000) }),
    { mutates: false, roles: ['curator', 'publisher', 'reviewer', 'admin'] },
  ),
  /** Asks a running job to stop; false when no job of that id is running (unknown or finished). */
  'jobs.cancel': method<z.ZodObject<{ jobId: typeof jobId }>, { cancelled: boolean }>(
    z.object({ jobId }),
    READ,
  ),
  'keys.publicKey': method<typeof noArgs, PublicKeyInfo>(noArgs, READ),
  /** Pins a sending workstation's public key (PEM) for `exchange.receive`; audited. */
  'keys.trust': method<z.ZodObject<{ pem: z.ZodString }>, TrustedKeyView & { added: boolean }>(
    z.object({ pem: z.string().min(1).max(4096) }),
    ADMIN,
  ),
  'keys.trusted': method<typeof noArgs, TrustedKeyView[]>(noArgs, {
    mutates: false,
    roles: ['curator', 'publisher', 'admin'],
  }),
  'audit.list': method<z.ZodObject<{ limit: z.ZodNumber }>, AuditEntry[]>(
    z.object({ limit: z.number().int().min(1).max(1000) }),
    { mutates: false, roles: ['reviewer', 'admin'] },
  ),
  'audit.verify': method<typeof noArgs, AuditVerification>(noArgs, READ),
  /** An online backup of the catalogue into an absolute file path, integrity-checked; audited (ADR 0185). */
  'catalogue.backup': method<typeof backupArgs, BackupResult>(backupArgs, ADMIN),
  /**
   * Replaces the catalogue with a checked backup; audited. Not `mutates`: it is how an
   * administrator recovers a read-only workstation whose chain is broken (ADR 0185).
   */
  'catalogue.restore': method<typeof backupArgs, BackupResult>(backupArgs, {
    mutates: false,
    roles: ['admin'],
  }),
  // Coordinate systems (issue 6).
  /** Registry CRSs by code or by English/Chinese name. */
  'crs.search': method<typeof crsSearchArgs, CrsSearchHit[]>(crsSearchArgs, READ),
  /** Gives a draft dataset the CRS its file lacks (or replaces one with `replace`); audited. */
  'dataset.assignCrs': method<typeof assignCrsArgs, DatasetDetail>(assignCrsArgs, {
    mutates: true,
    roles: ['curator'],
  }),
  /**
   * Loads the user's datum-shift parameters into this process (memory only; the archive is not
   * changed). Answers with pair names and ends, never the parameters.
   */
  'crs.loadDatumShifts': method<typeof datumShiftArgs, DatumShiftsLoaded>(datumShiftArgs, {
    mutates: false,
    roles: ['curator', 'mapmaker'],
  }),
  /**
   * How the map reprojects between CRS pairs (ADR 0105): the proj4 definitions the main process
   * transforms with, the loaded datum shifts included. They reach only this workstation's map.
   */
  'crs.mapTransforms': method<typeof mapTransformArgs, MapTransform[]>(mapTransformArgs, READ),
  // Map products (issue 10).
  /** A GB/T 13989 sheet: scale, corners [w, s, e, n] in CGCS2000 degrees, eight neighbours. */
  'maps.sheet': method<typeof sheetArgs, SheetView>(sheetArgs, READ),
  /**
   * Writes a map product as PDF from vector datasets, marked with the highest 密级 of their
   * records (map staff's act, audited; ADR 0179). Long: progress and cancel under `jobId`.
   */
  'products.create': method<typeof productArgs, ProductResult>(productArgs, {
    mutates: true,
    roles: ['mapmaker'],
  }),
  /**
   * The layout document a product of these datasets takes (the built-in one, or the template
   * given, fitted): saved as a template file, it is edited and given back as `layout`.
   */
  'products.layout': method<typeof productLayoutArgs, LayoutDocument>(productLayoutArgs, {
    mutates: false,
    roles: ['mapmaker'],
  }),
  /** An atlas: the same datasets read once, one product per GB/T 13989 sheet (audited; a job). */
  'products.atlas': method<typeof atlasArgs, AtlasResult>(atlasArgs, { mutates: true, roles: ['mapmaker'] }),
  // Basemaps (issue 6, ADR 0106).
  /** The configured basemaps, local tile sets with their grid (or why one cannot be read). */
  'basemaps.list': method<typeof noArgs, BasemapView[]>(noArgs, READ),
  /** Replaces the basemap configuration (an administrator's act, audited). */
  'basemaps.set': method<typeof setBasemapsArgs, BasemapView[]>(setBasemapsArgs, {
    mutates: true,
    roles: ['admin'],
  }),
  // Local accounts (issue 7, ADR 0170).
  /** Enables accounts with their first administrator; refused once enabled (audited). */
  'accounts.enable': method<typeof newAdminArgs, AccountView>(newAdminArgs, ADMIN),
  'users.add': method<typeof addUserArgs, AccountView>(addUserArgs, ADMIN),
  'users.list': method<typeof noArgs, AccountView[]>(noArgs, { mutates: false, roles: ['admin'] }),
  'users.disable': method<typeof userArgs, AccountView>(userArgs, ADMIN),
  /** Replaces an account's roles (an administrator's act, audited). */
  'users.setRole': method<typeof setRoleArgs, AccountView>(setRoleArgs, ADMIN),
  /**
   * The caller a correct password makes, for the host to act as. Counts failures and locks the
   * account after five; does not change the archive, so a read-only workstation still lets in.
   */
  'session.login': method<typeof loginArgs, CallContext>(loginArgs, { mutates: false, roles: ANYONE }),
  /**
   * Ends the caller's session (ADR 0175): the host drops it after this answers and audits the
   * logout. ACCOUNTS_NOT_ENABLED where there are no accounts, so no sessions.
   */
  'session.logout': method<typeof noArgs, { ended: true }>(noArgs, { mutates: false, roles: EVERYONE }),
  /** The caller's own password; their private key is re-wrapped under the new one (audited). */
  'users.changePassword': method<typeof changePasswordArgs, { changed: true }>(changePasswordArgs, {
    mutates: true,
    roles: EVERYONE,
  }),
  // Review profiles (issue 8, ADR 0168).
  /** The shipped profiles and the agency profiles loaded, with id, version and content hash. */
  'profiles.list': method<typeof noArgs, ProfileSummary[]>(noArgs, READ),
  /** One profile's rules, each with its version and parameters. */
  'profiles.show': method<typeof profileShowArgs, ProfileDetail>(profileShowArgs, READ),
  /** Loads an agency profile from a local file, validated in full (an administrator's act, audited). */
  'profiles.load': method<typeof profileLoadArgs, ProfileDetail>(profileLoadArgs, {
    mutates: true,
    roles: ['admin'],
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];

/** What a host implements: one async function per method, taking validated arguments and the caller. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>, ctx: CallContext) => Promise<MethodResult<M>>;
};

/** What a client (the renderer's api object) offers: the same names, raw arguments. */
export type ApiClient = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> };

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** The dispatcher's policy for a method. */
export const policyOf = (name: MethodName): MethodPolicy => contract[name];

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

export { ROLES, localCaller, type CallContext, type Role } from './caller.js';
