import { allocSamples, type SampleArray } from '../../core/formats/geotiff/index.js';
import { COPY_TILE, type PyramidTiffWriter } from '../../core/formats/geotiff/pyramid-writer.js';
import type { RasterDataType } from '../../core/model/index.js';

/**
 * One level of the pyramid: collects its rows into a band of 512 rows, hands full bands to the
 * writer as tiles and to the next (half-size) level as rows to average.
 */
export class Level {
  readonly width: number;
  private readonly height: number;
  private readonly bands: number;
  private readonly dataType: RasterDataType;
  private readonly nodata: number | null;
  private readonly writer: PyramidTiffWriter;
  private readonly index: number;
  private readonly next: Level | null;
  /** Overviews take each 2 × 2 block's first pixel instead of its average (palette indices). */
  private readonly nearest: boolean;
  private band: SampleArray;
  private rows = 0;
  private tileRow = 0;

  constructor(
    writer: PyramidTiffWriter,
    index: number,
    bands: number,
    dataType: RasterDataType,
    nodata: number | null,
    nearest = false,
  ) {
    const layout = writer.levels[index];
    if (layout === undefined) throw new RangeError('no such level');
    this.writer = writer;
    this.index = index;
    this.width = layout.width;
    this.height = layout.height;
    this.bands = bands;
    this.dataType = dataType;
    this.nodata = nodata;
    this.nearest = nearest;
    this.band = allocSamples(dataType, COPY_TILE * this.width * bands);
    this.next =
      index + 1 < writer.levels.length
        ? new Level(writer, index + 1, bands, dataType, nodata, nearest)
        : null;
  }

  /** The band being filled, `rows` rows of it done: the full-resolution level writes into it. */
  get target(): { readonly band: SampleArray; readonly rows: number } {
    return { band: this.band, rows: this.rows };
  }

  /** Marks `count` more rows of the band as filled; emits the band when full or at the last row. */
  async filled(count: number): Promise<void> {
    this.rows += count;
    const y = this.tileRow * COPY_TILE + this.rows;
    if (this.rows === COPY_TILE || y === this.height) await this.emit();
  }

  /** Averages `rows` rows of the finer level's `band` (width `srcWidth`) into rows of this one. */
  async accept(band: SampleArray, rows: number, srcWidth: number): Promise<void> {
    const b = this.bands;
    // Nodata as the samples store it (a Float32 band holds fround(nodata), not the decimal).
    const nd =
      this.nodata === null ? Number.NaN : (allocSamples(this.dataType, 1).fill(this.nodata)[0] ?? Number.NaN);
    const fill = this.nodata ?? 0;
    const round = !this.dataType.startsWith('Float');
    for (let r = 0; r < rows; r += 2) {
      // Re-read each row: a full band is handed on and replaced by `filled`.
      const out = this.band;
      const at = this.rows * this.width * b;
      const top = r * srcWidth * b;
      const bottom = r + 1 < rows ? top + srcWidth * b : -1;
      for (let x = 0; x < this.width; x += 1) {
        const left = 2 * x * b;
        const right = 2 * x + 1 < srcWidth ? left + b : -1;
        if (this.nearest) {
          for (let k = 0; k < b; k += 1) out[at + x * b + k] = band[top + left + k] ?? fill;
          continue;
        }
        for (let k = 0; k < b; k += 1) {
          let sum = 0;
          let n = 0;
          // Four neighbours at most; NaN never equals itself, so NaN and nodata add nothing.
          let v = band[top + left + k] ?? nd;
          if (v === v && v !== nd) {
            sum += v;
            n += 1;
          }
          if (right >= 0) {
            v = band[top + right + k] ?? nd;
            if (v === v && v !== nd) {
              sum += v;
              n += 1;
            }
          }
          if (bottom >= 0) {
            v = band[bottom + left + k] ?? nd;
            if (v === v && v !== nd) {
              sum += v;
              n += 1;
            }
            if (right >= 0) {
              v = band[bottom + right + k] ?? nd;
              if (v === v && v !== nd) {
                sum += v;
                n += 1;
              }
            }
          }
          out[at + x * b + k] = n === 0 ? fill : round ? Math.round(sum / n) : sum / n;
        }
      }
      await this.filled(1);
    }
  }

  private async emit(): Promise<void> {
    const b = this.bands;
    const rows = this.rows;
    const across = Math.ceil(this.width / COPY_TILE);
    for (let tx = 0; tx < across; tx += 1) {
      const tile = allocSamples(this.dataType, COPY_TILE * COPY_TILE * b).fill(this.nodata ?? 0);
      const x0 = tx * COPY_TILE;
      const span = (Math.min(this.width, x0 + COPY_TILE) - x0) * b;
      for (let r = 0; r < rows; r += 1) {
        const from = (r * this.width + x0) * b;
        tile.set(this.band.subarray(from, from + span), r * COPY_TILE * b);
      }
      await this.writer.addTile(this.index, this.tileRow * across + tx, tile);
    }
    const full = this.band;
    this.band = allocSamples(this.dataType, COPY_TILE * this.width * b);
    this.rows = 0;
    this.tileRow += 1;
    await this.next?.accept(full, rows, this.width);
  }
}
