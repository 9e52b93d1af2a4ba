export * from './accounts.js';
export * from './cohorts.js';
export * from './records.js';
