export * from './ack.js';
export * from './media.js';
export * from './events.js';
