import type { FieldError } from '@waymark/core';

/** A message that was not stored, with where it was (batch index or file line) and why. */
export interface Rejection {
  /** 0-based position in the batch, or 1-based line in an import file. */
  position: number;
  errors: FieldError[];
}

/** What happened to one submitted batch. */
export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}
