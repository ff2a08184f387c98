import Control from 'ol/control/Control.js';

/**
 * The chosen basemap's source and 审图号 (ADR 0106), in the map's bottom-right corner while the
 * basemap is on; hidden when there is none. A control, so it stays inside the map's viewport.
 */
export class BasemapAttribution extends Control {
  private readonly box: HTMLElement;

  constructor() {
    const box = document.createElement('div');
    box.className = 'basemap-attribution ol-unselectable';
    box.dataset['testid'] = 'basemap-attribution';
    box.hidden = true;
    super({ element: box });
    this.box = box;
  }

  setText(text: string): void {
    this.box.textContent = text;
    this.box.hidden = text === '';
  }
}
