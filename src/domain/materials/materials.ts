/**
 * What a gathering material (an uploaded file) may be: its size, its name and its type. Pure: the
 * service streams the upload, sniffs the first bytes with `file-type` and asks these functions.
 *
 * The type decision trusts none of the three claims alone. The extension must be on the allow-list;
 * the browser's declared type, when it says anything specific, must fit that extension; and the
 * sniffed signature of the first bytes must fit it too (an .exe named handout.pdf is refused). The
 * stored content type is the allow-list's canonical one for the extension, never the client's
 * claim, so a download can never be served as, say, text/html.
 */

/** The default upload limit: 50 MiB. */
export const DEFAULT_MATERIAL_MAX_BYTES = 50 * 1024 * 1024;

/** How many leading bytes the service reads for sniffing (enough for file-type to tell OOXML from zip). */
export const SNIFF_BYTES = 64 * 1024;

/** The longest stored file name, in characters (extension included). */
export const MAX_FILE_NAME_LENGTH = 180;

interface TypeRule {
  /** The content type stored and served. */
  mime: string;
  /** Other types browsers send for this extension. */
  aliases?: readonly string[];
  /**
   * The `file-type` extensions the content may sniff as; `text` means the content has no binary
   * signature and no NUL byte in its head.
   */
  sniff: readonly string[] | 'text';
  family: MaterialFamily;
}

export type MaterialFamily =
  'document' | 'spreadsheet' | 'presentation' | 'image' | 'video' | 'audio' | 'archive' | 'text';

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/** The allow-list, by lower-case extension. */
const RULES: Readonly<Record<string, TypeRule>> = {
  pdf: { mime: 'application/pdf', aliases: ['application/x-pdf'], sniff: ['pdf'], family: 'document' },
  doc: { mime: 'application/msword', sniff: ['cfb'], family: 'document' },
  docx: { mime: `${OOXML}.wordprocessingml.document`, sniff: ['docx', 'zip'], family: 'document' },
  odt: { mime: `${ODF}.text`, sniff: ['odt', 'zip'], family: 'document' },
  rtf: { mime: 'application/rtf', aliases: ['text/rtf'], sniff: ['rtf'], family: 'document' },
  xls: { mime: 'application/vnd.ms-excel', sniff: ['cfb'], family: 'spreadsheet' },
  xlsx: { mime: `${OOXML}.spreadsheetml.sheet`, sniff: ['xlsx', 'zip'], family: 'spreadsheet' },
  ods: { mime: `${ODF}.spreadsheet`, sniff: ['ods', 'zip'], family: 'spreadsheet' },
  ppt: { mime: 'application/vnd.ms-powerpoint', sniff: ['cfb'], family: 'presentation' },
  pptx: { mime: `${OOXML}.presentationml.presentation`, sniff: ['pptx', 'zip'], family: 'presentation' },
  odp: { mime: `${ODF}.presentation`, sniff: ['odp', 'zip'], family: 'presentation' },
  txt: { mime: 'text/plain', sniff: 'text', family: 'text' },
  csv: {
    mime: 'text/csv',
    aliases: ['application/csv', 'text/plain', 'application/vnd.ms-excel', 'text/x-csv'],
    sniff: 'text',
    family: 'text',
  },
  md: { mime: 'text/markdown', aliases: ['text/x-markdown', 'text/plain'], sniff: 'text', family: 'text' },
  png: { mime: 'image/png', sniff: ['png'], family: 'image' },
  jpg: { mime: 'image/jpeg', aliases: ['image/pjpeg'], sniff: ['jpg'], family: 'image' },
  jpeg: { mime: 'image/jpeg', aliases: ['image/pjpeg'], sniff: ['jpg'], family: 'image' },
  gif: { mime: 'image/gif', sniff: ['gif'], family: 'image' },
  webp: { mime: 'image/webp', sniff: ['webp'], family: 'image' },
  heic: { mime: 'image/heic', aliases: ['image/heif'], sniff: ['heic'], family: 'image' },
  mp4: { mime: 'video/mp4', sniff: ['mp4', 'm4v'], family: 'video' },
  m4v: { mime: 'video/x-m4v', aliases: ['video/mp4'], sniff: ['m4v', 'mp4'], family: 'video' },
  mov: { mime: 'video/quicktime', sniff: ['mov', 'mp4'], family: 'video' },
  webm: { mime: 'video/webm', aliases: ['audio/webm'], sniff: ['webm'], family: 'video' },
  mp3: { mime: 'audio/mpeg', aliases: ['audio/mp3'], sniff: ['mp3'], family: 'audio' },
  m4a: { mime: 'audio/mp4', aliases: ['audio/x-m4a', 'audio/m4a'], sniff: ['m4a', 'mp4'], family: 'audio' },
  wav: {
    mime: 'audio/wav',
    aliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
    sniff: ['wav'],
    family: 'audio',
  },
  ogg: {
    mime: 'audio/ogg',
    aliases: ['video/ogg', 'application/ogg'],
    sniff: ['ogg', 'oga', 'opus', 'ogv'],
    family: 'audio',
  },
  zip: {
    mime: 'application/zip',
    aliases: ['application/x-zip-compressed', 'application/x-zip', 'multipart/x-zip'],
    sniff: ['zip'],
    family: 'archive',
  },
};

/** The accepted extensions (lower case, without the dot), sorted: for the upload form's `accept`. */
export const ALLOWED_EXTENSIONS: readonly string[] = Object.keys(RULES).sort();

/** Declared types that make no claim about the content (a browser that does not know the extension). */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

export type SizeDecision = { ok: true } | { ok: false; reason: 'empty' | 'too_large' };

/** An upload's size against the limit: nothing is refused as empty until the stream has ended. */
export function decideSize(bytes: number, maxBytes: number): SizeDecision {
  if (bytes <= 0) return { ok: false, reason: 'empty' };
  if (bytes > maxBytes) return { ok: false, reason: 'too_large' };
  return { ok: true };
}

/** What the service knows about an upload's type when its first bytes have arrived. */
export interface TypeEvidence {
  /** The sanitised file name (see sanitiseFileName). */
  fileName: string;
  /** The part's Content-Type as the client sent it; null when absent. */
  declaredType: string | null;
  /** What `file-type` made of the head; null when it recognised nothing (plain text does not sniff). */
  sniffed: { ext: string; mime: string } | null;
  /** The first bytes (at most SNIFF_BYTES). */
  head: Uint8Array;
}

export type TypeDecision =
  | { ok: true; contentType: string; extension: string; family: MaterialFamily }
  /**
   * `not_allowed`: the extension is missing or not on the allow-list. `declared_mismatch`: the
   * declared type does not fit the extension. `content_mismatch`: the bytes are something else.
   */
  | { ok: false; reason: 'not_allowed' | 'declared_mismatch' | 'content_mismatch'; extension: string | null };

/** The lower-case extension of a file name (without the dot), or null when it has none. */
export function extensionOf(fileName: string): string | null {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : null;
}

/** Strips parameters and case: `Text/CSV; charset=utf-8` → `text/csv`. */
function essence(type: string | null): string {
  return (type ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Decides whether an upload's type is allowed and which content type it is stored with.
 * O(1) apart from scanning the head for NUL bytes when the type is text.
 */
export function decideType(evidence: TypeEvidence): TypeDecision {
  const extension = extensionOf(evidence.fileName);
  const rule = extension ? RULES[extension] : undefined;
  if (!extension || !rule) return { ok: false, reason: 'not_allowed', extension };

  const declared = essence(evidence.declaredType);
  if (!GENERIC_TYPES.has(declared) && declared !== rule.mime && !(rule.aliases ?? []).includes(declared)) {
    return { ok: false, reason: 'declared_mismatch', extension };
  }

  if (rule.sniff === 'text') {
    if (evidence.sniffed || evidence.head.includes(0))
      return { ok: false, reason: 'content_mismatch', extension };
  } else if (!evidence.sniffed || !rule.sniff.includes(evidence.sniffed.ext)) {
    return { ok: false, reason: 'content_mismatch', extension };
  }
  return { ok: true, contentType: rule.mime, extension, family: rule.family };
}

// C0 and C1 controls, and the bidirectional overrides that can make "gpj.exe" look like "exe.jpg".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Reserved on Windows, where people save the file again.
const RESERVED_CHARS = /[<>:"|?*]/g;

/**
 * A file name that is safe to store and to offer for download: the last path segment only, no
 * control or direction-override characters, no characters Windows refuses, no leading dots, NFC,
 * at most MAX_FILE_NAME_LENGTH characters with the extension kept. Never empty ("file").
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    .replace(RESERVED_CHARS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length === 0) return 'file';
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const tail = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? '';
  return (
    chars
      .slice(0, MAX_FILE_NAME_LENGTH - tail.length)
      .join('')
      .trimEnd() + tail
  );
}

/** A byte count for messages: "50 MB", "300 kB" (binary units, as file managers show them). */
export function describeBytes(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib) return `${Number((bytes / mib).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
