import { z } from 'zod';

/**
 * The criteria-set file format. Everything the code knows about a set's shape is here; types are
 * inferred from these schemas so that the YAML format and the code cannot drift apart.
 */

const id = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.string().min(1);

export const COMPARISONS = ['>=', '<=', '==', 'between'] as const;
export const INDICATOR_TYPES = ['percent', 'number', 'count', 'boolean', 'pass', 'level'] as const;

const scalar = z.union([z.number(), z.boolean(), z.string().min(1)]);
const range = z.tuple([z.number(), z.number()]);
export const thresholdValue = z.union([scalar, range]);

/** A threshold leaf with its own citation, where it differs from the indicator's. */
const citedValue = z.strictObject({
  value: thresholdValue,
  verified: z.boolean().optional(),
  source: text.optional(),
  note: text.optional(),
});

/**
 * A threshold that is a multiple of another set's threshold for the same indicator, picked in the
 * same region, year and group (319/QĐ-TTg: a model commune's income is 110 % of the advanced set's).
 */
const relativeValue = z.strictObject({
  relative_to: z.strictObject({ set: text, indicator: id }),
  factor: z.number().positive(),
  verified: z.boolean().optional(),
  source: text.optional(),
  note: text.optional(),
});

/** Commune groups of 51/2025/QĐ-TTg (xã nhóm 1, 2, 3). */
export const GROUPS = ['1', '2', '3'] as const;

export type ThresholdSpec =
  | z.infer<typeof thresholdValue>
  | z.infer<typeof citedValue>
  | z.infer<typeof relativeValue>
  | { by_region: Record<string, ThresholdSpec> }
  | { by_year: Record<string, ThresholdSpec> }
  | { by_group: Partial<Record<(typeof GROUPS)[number], ThresholdSpec>> }
  | { by_value_of: { indicator: string; from: Record<string, ThresholdSpec> } };

export const thresholdSpec: z.ZodType<ThresholdSpec> = z.lazy(() =>
  z.union([
    thresholdValue,
    citedValue,
    relativeValue,
    z.strictObject({ by_region: z.record(z.string(), thresholdSpec) }),
    z.strictObject({ by_year: z.record(z.string().regex(/^\d{4}$/, 'a year such as 2020'), thresholdSpec) }),
    z.strictObject({ by_group: z.partialRecord(z.enum(GROUPS), thresholdSpec) }),
    // A value chosen by another indicator of the same criterion, in the same row: `from` keys are
    // the lowest value each holds from (schools: "0": 50, "4": 70 — 70 % from 4 schools up).
    z.strictObject({
      by_value_of: z.strictObject({
        indicator: id,
        from: z.record(z.string().regex(/^\d+(\.\d+)?$/, 'a number such as 4'), thresholdSpec),
      }),
    }),
  ]),
);

/** How many parts must be met: all (default), any, or at least N. */
const meetsRule = z.union([z.enum(['all', 'any']), z.strictObject({ min: z.number().int().positive() })]);

export const indicatorSchema = z.strictObject({
  id,
  name: text,
  name_en: text.optional(),
  aliases: z.array(text).optional(),
  type: z.enum(INDICATOR_TYPES),
  unit: text.optional(),
  levels: z.array(text).min(2).optional(),
  comparison: z.enum(COMPARISONS).optional(),
  threshold: thresholdSpec.optional(),
  owner: text.optional(),
  source: text.optional(),
  verified: z.boolean().optional(),
  note: text.optional(),
  /** Read only to choose another indicator's threshold (`by_value_of`); not judged itself. */
  input: z.literal(true).optional(),
  /**
   * A commune indicator computed from the village file: the share of a commune's villages meeting a
   * village criterion.
   */
  from_villages: z.strictObject({ set: text, criterion: id }).optional(),
  drop: z.literal(true).optional(),
});

export const criterionSchema = z.strictObject({
  id,
  name: text.optional(),
  name_en: text.optional(),
  aliases: z.array(text).optional(),
  group: text.optional(),
  owner: text.optional(),
  owner_en: text.optional(),
  meets: meetsRule.optional(),
  source: text.optional(),
  verified: z.boolean().optional(),
  note: text.optional(),
  indicators: z.array(indicatorSchema.partial({ name: true, type: true })).optional(),
  drop: z.literal(true).optional(),
});

export const LEVELS = ['thon', 'xa', 'huyen'] as const;

export const criteriaSetSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  name: text,
  name_en: text.optional(),
  level: z.enum(LEVELS),
  period: text.optional(),
  extends: text.optional(),
  source: z.strictObject({
    document: text,
    date: z.union([text, z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    issuer: text,
    title: text.optional(),
    verified: z.boolean().optional(),
    note: text.optional(),
  }),
  region: text.optional(),
  default_year: z.number().int().optional(),
  meets: z.union([z.literal('all'), z.strictObject({ min_criteria: z.number().int().positive() })]).optional(),
  notes: z.array(text).optional(),
  criteria: z.array(criterionSchema),
});

export type CriteriaSetFile = z.infer<typeof criteriaSetSchema>;
export type CriterionSpec = z.infer<typeof criterionSchema>;
export type IndicatorSpec = z.infer<typeof indicatorSchema>;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export type Comparison = (typeof COMPARISONS)[number];
export type Level = (typeof LEVELS)[number];
