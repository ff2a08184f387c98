import type { CallContext } from '../api/caller.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { lonLatBox } from '../core/crs/index.js';
import {
  publicMetadataIso19139,
  publicMetadataJson,
  sizeOf,
  type PublicMetadata,
} from '../core/catalogue/public-metadata.js';
import type { DatasetId } from '../core/model/index.js';
import { StrataError } from '../api/errors.js';
import { renderMessage } from '../api/messages.js';
import { levelKey } from '../api/secrecy.js';
import type { ExportResult, VerifyResult } from '../api/types.js';
import type { JobContext, ServiceDeps } from './deps.js';
import { NO_JOB } from './job-context.js';
import { requireInUse, requireRecords } from './lookup.js';
import { checkLineage, reviewPackaged } from './export-check.js';
import { scanPackaged } from './export-scan.js';
import { requireSignedApproval } from './approval-check.js';
import { storedRecord } from './subject-record.js';
import type { ReviewProfile } from '../core/review/profile.js';

/** The packaged bytes reviewed again, then re-scanned by the independent scanner. */
const inspectBoth =
  (review: (dir: string) => Promise<void>, scan: (dir: string) => Promise<void>) =>
  async (dir: string): Promise<void> => {
    await review(dir);
    await scan(dir);
  };

const stamp = (date: Date): string => date.toISOString().slice(0, 10).replaceAll('-', '');

/**
 * Exports a public version as a signed BagIt bag for the one-way gateway. Refused unless the
 * dataset is a public version, marked 公开, with a lineage back to its original (checkLineage),
 * its latest review — of exactly these bytes — has no blocking finding, it and its original carry
 * a reviewer's signed approval of their bytes (requireSignedApproval), the bytes as packaged,
 * reviewed again with `profile`, have none either (reviewPackaged), and the independent re-scan
 * finds none of the source's withheld values in them (scanPackaged). Cancelling (CANCELLED)
 * leaves no bag and no audit entry.
 */
export async function exportPackage(
  deps: ServiceDeps,
  ctx: CallContext,
  profile: ReviewProfile,
  id: DatasetId,
  outDir: string,
  job: JobContext = NO_JOB,
): Promise<ExportResult> {
  const row = await requireInUse(deps, id);
  const { latest } = await requireRecords(deps, id);
  if (latest.fields.level !== '公开') {
    throw new StrataError('EXPORT_REFUSED', {
      reason: 'reason.levelAbovePublic',
      level: levelKey(latest.fields.level),
    });
  }
  if (!row.sourceId) throw new StrataError('EXPORT_REFUSED', { reason: 'reason.notPublicVersion' });
  const { lineage, source } = await checkLineage(deps, row);
  const review = await deps.store.latestReview(id);
  if (!review || review.contentSha256 !== row.sha256)
    throw new StrataError('EXPORT_REFUSED', { reason: 'reason.notReviewed' });
  const blocking = review.findings.filter((f) => f.severity === 'blocking').length;
  if (blocking > 0)
    throw new StrataError('EXPORT_REFUSED', { reason: 'reason.blockingFindings', count: blocking });
  // Signed approvals of the public version and of its original, never a verdict row alone (ADR 0176).
  const approval = await requireSignedApproval(deps, row, 'EXPORT_REFUSED');
  await requireSignedApproval(deps, source, 'EXPORT_REFUSED');

  const now = deps.clock.now();
  // The exported record is written in the archive's language, whatever the UI shows.
  // Catalogues written before this change stored the suffix in the title itself.
  const suffix = renderMessage('publicVersion.title', { title: '' }, 'zh-CN');
  const title = latest.fields.title;
  const meta: PublicMetadata = {
    identifier: id,
    title: title.endsWith(suffix) ? title : renderMessage('publicVersion.title', { title }, 'zh-CN'),
    abstract: latest.fields.abstract,
    level: latest.fields.level,
    dataFile: `data/${row.name}`,
    format: row.format,
    crs: row.info.crs?.code ?? null,
    extent: row.info.extent,
    geographicExtent: lonLatBox(row.info.extent, row.info.crs),
    size: sizeOf(row.info),
    lineage: { source: row.sourceId, steps: lineage.steps.map((s) => s.description) },
    review: {
      id: review.id,
      profile: `${review.profileId}@${String(review.profileVersion)}`,
      reviewer: review.reviewer,
      date: review.createdAt,
    },
    organisation: deps.organisation,
    attribution: latest.fields.attribution,
  };
  const audit = await deps.store.auditVerify();
  if (!audit.ok) throw new StrataError('READ_ONLY');

  const target = path.resolve(outDir);
  await mkdir(target, { recursive: true });
  const written = await deps.bags.writeBag({
    outDir: target,
    bagName: `strata-${id}-${stamp(now)}`,
    payload: row.files.map((f) => ({
      name: f.name,
      sourcePath: deps.objects.pathOf(f.sha256),
      sha256: f.sha256,
    })),
    inspectPayload: inspectBoth(
      reviewPackaged(deps, profile, row, await storedRecord(deps, row, latest.fields)),
      scanPackaged(deps, profile, source, lineage),
    ),
    generated: [
      { name: 'metadata.json', content: publicMetadataJson(meta) },
      { name: 'metadata.xml', content: publicMetadataIso19139(meta) },
    ],
    bagInfo: {
      'Source-Organization': deps.organisation,
      'Bagging-Date': now.toISOString().slice(0, 10),
      'External-Identifier': id,
      'Strata-Release-Level': '公开',
      'Strata-Review-Id': review.id,
      'Strata-Reviewer': approval.reviewer,
      'Strata-Approval-Date': approval.approvedAt.slice(0, 10),
      'Strata-Audit-Head': audit.head ?? '',
      // The tails of both chains at export, under the package's signature: an outside anchor (ADR 0185).
      'Strata-Audit-Seq': String(audit.entries),
      'Strata-Version-Head': audit.versions.head ?? '',
      'Strata-Version-Seq': String(audit.versions.entries),
    },
    signer: deps.signer,
    ...job.step({ phase: 'package' }),
  });
  await deps.store.write(async (tx) => {
    await tx.setStatus(id, 'exported');
    await tx.appendAudit({
      actor: ctx.user,
      action: 'exchange.export',
      subject: id,
      details: {
        bag: path.basename(written.bag),
        files: written.files,
        bytes: written.bytes,
        key: deps.signer.fingerprint(),
      },
    });
  });
  return {
    id,
    bag: written.bag,
    files: written.files,
    bytes: written.bytes,
    signatureFile: written.signatureFile,
    keyFingerprint: deps.signer.fingerprint(),
  };
}

/** Verifies a bag against the given public key, or against this workstation's own key. */
export function verifyPackage(
  deps: ServiceDeps,
  bag: string,
  keyPem: string | undefined,
): Promise<VerifyResult> {
  return deps.bags.verifyBag(path.resolve(bag), keyPem ?? deps.signer.publicKeyPem());
}
