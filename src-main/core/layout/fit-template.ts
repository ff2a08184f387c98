import type { LayoutDocument } from './layout.js';
import { extentCentre, targetScale, type FrameTarget } from './fit.js';

/**
 * A template's map frames completed for a product: a frame that leaves out its CRS, centre or
 * scale takes the target's (the data's extent or the sheet); a scale or sheet asked for
 * overrides the template's. Other items are kept as they are.
 */
export function fitTemplate(doc: LayoutDocument, target: FrameTarget): LayoutDocument {
  return {
    ...doc,
    items: doc.items.map((item) => {
      if (item.kind !== 'map-frame') return item;
      const { props, frame } = item;
      const asked = target.sheet !== undefined;
      const crs = asked || props['crs'] === undefined ? target.crs.code : props['crs'];
      const center =
        asked || props['center'] === undefined
          ? extentCentre(target.sheet?.bounds ?? target.extent)
          : props['center'];
      const scale =
        target.scale ??
        (asked || props['scale'] === undefined
          ? targetScale(target, frame.width, frame.height)
          : props['scale']);
      return { ...item, props: { ...props, crs, center, scale } };
    }),
  };
}
