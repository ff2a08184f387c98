import { z } from 'zod';
import { BLACK, WHITE } from '../colour.js';
import { defineItem } from '../item-kind.js';

const schema = z.strictObject({});

/** A north arrow: a split arrowhead (black west half, white east half) under an N, pointing up the page. */
export const northArrowItem = defineItem<z.infer<typeof schema>>({
  kind: 'north-arrow',
  schema,
  draw({ port, frame }) {
    const cx = frame.x + frame.width / 2;
    const letter = Math.min(frame.width, frame.height) * 0.3;
    const tip = frame.y + letter * 1.2;
    const base = frame.y + frame.height;
    const half = frame.width * 0.25;
    const notch = base - (base - tip) * 0.25;
    const outline = { colour: BLACK, width: 0.2 };
    port.text('N', [cx, frame.y + letter], { size: letter, colour: BLACK, align: 'center', bold: true });
    port.polygon(
      [
        [
          [cx, tip],
          [cx - half, base],
          [cx, notch],
        ],
      ],
      BLACK,
      outline,
    );
    port.polygon(
      [
        [
          [cx, tip],
          [cx + half, base],
          [cx, notch],
        ],
      ],
      WHITE,
      outline,
    );
  },
});
