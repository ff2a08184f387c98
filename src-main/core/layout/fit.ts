import type { CrsInfo, Extent } from '../model/index.js';
import type { Sheet } from '../maps/index.js';
import { extentSize } from './map-view.js';
import { tidyScale } from './scale-text.js';

/** Room left around the data when a frame's scale is fitted to it. */
const FIT_MARGIN = 1.05;

/** What a map frame shows when the layout does not say: the data's extent, or a sheet. */
export interface FrameTarget {
  /** The frame's CRS: the first dataset's, or CGCS2000 for a sheet. */
  readonly crs: CrsInfo & { readonly code: string };
  /** The data's (or the sheet's) extent in that CRS. */
  readonly extent: Extent;
  /** 1:N asked for; else the sheet's scale, else the tidy scale that fits the extent. */
  readonly scale?: number | undefined;
  readonly sheet?: Sheet | undefined;
}

export const extentCentre = (e: Extent): [number, number] => [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];

/** The tidy scale at which `extent` fits a frame of `width` × `height` mm. */
export function fitScale(crs: CrsInfo, extent: Extent, width: number, height: number): number {
  const atUnit = extentSize(crs, extent, 1);
  return tidyScale(Math.max(atUnit.width / width, atUnit.height / height, 1) * FIT_MARGIN);
}

/** The frame's scale for a target: the one asked for, the sheet's, or fitted to the frame. */
export const targetScale = (target: FrameTarget, width: number, height: number): number =>
  target.scale ?? target.sheet?.scale ?? fitScale(target.crs, target.extent, width, height);
