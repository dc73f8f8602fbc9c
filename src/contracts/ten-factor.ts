import { z } from 'zod';
import { ZUuid } from './common';
import { ACTION_STATUSES, TEN_FACTORS } from './ten-factor-constants';

export const ZTenFactor = z.enum(TEN_FACTORS);
export const ZActionStatus = z.enum(ACTION_STATUSES);
export const ZTenFactorMeans = z.object(
  Object.fromEntries(TEN_FACTORS.map((f) => [f, z.number()])) as Record<
    (typeof TEN_FACTORS)[number],
    z.ZodNumber
  >,
);
export type TenFactorMeans = z.infer<typeof ZTenFactorMeans>;

const ZDate = z.iso.date();

export const ZTenFactorProblem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'notice']),
  rowNumber: z.number().int().nullable(),
  column: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type TenFactorProblem = z.infer<typeof ZTenFactorProblem>;

const ZParsedUnit = z.object({
  rowNumber: z.number().int(),
  name: z.string(),
  respondents: z.number().int(),
  means: ZTenFactorMeans.nullable(),
});

/** The stored preview of an uploaded file (the domain's TenFactorPreview). */
export const ZTenFactorPreview = z.object({
  columns: z.array(z.object({ header: z.string(), column: z.string().nullable() })),
  units: z.array(ZParsedUnit),
  total: ZParsedUnit.nullable(),
  problems: z.array(ZTenFactorProblem),
  ok: z.boolean(),
});

const ZMunicipality = z.object({
  means: ZTenFactorMeans,
  respondents: z.number().int(),
  /** totalRow: the file's own total; allUnits: weighted over every unit; shownUnits: only those shown. */
  basis: z.enum(['totalRow', 'allUnits', 'shownUnits']),
});

/**
 * An import as the uploader sees it. Units below the threshold are counted, never listed (not even
 * to the one who uploaded them: the preview shows only the rows' problems and the shown units).
 */
export const ZTenFactorImport = z.object({
  importId: ZUuid,
  fileName: z.string(),
  status: z.enum(['preview', 'committed']),
  createdAt: z.string(),
  ok: z.boolean(),
  problems: z.array(ZTenFactorProblem),
  units: z.array(
    z.object({
      rowNumber: z.number().int(),
      name: z.string(),
      respondents: z.number().int(),
      means: ZTenFactorMeans,
    }),
  ),
  hiddenUnits: z.number().int(),
  hasTotalRow: z.boolean(),
  municipality: ZMunicipality.nullable(),
});
export type TenFactorImport = z.infer<typeof ZTenFactorImport>;

export const ZTenFactorUploadQuery = z.object({ fileName: z.string().trim().min(1).max(200).optional() });
export const ZTenFactorImportParams = z.object({ programmeId: ZUuid, importId: ZUuid });

export const ZCommitTenFactorImport = z.object({
  label: z.string().trim().min(1).max(80),
  year: z.number().int().min(2000).max(2100),
});
export type CommitTenFactorImport = z.infer<typeof ZCommitTenFactorImport>;
export const ZCommitTenFactorResult = z.object({
  surveyId: ZUuid,
  units: z.number().int(),
  hiddenUnits: z.number().int(),
});
export type CommitTenFactorResult = z.infer<typeof ZCommitTenFactorResult>;

/** The 400 of a refused commit: every blocking problem by row and column. */
export const ZTenFactorCommitRefusal = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  // Optional: every other 400 of the route (a malformed id or body) has the plain error body.
  problems: z.array(ZTenFactorProblem).optional(),
});

export const ZTenFactorSettings = z.object({ enabled: z.boolean() });
export type TenFactorSettings = z.infer<typeof ZTenFactorSettings>;

export const ZTenFactorSurvey = z.object({
  id: ZUuid,
  label: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
  /** Only units with at least MIN_RESPONDENTS respondents. */
  units: z.array(z.object({ name: z.string(), respondents: z.number().int(), means: ZTenFactorMeans })),
  hiddenUnits: z.number().int(),
  municipality: ZMunicipality.nullable(),
});
export type TenFactorSurvey = z.infer<typeof ZTenFactorSurvey>;

const ZCounts = z.record(ZTenFactor, z.number().int());
export const ZTenFactorAggregate = z.object({
  leadersWithChoices: z.number().int(),
  leadersWithActions: z.number().int(),
  /** Null below the aggregate threshold (3 leaders). */
  keep: ZCounts.nullable(),
  improve: ZCounts.nullable(),
  actions: z.record(ZActionStatus, z.number().int()).nullable(),
});
export type TenFactorAggregate = z.infer<typeof ZTenFactorAggregate>;

export const ZTenFactorLink = z.object({
  participantId: ZUuid,
  name: z.string(),
  /** The unit name used: set by hand, else the participant's own unit; null: none. */
  unitName: z.string().nullable(),
  source: z.enum(['link', 'participant']).nullable(),
  /** Whether the latest survey has a unit by that name (shown or not is not said). */
  matched: z.boolean(),
});

/** The set-up page of the staff and the client admin. */
export const ZTenFactorOverview = z.object({
  enabled: z.boolean(),
  surveys: z.array(ZTenFactorSurvey),
  links: z.array(ZTenFactorLink),
  aggregate: ZTenFactorAggregate,
  /** Whether the reader may read the leaders' own follow-up (the staffed advisors). */
  canReadLeaders: z.boolean(),
});
export type TenFactorOverview = z.infer<typeof ZTenFactorOverview>;

export const ZTenFactorNote = z.object({ id: ZUuid, notedOn: z.string(), text: z.string() });
export const ZTenFactorAction = z.object({
  id: ZUuid,
  factor: ZTenFactor,
  description: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: ZActionStatus,
  notes: z.array(ZTenFactorNote),
});
export type TenFactorAction = z.infer<typeof ZTenFactorAction>;

const ZChoice = z.object({ keep: ZTenFactor, improve: ZTenFactor });

export const ZTenFactorMine = z.object({
  enabled: z.boolean(),
  unitName: z.string().nullable(),
  unitSource: z.enum(['link', 'participant']).nullable(),
  /**
   * noSurvey: nothing imported; noUnit: no unit linked; unitNotFound: no such unit in the survey;
   * hidden: fewer than 3 respondents (never shown); shown: the comparison is there.
   */
  state: z.enum(['noSurvey', 'noUnit', 'unitNotFound', 'hidden', 'shown']),
  survey: z.object({ id: ZUuid, label: z.string(), year: z.number().int() }).nullable(),
  previousSurvey: z.object({ id: ZUuid, label: z.string(), year: z.number().int() }).nullable(),
  municipalityBasis: z.enum(['totalRow', 'allUnits', 'shownUnits']).nullable(),
  comparison: z
    .array(
      z.object({
        factor: ZTenFactor,
        unit: z.number(),
        municipality: z.number().nullable(),
        previous: z.number().nullable(),
      }),
    )
    .nullable(),
  /** The names of the shown units of the latest survey, to pick a link from. */
  unitNames: z.array(z.string()),
  choice: ZChoice.nullable(),
  actions: z.array(ZTenFactorAction),
});
export type TenFactorMine = z.infer<typeof ZTenFactorMine>;

export const ZSetTenFactorLink = z.object({ unitName: z.string().trim().min(1).max(200).nullable() });
export type SetTenFactorLink = z.infer<typeof ZSetTenFactorLink>;
export const ZTenFactorLinkParams = z.object({ programmeId: ZUuid, participantId: ZUuid });

export const ZSetTenFactorChoice = ZChoice.refine((c) => c.keep !== c.improve, {
  message: 'Pick two different factors',
  path: ['improve'],
});
export type SetTenFactorChoice = z.infer<typeof ZSetTenFactorChoice>;

export const ZSaveTenFactorAction = z.object({
  factor: ZTenFactor,
  description: z.string().trim().min(1).max(1000),
  owner: z.string().trim().min(1).max(200),
  deadline: ZDate,
  status: ZActionStatus.default('planned'),
});
export type SaveTenFactorAction = z.input<typeof ZSaveTenFactorAction>;
export const ZTenFactorActionParams = z.object({ programmeId: ZUuid, actionId: ZUuid });

export const ZAddTenFactorNote = z.object({
  notedOn: ZDate,
  text: z.string().trim().min(1).max(2000),
});
export type AddTenFactorNote = z.infer<typeof ZAddTenFactorNote>;

/** The staffed advisors' read-only view of every leader's follow-up. */
export const ZTenFactorLeaders = z.object({
  leaders: z.array(
    z.object({
      participantId: ZUuid,
      name: z.string(),
      unitName: z.string().nullable(),
      choice: ZChoice.nullable(),
      actions: z.array(ZTenFactorAction),
    }),
  ),
});
export type TenFactorLeaders = z.infer<typeof ZTenFactorLeaders>;

export const ZTenFactorExportParams = z.object({
  programmeId: ZUuid,
  surveyId: ZUuid,
  format: z.enum(['csv', 'xlsx']),
});
