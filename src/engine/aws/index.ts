/**
 * Every API action the simulator answers, by CLI service prefix and SDK operation name.
 * Each service module exports a table of its actions; add yours here.
 */
import type { Action } from '../simulation';

export const actions: Record<string, Action> = {};
