/** The attributes groups are mixed on, without zod: the web app imports this at runtime. */
export const GROUP_ATTRIBUTES = ['sector', 'level', 'unit', 'location', 'gender'] as const;
