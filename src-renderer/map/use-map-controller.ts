import { useEffect, useRef, useState, type RefObject } from 'react';
import { MapController, type MapListener } from './MapController.js';

/**
 * Creates one MapController for the lifetime of the container element and disposes it on
 * unmount. The listener is read through a ref so callers may pass a fresh object each render.
 */
export function useMapController(
  target: RefObject<HTMLDivElement | null>,
  listener: MapListener,
): MapController | null {
  const listenerRef = useRef(listener);
  const [controller, setController] = useState<MapController | null>(null);
  useEffect(() => {
    listenerRef.current = listener;
  });
  useEffect(() => {
    const element = target.current;
    if (!element) return undefined;
    const created = new MapController(element, {
      onStatus: (s) => {
        listenerRef.current.onStatus(s);
      },
      onPointer: (p) => {
        listenerRef.current.onPointer(p);
      },
      onFeature: (f) => {
        listenerRef.current.onFeature(f);
      },
      onProblem: (p) => {
        listenerRef.current.onProblem(p);
      },
      onLayerBuilt: (id) => {
        listenerRef.current.onLayerBuilt(id);
      },
    });
    setController(created);
    const observer = new ResizeObserver(() => {
      created.updateSize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.dispose();
      setController(null);
    };
  }, [target]);
  return controller;
}
