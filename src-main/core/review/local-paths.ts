/**
 * What names a place on the producer's own machines or network (ADR 0162): a Windows drive path
 * (`C:\…`, `D:/…`), a UNC share (`\\host\share`), a file URL, a home or mount directory
 * (`/home/…`, `/Users/…`, `/mnt/…`), an intranet host name (`*.local`, `*.lan`, `*.corp`,
 * `*.internal`, `*.intranet`, `*.localdomain`) or a private IPv4 address. Public URLs and XML
 * namespaces are not local.
 */
const LOCAL_PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z])[A-Za-z]:[\\/][^\s\\/]/,
  /\\\\[A-Za-z0-9._$-]+\\/,
  /\bfile:\/\//i,
  /(?:^|[\s"'=(:,;])\/(?:home|Users|root|mnt|media|tmp|var|srv)\/[^\s/]/,
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:local|lan|corp|internal|intranet|localdomain)\b/i,
  /\b(?:10\.\d{1,3}|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.\d{1,3}\.\d{1,3}\b/,
];

/** Whether `text` names a local path or an intranet host. */
export const namesLocalPlace = (text: string): boolean => LOCAL_PATTERNS.some((p) => p.test(text));
