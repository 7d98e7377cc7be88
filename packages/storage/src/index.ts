export * from './event-store/bulk-jsonl/jsonl-bulk-loader.ts';
export * from './event-store/bulk-jsonl/jsonl-bulk-loading.ts';
export * from './event-store/duckdb-event-store.ts';
export * from './event-store/event-store.ts';
