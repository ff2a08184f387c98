/**
 * True for a path that names its folder on its own: POSIX `/…`, Windows `C:\…` or `C:/…`, UNC `\\…`.
 * A relative path would be resolved against a process's working folder, which a service cannot
 * know for its caller; the CLI resolves against its own before calling, the UI asks for an absolute one.
 */
export const isAbsolutePath = (p: string): boolean => /^(?:\/|\\\\|[A-Za-z]:[\\/])/.test(p);
