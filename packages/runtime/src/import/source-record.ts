import type { FieldError } from '@waymark/core';

/**
 * One record read from an import file: a raw message to validate, or the reason the record
 * could not even become a message. `line` is 1-based in the (decompressed) file.
 */
export type SourceRecord = { line: number; message: unknown } | { line: number; errors: FieldError[] };

/** A streaming reader: records in file order, memory flat whatever the file size. */
export type RecordReader = AsyncIterable<SourceRecord>;
