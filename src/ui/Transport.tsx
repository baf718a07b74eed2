/** Moved to src/ui/time/ (kept so older imports still work). */
export { Transport } from './time/Transport';
export { Clock } from './time/Clock';
