import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AccessibilityStatement, ZAccessibilityStatement } from '../../contracts/accessibility';
import { AppError } from '../errors';

/** Where `npm run a11y:statement` writes the evidence; committed with the code it describes. */
export const STATEMENT_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../docs/accessibility/statement.json',
);

/** The generated accessibility evidence; 404 when it has not been generated. */
export async function loadAccessibilityStatement(file = STATEMENT_FILE): Promise<AccessibilityStatement> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppError(
      'not_found',
      'The accessibility statement has not been generated (npm run a11y:statement)',
    );
  }
  return ZAccessibilityStatement.parse(JSON.parse(text));
}
