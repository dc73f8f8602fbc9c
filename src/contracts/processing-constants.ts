/** Zod-free constants of the record of processing, for the web app. */

/** Why personal data may go to where a sub-processor is (GDPR chapter V). */
export const TRANSFER_BASES = ['eea', 'adequacy', 'scc', 'bcr', 'other'] as const;
export type TransferBasis = (typeof TRANSFER_BASES)[number];

export const SUB_PROCESSOR_TEXT_MAX = 300;
