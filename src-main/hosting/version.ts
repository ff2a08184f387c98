import packageJson from '../../package.json';

/** The app version, from package.json at build time. */
export const STRATA_VERSION: string = packageJson.version;
