import type { Geometry } from '../../model/index.js';
import { corrupt, unsupported } from '../format-error.js';
import { readWkb } from './wkb.js';

/** Envelope bytes by the header's envelope-contents indicator (GeoPackage 1.3, §2.1.3.1.1). */
const ENVELOPE_BYTES: readonly number[] = [0, 32, 48, 48, 64];

/**
 * A GeoPackage geometry blob: 'GP', version, flags, srs_id, optional envelope, then standard WKB.
 * An empty geometry (flag bit 4) reads as null; an extended (non-standard) type is refused.
 */
export function readGeometryBlob(blob: Uint8Array, where: number): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw corrupt('gpkgGeometryHeader', { feature: where });
  const flags = blob[3] ?? 0;
  if ((flags & 0x20) !== 0) throw unsupported('gpkgExtendedGeometry', { feature: where });
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw corrupt('gpkgGeometryHeader', { feature: where });
  if ((flags & 0x10) !== 0) return null;
  const start = 8 + envelope;
  if (start >= blob.length) throw corrupt('wkbShort', { feature: where });
  return readWkb(blob, start, where);
}
