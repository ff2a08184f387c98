import { z } from 'zod';
import { BLACK } from '../colour.js';
import { defineItem } from '../item-kind.js';
import type { PagePoint } from '../page.js';
import { TEXT_SIZE_MM } from './text-place.js';

const field = z.string().max(100).default('');
const schema = z.strictObject({
  unit: field,
  author: field,
  reviewer: field,
  date: field,
  size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(3),
});
type Props = z.infer<typeof schema>;

const ROWS: readonly [string, keyof Omit<Props, 'size'>][] = [
  ['编制单位', 'unit'],
  ['编制人', 'author'],
  ['审核人', 'reviewer'],
  ['日期', 'date'],
];
/** Share of the width the label column takes. */
const LABEL_SHARE = 0.38;

/** The 图签: a ruled table of 编制单位, 编制人, 审核人 and 日期. */
export const responsibilityTableItem = defineItem<Props>({
  kind: 'responsibility-table',
  schema,
  draw({ port, frame }, props) {
    const { x, y, width, height } = frame;
    const row = height / ROWS.length;
    const split = x + width * LABEL_SHARE;
    const rule = { colour: BLACK, width: 0.2 };
    const box: PagePoint[] = [
      [x, y],
      [x + width, y],
      [x + width, y + height],
      [x, y + height],
    ];
    port.polygon([box], null, { colour: BLACK, width: 0.4 });
    port.polyline(
      [
        [split, y],
        [split, y + height],
      ],
      rule,
    );
    ROWS.forEach(([label, key], i) => {
      const top = y + i * row;
      if (i > 0)
        port.polyline(
          [
            [x, top],
            [x + width, top],
          ],
          rule,
        );
      const baseline = top + row / 2 + props.size * 0.38;
      port.text(label, [x + width * (LABEL_SHARE / 2), baseline], {
        size: props.size,
        colour: BLACK,
        align: 'center',
      });
      port.text(props[key], [split + 1.5, baseline], { size: props.size, colour: BLACK, align: 'left' });
    });
  },
});
