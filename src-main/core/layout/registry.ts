import type { ItemModule } from './item-kind.js';
import { dataSourceItem } from './items/data-source.js';
import { freeTextItem } from './items/free-text.js';
import { graticuleItem } from './items/graticule.js';
import { legendItem } from './items/legend.js';
import { mapFrameItem } from './items/map-frame.js';
import { northArrowItem } from './items/north-arrow.js';
import { responsibilityTableItem } from './items/responsibility-table.js';
import { scaleBarItem } from './items/scale-bar.js';
import { secrecyMarkItem } from './items/secrecy-mark.js';
import { titleItem } from './items/title.js';

/** Every layout item kind, one module each (ADR 0179); adding one is its file and a line here. */
export const ITEM_KINDS: readonly ItemModule[] = [
  mapFrameItem,
  titleItem,
  secrecyMarkItem,
  legendItem,
  scaleBarItem,
  northArrowItem,
  graticuleItem,
  responsibilityTableItem,
  dataSourceItem,
  freeTextItem,
];

export const itemKind = (kind: string): ItemModule | undefined => ITEM_KINDS.find((k) => k.kind === kind);
