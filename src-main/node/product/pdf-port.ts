import type { Colour, DrawingPort, PagePoint, Stroke } from '../../core/layout/index.js';

/** PDF points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
export const REGULAR_FONT = 'cjk';
export const BOLD_FONT = 'cjk-bold';

/** pdfkit's colour value: RGB 0–255 as three numbers, CMYK 0–100 as four (kept as DeviceCMYK). */
const colourValue = (c: Colour): [number, number, number] | [number, number, number, number] =>
  'rgb' in c ? [...c.rgb] : [...c.cmyk];

/**
 * The drawing port over a pdfkit document: vector paths and text in page points, CMYK kept as
 * DeviceCMYK, text in the embedded CJK font (pdfkit subsets it to the glyphs used).
 */
export function pdfPort(doc: PDFKit.PDFDocument): DrawingPort {
  const pt = (mm: number): number => mm * PT_PER_MM;
  const path = (points: readonly PagePoint[], close: boolean): void => {
    points.forEach(([x, y], i) => {
      if (i === 0) doc.moveTo(pt(x), pt(y));
      else doc.lineTo(pt(x), pt(y));
    });
    if (close) doc.closePath();
  };
  const setStroke = (stroke: Stroke): void => {
    doc
      .lineWidth(pt(stroke.width))
      .strokeColor(colourValue(stroke.colour))
      .lineJoin('round')
      .lineCap('round');
    const [on, off] = stroke.dash ?? [];
    if (on === undefined) doc.undash();
    else doc.dash(pt(on), { space: pt(off ?? on) });
  };
  const font = (bold: boolean | undefined): string => (bold === true ? BOLD_FONT : REGULAR_FONT);
  const width = (text: string, size: number, bold?: boolean): number =>
    doc.font(font(bold)).fontSize(pt(size)).widthOfString(text) / PT_PER_MM;
  return {
    polyline(points, stroke) {
      if (points.length < 2) return;
      path(points, false);
      setStroke(stroke);
      doc.stroke();
    },
    polygon(rings, fill, stroke) {
      const drawn = rings.filter((r) => r.length >= 3);
      if (drawn.length === 0 || (fill === null && stroke === null)) return;
      for (const ring of drawn) path(ring, true);
      if (stroke !== null) setStroke(stroke);
      if (fill !== null && stroke !== null)
        doc.fillAndStroke(colourValue(fill), colourValue(stroke.colour), 'even-odd');
      else if (fill !== null) doc.fill(colourValue(fill), 'even-odd');
      else doc.stroke();
    },
    text(text, [x, y], style) {
      if (text === '') return;
      const w = width(text, style.size, style.bold);
      const left = style.align === 'left' ? x : style.align === 'right' ? x - w : x - w / 2;
      doc
        .font(font(style.bold))
        .fontSize(pt(style.size))
        .fillColor(colourValue(style.colour))
        .text(text, pt(left), pt(y), { lineBreak: false, baseline: 'alphabetic' });
    },
    textWidth: width,
    clipped(rect, draw) {
      doc.save();
      doc.rect(pt(rect.x), pt(rect.y), pt(rect.width), pt(rect.height)).clip();
      draw();
      doc.restore();
    },
  };
}
