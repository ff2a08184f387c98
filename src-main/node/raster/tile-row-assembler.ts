import {
  TILE_SIZE,
  allocSamples,
  type GeoTiffSpec,
  type GeoTiffTileWriter,
} from '../../core/formats/geotiff/index.js';

/**
 * Collects finished output rows (outWidth x bands interleaved) into one row of 256-pixel tiles
 * and hands full tiles to the writer, so at most 256 output rows are held at once.
 */
export class TileRowAssembler {
  private readonly rows: Float64Array[] = [];
  private readonly writer: GeoTiffTileWriter;
  private readonly spec: GeoTiffSpec;
  private readonly outWidth: number;
  private readonly pad: number;

  constructor(writer: GeoTiffTileWriter, spec: GeoTiffSpec, outWidth: number) {
    this.writer = writer;
    this.spec = spec;
    this.outWidth = outWidth;
    this.pad = spec.nodata ?? 0;
  }

  async push(values: Float64Array): Promise<void> {
    this.rows.push(values);
    if (this.rows.length === TILE_SIZE) await this.emit();
  }

  /** Emits the last, partial tile row. */
  async flush(): Promise<void> {
    if (this.rows.length > 0) await this.emit();
  }

  private async emit(): Promise<void> {
    const bands = this.spec.bandCount;
    for (let tx = 0; tx < this.writer.tilesAcross; tx += 1) {
      const tile = allocSamples(this.spec.dataType, this.writer.tileSampleCount).fill(this.pad);
      const x0 = tx * TILE_SIZE;
      const from = x0 * bands;
      const to = Math.min(this.outWidth, x0 + TILE_SIZE) * bands;
      this.rows.forEach((row, r) => {
        tile.set(row.subarray(from, to), r * TILE_SIZE * bands);
      });
      await this.writer.addTile(tile);
    }
    this.rows.length = 0;
  }
}
