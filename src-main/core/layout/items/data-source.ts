import { z } from 'zod';
import { BLACK } from '../colour.js';
import { defineItem } from '../item-kind.js';
import { TEXT_SIZE_MM } from './text-place.js';

const schema = z.strictObject({ size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(3) });

/** 数据来源: the datasets' own attribution as their records hold it (nothing when none is recorded). */
export const dataSourceItem = defineItem<z.infer<typeof schema>>({
  kind: 'data-source',
  schema,
  draw({ port, frame, product }, { size }) {
    if (product.attribution === '') return;
    port.text(`数据来源：${product.attribution}`, [frame.x, frame.y + size * 1.1], {
      size,
      colour: BLACK,
      align: 'left',
    });
  },
});
