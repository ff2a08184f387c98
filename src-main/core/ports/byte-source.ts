/** Random-access read of an immutable file (original or derived). Offsets and lengths in bytes. */
export interface ByteSource {
  readonly size: number;
  /** Name for error messages (file name only, never a full path). */
  readonly name: string;
  read(offset: number, length: number): Promise<Uint8Array>;
}
