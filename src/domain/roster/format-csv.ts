import { ROSTER_FIELDS, type RosterField, type RosterParticipant } from './types';

/** Quotes a CSV field when it holds the delimiter, a quote, a line break or edge whitespace. */
function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

function cell(participant: RosterParticipant, field: RosterField): string {
  switch (field) {
    case 'id':
      return participant.idGenerated ? '' : participant.id;
    case 'group':
      return participant.group === null ? '' : String(participant.group);
    default:
      return participant[field] ?? '';
  }
}

/**
 * Writes participants as a roster CSV with the English header (the documented format), e.g. as a
 * template to download or to export a roster again. Generated ids are left empty, so reading the
 * file again generates the same ones. Lines end in CRLF, as Excel writes them.
 */
export function formatRosterCsv(
  participants: readonly RosterParticipant[],
  delimiter: ',' | ';' | '\t' = ',',
): string {
  const lines = [ROSTER_FIELDS.join(delimiter)];
  for (const participant of participants) {
    lines.push(ROSTER_FIELDS.map((field) => quote(cell(participant, field), delimiter)).join(delimiter));
  }
  return lines.join('\r\n') + '\r\n';
}
