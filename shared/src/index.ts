export * from './protocol/index.js';
export * from './session/index.js';
export * from './time/zones.js';
export * from './api/index.js';
