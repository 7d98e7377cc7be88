export * from './api-types.ts';
export * from './app.ts';
export * from './config.ts';
export * from './start-server.ts';
