import { createContext, useContext } from 'react';
import type { Platform } from './platform.js';

export const PlatformContext = createContext<Platform | null>(null);

/** The host platform chosen at startup (api client, file URLs, events). */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('PlatformContext missing: render inside <PlatformContext value={...}>');
  return platform;
}
