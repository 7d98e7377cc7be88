export * from './event-store/duckdb-event-store.ts';
export * from './event-store/event-store.ts';
