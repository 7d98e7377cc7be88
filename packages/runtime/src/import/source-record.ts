import type { FieldError } from '@waymark/core';

/**
 * One record read from an import file: a raw message to validate, or the reason the record
 * could not even become a message. `line` is 1-based in the (decompressed) file.
 */
export type SourceRecord = { line: number; message: unknown } | { line: number; errors: FieldError[] };

/**
 * A streaming reader: records in file order, memory flat whatever the file size. Records come
 * in runs (an array per chunk read, never empty): one async step per record costs a promise
 * and a microtask each, which at 275k records was 0.15–0.3 s of an XES import.
 */
export type RecordReader = AsyncIterable<readonly SourceRecord[]>;
