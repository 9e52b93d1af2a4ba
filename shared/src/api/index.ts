export * from './accounts.js';
export * from './billing.js';
export * from './cohorts.js';
export * from './cohortStaff.js';
export * from './notes.js';
export * from './records.js';
export type * from './responses.js';
export * from './disclosures.js';
