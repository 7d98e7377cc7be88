export * from './import/import-file.ts';
export * from './import/jsonl-reader.ts';
export * from './import/open-input.ts';
export * from './import/source-record.ts';
export * from './ingest/ingest-result.ts';
export * from './ingest/pipeline.ts';
export * from './workspace/load-index.ts';
export * from './workspace/workspace.ts';
