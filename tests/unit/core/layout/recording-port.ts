import type {
  Colour,
  DrawingPort,
  PagePoint,
  Rect,
  Stroke,
  TextStyle,
} from '../../../../src-main/core/layout/index.js';

/** One mark a drawing made, as the port received it. */
export type Mark =
  | {
      readonly op: 'polyline';
      readonly points: readonly PagePoint[];
      readonly stroke: Stroke;
      readonly clip: Rect | null;
    }
  | {
      readonly op: 'polygon';
      readonly rings: readonly (readonly PagePoint[])[];
      readonly fill: Colour | null;
      readonly stroke: Stroke | null;
      readonly clip: Rect | null;
    }
  | {
      readonly op: 'text';
      readonly text: string;
      readonly at: PagePoint;
      readonly style: TextStyle;
      readonly clip: Rect | null;
    };

/** A drawing port that records every mark (text 0.5 em wide per character), for tests of what items draw. */
export function recordingPort(): DrawingPort & { readonly marks: Mark[] } {
  const marks: Mark[] = [];
  let clip: Rect | null = null;
  return {
    marks,
    polyline: (points, stroke) => marks.push({ op: 'polyline', points, stroke, clip }),
    polygon: (rings, fill, stroke) => marks.push({ op: 'polygon', rings, fill, stroke, clip }),
    text: (text, at, style) => marks.push({ op: 'text', text, at, style, clip }),
    textWidth: (text, size) => text.length * size * 0.5,
    clipped(rect, draw) {
      const outer = clip;
      clip = rect;
      draw();
      clip = outer;
    },
  };
}

export const texts = (marks: readonly Mark[]): string[] =>
  marks.flatMap((m) => (m.op === 'text' ? [m.text] : []));
