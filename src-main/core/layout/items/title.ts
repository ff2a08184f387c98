import { z } from 'zod';
import { BLACK } from '../colour.js';
import { defineItem } from '../item-kind.js';
import { centredBaseline, TEXT_SIZE_MM } from './text-place.js';

const schema = z.strictObject({ size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(8) });

/** The product's title (图名), centred in its frame. */
export const titleItem = defineItem<z.infer<typeof schema>>({
  kind: 'title',
  schema,
  draw({ port, frame, product }, { size }) {
    port.text(product.title, centredBaseline(frame, size), {
      size,
      colour: BLACK,
      align: 'center',
      bold: true,
    });
  },
});
