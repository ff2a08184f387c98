import type { DatasetInfo } from '../model/index.js';
import { ISO_CLASSIFICATION, type SecrecyLevel } from '../model/secrecy.js';

/**
 * The public metadata of a public version: an allow-list of record elements. Internal-only
 * elements (storage paths, host names, internal contacts, 定密依据) never enter it.
 */
export interface PublicMetadata {
  readonly identifier: string;
  readonly title: string;
  readonly abstract: string;
  readonly level: SecrecyLevel;
  readonly dataFile: string;
  readonly format: string;
  readonly crs: string | null;
  /** In `crs` units, x = easting/longitude first. */
  readonly extent: readonly [number, number, number, number] | null;
  /** WGS 84 longitude/latitude box of the extent (ISO EX_GeographicBoundingBox). */
  readonly geographicExtent: readonly [number, number, number, number] | null;
  readonly size: Readonly<Record<string, number | string>>;
  readonly lineage: { readonly source: string; readonly steps: readonly string[] };
  readonly review: {
    readonly id: string;
    readonly profile: string;
    readonly reviewer: string;
    readonly date: string;
  };
  readonly organisation: string;
  /** 数据来源: whom every use must cite (ISO 19139 `gmd:credit`). */
  readonly attribution: string;
}

export function sizeOf(info: DatasetInfo): Record<string, number | string> {
  return info.kind === 'raster'
    ? {
        width: info.width,
        height: info.height,
        bandCount: info.bandCount,
        dataType: info.dataType,
        pixelSizeX: info.pixelSize[0],
        pixelSizeY: info.pixelSize[1],
      }
    : { featureCount: info.featureCount, geometryType: info.geometryType };
}

export const publicMetadataJson = (meta: PublicMetadata): string => `${JSON.stringify(meta, null, 2)}\n`;

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

const str = (tag: string, value: string): string =>
  `<${tag}><gco:CharacterString>${escapeXml(value)}</gco:CharacterString></${tag}>`;

/** ISO 19139 (gmd) rendering of the public metadata: the elements the portal ingests. */
export function publicMetadataIso19139(meta: PublicMetadata): string {
  const box = meta.geographicExtent;
  const bbox = box
    ? `<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>` +
      `<gmd:westBoundLongitude><gco:Decimal>${String(box[0])}</gco:Decimal></gmd:westBoundLongitude>` +
      `<gmd:eastBoundLongitude><gco:Decimal>${String(box[2])}</gco:Decimal></gmd:eastBoundLongitude>` +
      `<gmd:southBoundLatitude><gco:Decimal>${String(box[1])}</gco:Decimal></gmd:southBoundLatitude>` +
      `<gmd:northBoundLatitude><gco:Decimal>${String(box[3])}</gco:Decimal></gmd:northBoundLatitude>` +
      `</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">',
    str('gmd:fileIdentifier', meta.identifier),
    '<gmd:language><gco:CharacterString>zho</gco:CharacterString></gmd:language>',
    '<gmd:characterSet><gmd:MD_CharacterSetCode codeList="http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#MD_CharacterSetCode" codeListValue="utf8">utf8</gmd:MD_CharacterSetCode></gmd:characterSet>',
    `<gmd:contact><gmd:CI_ResponsibleParty>${str('gmd:organisationName', meta.organisation)}<gmd:role><gmd:CI_RoleCode codeList="http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#CI_RoleCode" codeListValue="publisher">publisher</gmd:CI_RoleCode></gmd:role></gmd:CI_ResponsibleParty></gmd:contact>`,
    meta.crs
      ? `<gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier>${str('gmd:code', meta.crs)}</gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>`
      : '',
    '<gmd:identificationInfo><gmd:MD_DataIdentification>',
    `<gmd:citation><gmd:CI_Citation>${str('gmd:title', meta.title)}</gmd:CI_Citation></gmd:citation>`,
    str('gmd:abstract', meta.abstract),
    str('gmd:credit', meta.attribution),
    `<gmd:resourceConstraints><gmd:MD_SecurityConstraints><gmd:classification><gmd:MD_ClassificationCode codeList="http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml#MD_ClassificationCode" codeListValue="${ISO_CLASSIFICATION[meta.level]}">${ISO_CLASSIFICATION[meta.level]}</gmd:MD_ClassificationCode></gmd:classification></gmd:MD_SecurityConstraints></gmd:resourceConstraints>`,
    bbox,
    '</gmd:MD_DataIdentification></gmd:identificationInfo>',
    `<gmd:dataQualityInfo><gmd:DQ_DataQuality><gmd:lineage><gmd:LI_Lineage>${str('gmd:statement', [`source ${meta.lineage.source}`, ...meta.lineage.steps].join('; '))}</gmd:LI_Lineage></gmd:lineage></gmd:DQ_DataQuality></gmd:dataQualityInfo>`,
    '</gmd:MD_Metadata>',
    '',
  ].join('\n');
}
