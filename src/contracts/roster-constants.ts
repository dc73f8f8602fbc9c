/** The roster file's columns, in the order of the documented header — without zod (the web app imports this). */
export const ROSTER_FIELDS = [
  'id',
  'name',
  'email',
  'phone',
  'title',
  'level',
  'sector',
  'unit',
  'reportsTo',
  'location',
  'gender',
  'group',
] as const;
