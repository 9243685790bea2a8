import type { Severity, Status } from '../../checks/types.js';

export const STATUS_COLOR: Record<Status, string> = {
  fail: '#c62828',
  unknown: '#7b1fa2',
  manual: '#00838f',
  muted: '#78909c',
  pass: '#2e7d32',
};

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#7f0000',
  high: '#c62828',
  medium: '#e65100',
  low: '#1565c0',
  info: '#607d8b',
};
