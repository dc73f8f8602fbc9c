const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss' };

/**
 * A programme name as a file-name part: "Leiarprogram Seljord 2027 – del 1" →
 * "leiarprogram-seljord-2027-del-1". ASCII only, so the content-disposition header needs no
 * encoding; never empty.
 */
export function slugify(name: string, fallback = 'program'): string {
  const slug = name
    .toLowerCase()
    .replace(/[æøåß]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
