import { z } from 'zod';
import { BLACK } from '../colour.js';
import { defineItem } from '../item-kind.js';
import { colourSchema } from './colour-schema.js';
import { TEXT_SIZE_MM } from './text-place.js';

const schema = z.strictObject({
  text: z.string().max(2000),
  size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(3.5),
  align: z.enum(['left', 'center', 'right']).default('left'),
  colour: colourSchema.optional(),
});

/** Text typed into the layout, one line per line of the text, from the frame's top. */
export const freeTextItem = defineItem<z.infer<typeof schema>>({
  kind: 'free-text',
  schema,
  draw({ port, frame }, { text, size, align, colour }) {
    const x =
      align === 'left' ? frame.x : align === 'right' ? frame.x + frame.width : frame.x + frame.width / 2;
    text.split('\n').forEach((line, i) => {
      port.text(line, [x, frame.y + size * (1 + 1.4 * i)], { size, colour: colour ?? BLACK, align });
    });
  },
});
