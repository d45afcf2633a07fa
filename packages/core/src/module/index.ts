export * from './binding.js';
export * from './kpi.js';
export * from './module.js';
export * from './process-manager.js';
export * from './facts.js';
export * from './staff-on-record.js';
export * from './host.js';
export * from './format-kpi.js';
