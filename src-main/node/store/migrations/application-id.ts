/**
 * `PRAGMA application_id` of a Strata catalogue: the ASCII bytes "STRA" read as a big-endian
 * int32 (0x53545241). SQLite stores it at header offset 68; `file(1)` and we use it to tell a
 * catalogue from any other SQLite file.
 */
export const STRATA_APPLICATION_ID = 0x53545241;
