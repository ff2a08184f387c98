import type { FormatModule } from '../format-module.js';
import { headText, XML_MAX_BYTES } from '../kml/safe-xml.js';
import { readGpx } from './read.js';

/** GPX 1.0/1.1 (ADR 0147): waypoints, routes and tracks as three layers, WGS 84. */
export const gpxFormat: FormatModule = {
  id: 'GPX',
  kind: 'vector',
  extensions: ['gpx'],
  label: { 'zh-CN': 'GPX 轨迹', en: 'GPX track' },
  detect({ name, head }) {
    const text = headText(head);
    if (/<gpx[\s>]/.test(text)) return 'content';
    return /\.gpx$/i.test(name) && text.includes('<') ? 'name' : null;
  },
  async open(input) {
    return readGpx(await input.readAll(XML_MAX_BYTES, 'GPX'));
  },
};
