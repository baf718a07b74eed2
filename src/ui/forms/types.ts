/**
 * The drop forms' model, free of React so it can be unit-tested: a form is a few fields with
 * defaults read from the world, and a list of AWS API calls built from the values. Submitting
 * makes the calls in order through the session store's batch() (one edit, one undo step, in the
 * command log); run.ts stops at the first error and says which call failed and what was created.
 */
import type { World } from '../../engine/world/types';

/** What the palette offers to drag onto the canvas. */
export type PaletteKind =
  | 'cluster'
  | 'ec2Instances'
  | 'autoScalingGroup'
  | 'capacityProvider'
  | 'repository'
  | 'imagePush'
  | 'taskDefinition'
  | 'service'
  | 'loadBalancer'
  | 'targetGroup'
  | 'scalingPolicy'
  | 'trafficSource'
  | 'fault';

export type FieldValue = string | number | boolean;
export type FormValues = Record<string, FieldValue>;

export interface FieldSpec {
  /** Key in FormValues. */
  name: string;
  /** What the form shows: AWS's parameter name where there is one. */
  label: string;
  type: 'text' | 'number' | 'select' | 'checkbox';
  options?: { value: string; label: string }[];
  /** AWS parameter names an engine error may mention: the error is shown under this field. */
  params?: string[];
  help?: string;
}

/** One API call of a form; `input` may read the outputs of the calls before it. */
export interface PlannedCall {
  call: string;
  /** What the call does, in words ("create the load balancer"). */
  label: string;
  /** The field an error from this call concerns when its message names none. */
  field?: string;
  input: (outputs: unknown[]) => unknown;
  /** The canvas node id of what this call created (for the drop position). */
  nodeId?: (output: unknown) => string | undefined;
}

/** Where the drop happened, for defaults (e.g. EC2 instances dropped on a cluster). */
export interface DropContext {
  /** The canvas selection under the drop point, if any: {kind, id}. */
  target?: { kind: string; id: string };
}

export interface FormSpec {
  kind: PaletteKind;
  title: string;
  /** One line: what this creates, in AWS's words. */
  summary: string;
  fields: (world: World, values: FormValues) => FieldSpec[];
  defaults: (world: World, context: DropContext) => FormValues;
  plan: (values: FormValues, world: World) => PlannedCall[];
  /** Linked defaults: after the user changes `changed`, the values to show (e.g. Fargate -> awsvpc). */
  derive?: (changed: string, values: FormValues, world: World) => FormValues;
}

export const str = (v: FieldValue | undefined): string => (v === undefined ? '' : String(v));
/** A number field's value: a number, or the text as typed so the engine answers for it. */
export const num = (v: FieldValue | undefined): number | string => {
  if (typeof v === 'number') return v;
  const text = str(v).trim();
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
};
