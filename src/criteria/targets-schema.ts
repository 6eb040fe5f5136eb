import { z } from 'zod';
import { LEVELS } from './schema.js';

/**
 * The targets file (--targets): what a plan promises, each target cited to its line in the plan.
 * Types are inferred from these schemas; `npm run build` writes the JSON Schema from them.
 */

const text = z.string().min(1);
const id = z.union([z.string().min(1), z.number()]).transform(String);
const count = z.number().int().nonnegative();

/** Where the plan says it: the line of the plan's text and its words. */
const source = z
  .strictObject({ line: z.number().int().positive(), quote: text })
  .describe("where the plan sets the target: the line of the plan's text, and its words");

/** Which runs a target applies to: the set judged (its id) or its level; default: the file's. */
const scope = {
  set: text.optional().describe('judged only in runs with this criteria set (its id)'),
  level: z.enum(LEVELS).optional().describe('judged only in runs of units of this level'),
};

const exactlyOne = (keys: readonly string[]) => (t: Record<string, unknown>) =>
  keys.filter((k) => t[k] !== undefined).length === 1;
const oneOf = (keys: readonly string[]) => ({ message: `give exactly one of ${keys.join(', ')}` });

export const UNIT_GOALS = ['gain', 'meets', 'at_least'] as const;

/** A target for one unit, or (`others`) for every unit not named. */
const unitGoal = {
  label: text.optional(),
  gain: z.number().int().positive().optional().describe('gain at least N criteria on the baseline (needs --baseline)'),
  meets: z.literal(true).optional().describe('meet the standard'),
  at_least: count.optional().describe('meet at least N criteria'),
  ...scope,
  source,
};

export const unitTargetSchema = z
  .strictObject({ name: text, parent: text.optional(), ...unitGoal })
  .refine(exactlyOne(UNIT_GOALS), oneOf(UNIT_GOALS));

export const othersTargetSchema = z.strictObject(unitGoal).refine(exactlyOne(UNIT_GOALS), oneOf(UNIT_GOALS));

export const TOTAL_GOALS = ['average_met', 'units_meeting', 'newly_meeting', 'units_gaining', 'indicator'] as const;

/** A target for all units together. */
export const totalTargetSchema = z
  .strictObject({
    label: text.optional(),
    average_met: z
      .number()
      .nonnegative()
      .optional()
      .describe('the average number of criteria met per unit is at least this'),
    units_meeting: count.optional().describe('at least this many units meet the standard'),
    newly_meeting: count
      .optional()
      .describe('at least this many units meet the standard that did not last year (needs --baseline)'),
    units_gaining: count
      .optional()
      .describe('at least this many units gain `by` criteria or more on last year (needs --baseline)'),
    by: z.number().int().positive().optional().describe('with units_gaining: the gain that counts (default 1)'),
    indicator: id
      .optional()
      .describe("an indicator's values over the units (its id in the set), at least or at most a value"),
    aggregate: z
      .enum(['mean', 'sum'])
      .optional()
      .describe('with indicator: the mean of the units (unweighted, default) or the sum'),
    at_least: z.number().optional(),
    at_most: z.number().optional(),
    ...scope,
    source,
  })
  .refine(exactlyOne(TOTAL_GOALS), oneOf(TOTAL_GOALS))
  .refine((t) => t.indicator === undefined || (t.at_least === undefined) !== (t.at_most === undefined), {
    message: 'an indicator target gives exactly one of at_least, at_most',
  })
  .refine(
    (t) =>
      t.indicator !== undefined || (t.at_least === undefined && t.at_most === undefined && t.aggregate === undefined),
    {
      message: 'at_least, at_most and aggregate belong to an indicator target',
    },
  )
  .refine((t) => t.by === undefined || t.units_gaining !== undefined, { message: 'by belongs to units_gaining' });

export const targetsFileSchema = z.strictObject({
  plan: z
    .strictObject({
      document: text,
      issuer: text,
      year: z.number().int(),
      file: text.optional().describe('the plan as a text file, whose lines the sources cite'),
    })
    .describe('the plan the targets come from'),
  baseline_year: z.number().int().optional().describe('the year the targets compare with ("so với năm 2020")'),
  ...scope,
  units: z.array(unitTargetSchema).optional(),
  others: othersTargetSchema.optional().describe('the target of every unit not named ("các xã còn lại")'),
  totals: z.array(totalTargetSchema).optional(),
});

export type TargetsFile = z.infer<typeof targetsFileSchema>;
export type UnitTarget = z.infer<typeof unitTargetSchema>;
export type OthersTarget = z.infer<typeof othersTargetSchema>;
export type TotalTarget = z.infer<typeof totalTargetSchema>;
export type TargetSource = z.infer<typeof source>;
