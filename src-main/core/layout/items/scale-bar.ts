import { z } from 'zod';
import { BLACK, WHITE } from '../colour.js';
import { defineItem } from '../item-kind.js';
import type { PagePoint } from '../page.js';
import { scaleText } from '../scale-text.js';
import { TEXT_SIZE_MM } from './text-place.js';

const schema = z.strictObject({
  /** The map frame whose scale it shows. */
  mapFrame: z.string().min(1).max(64),
  size: z.number().min(TEXT_SIZE_MM.min).max(TEXT_SIZE_MM.max).default(3),
});

/** Segments of the bar, alternately black and white. */
const SEGMENTS = 4;

/** The longest 1-2-5 ground length in metres whose bar fits `maxMm` at 1:scale. */
export function barLength(scale: number, maxMm: number): number {
  const maxMetres = (maxMm * scale) / 1000;
  const decade = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((s) => s * decade).find((m) => m <= maxMetres) ?? decade;
}

const distanceText = (metres: number): string =>
  metres >= 1000 ? `${String(metres / 1000)} km` : `${String(metres)} m`;

/**
 * The numeric scale (1:50 000) above a bar of alternate black and white segments whose length is a
 * round ground distance at the map frame's scale, labelled at both ends.
 */
export const scaleBarItem = defineItem<z.infer<typeof schema>>({
  kind: 'scale-bar',
  schema,
  mapFrame: (props) => props.mapFrame,
  draw({ port, frame, mapView }, props) {
    const { scale } = mapView(props.mapFrame);
    const { size } = props;
    const centre = frame.x + frame.width / 2;
    port.text(scaleText(scale), [centre, frame.y + size * 1.1], { size, colour: BLACK, align: 'center' });
    const metres = barLength(scale, frame.width * 0.8);
    const length = (metres * 1000) / scale;
    const left = centre - length / 2;
    const top = frame.y + size * 1.8;
    const height = Math.min(2, frame.height / 5);
    for (let i = 0; i < SEGMENTS; i += 1) {
      const x0 = left + (length * i) / SEGMENTS;
      const x1 = left + (length * (i + 1)) / SEGMENTS;
      const box: PagePoint[] = [
        [x0, top],
        [x1, top],
        [x1, top + height],
        [x0, top + height],
      ];
      port.polygon([box], i % 2 === 0 ? BLACK : WHITE, { colour: BLACK, width: 0.2 });
    }
    const labels = top + height + size * 1.1;
    port.text('0', [left, labels], { size, colour: BLACK, align: 'center' });
    port.text(distanceText(metres), [left + length, labels], { size, colour: BLACK, align: 'center' });
  },
});
