import jpeg from 'jpeg-js';
import type { JpegPort } from '../../core/formats/geotiff/index.js';

let queue: Promise<unknown> = Promise.resolve();

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * JPEG decoding with jpeg-js (pure JS, ADR 0013). Decodes run one at a time, each in its own
 * event-loop turn, so a batch of tiles never holds the loop (and the window) for longer than one
 * tile. Memory and resolution caps come from the frame the caller checked against the header.
 */
export const jsJpeg: JpegPort = (stream, frame) => {
  const run = queue.then(nextTurn).then(() => {
    const pixels = frame.width * frame.height;
    const components = frame.components.length;
    const decoded = jpeg.decode(stream, {
      useTArray: true,
      formatAsRGBA: false,
      colorTransform: false,
      tolerantDecoding: false,
      maxResolutionInMP: Math.ceil(pixels / 1e6) + 1,
      // Coefficient blocks (4 bytes per sample, MCU padding) plus the 3-byte output.
      maxMemoryUsageInMB: Math.ceil((pixels * (components * 8 + 3)) / 2 ** 20) + 16,
    });
    if (decoded.width !== frame.width || decoded.height !== frame.height)
      throw new Error('JPEG frame size changed while decoding');
    // jpeg-js always returns three channels; a grey frame is repeated in all of them.
    if (components === 3) return decoded.data;
    const grey = new Uint8Array(pixels);
    for (let p = 0; p < pixels; p += 1) grey[p] = decoded.data[p * 3] ?? 0;
    return grey;
  });
  queue = run.catch(() => undefined);
  return run;
};
