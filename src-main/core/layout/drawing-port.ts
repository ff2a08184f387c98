import type { Colour } from './colour.js';
import type { PagePoint, Rect } from './page.js';

/** A line's colour and width in mm; `dash` in mm (on, off, ...). */
export interface Stroke {
  readonly colour: Colour;
  readonly width: number;
  readonly dash?: readonly number[];
}

/** Text: its size (the font size) in mm, colour, weight, and which end of it the anchor names. */
export interface TextStyle {
  readonly size: number;
  readonly colour: Colour;
  readonly align: 'left' | 'center' | 'right';
  readonly bold?: boolean;
}

/**
 * What an item draws with, in page millimetres (origin top-left, y downwards). The PDF writer
 * implements it with vector operators; a rasteriser with pixels. Text is anchored on its baseline.
 */
export interface DrawingPort {
  polyline(points: readonly PagePoint[], stroke: Stroke): void;
  /** Rings filled by the even-odd rule (holes cut out), then stroked; either may be null. */
  polygon(rings: readonly (readonly PagePoint[])[], fill: Colour | null, stroke: Stroke | null): void;
  text(text: string, at: PagePoint, style: TextStyle): void;
  /** The advance width of `text` at `size` mm, in mm. */
  textWidth(text: string, size: number, bold?: boolean): number;
  /** Draws `draw`'s marks clipped to `rect`. */
  clipped(rect: Rect, draw: () => void): void;
}
