export * from './ack.js';
export * from './media.js';
export * from './events.js';
export * from './clinic.js';
export * from './crisisDefaults.js';
export * from './viewPatch.js';
