import { z } from 'zod';
import { BLACK } from '../colour.js';
import { defineItem } from '../item-kind.js';
import { centredBaseline, TEXT_SIZE_MM } from './text-place.js';

// Only a size: the text is the product's computed mark, so a layout naming any text is refused.
const schema = z.strictObject(
  { size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(4.5) },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'problem.layout.markText' : undefined) },
);

/** 密级★保密期限 from the datasets' records (ADR 0179); nothing for a public product. */
export const secrecyMarkItem = defineItem<z.infer<typeof schema>>({
  kind: 'secrecy-mark',
  schema,
  draw({ port, frame, product }, { size }) {
    if (product.marking === null) return;
    port.text(product.marking, centredBaseline(frame, size), {
      size,
      colour: BLACK,
      align: 'center',
      bold: true,
    });
  },
});
