import type { FormatModule } from '../format-module.js';
import { isFlatGeobufHead, readFlatGeobuf } from './read.js';

/** Largest FlatGeobuf read whole: the parse worker's memory cap bounds what its features become. */
export const FLATGEOBUF_MAX_BYTES = 512 * 1024 * 1024;

/** FlatGeobuf (one layer), detected by its magic bytes. */
export const flatgeobufFormat: FormatModule = {
  id: 'FlatGeobuf',
  kind: 'vector',
  extensions: ['fgb'],
  label: { 'zh-CN': 'FlatGeobuf 矢量', en: 'FlatGeobuf vector' },
  detect: ({ head }) => (isFlatGeobufHead(head) ? 'content' : null),
  async open(input) {
    const read = await readFlatGeobuf(await input.readAll(FLATGEOBUF_MAX_BYTES, 'FlatGeobuf'));
    return [{ kind: 'vector', layer: null, ...read, notices: [] }];
  },
};
