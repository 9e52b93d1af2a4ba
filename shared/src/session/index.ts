export * from './state.js';
export * from './commands.js';
export * from './effects.js';
export * from './errors.js';
export * from './permissions.js';
export * from './reduce.js';
export * from './views.js';
export * from './rounds.js';
