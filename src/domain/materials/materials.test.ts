import { describe, expect, it } from 'vitest';
import {
  ALLOWED_EXTENSIONS,
  DEFAULT_MATERIAL_MAX_BYTES,
  MAX_FILE_NAME_LENGTH,
  type TypeEvidence,
  decideSize,
  decideType,
  describeBytes,
  extensionOf,
  sanitiseFileName,
} from './materials';

const bytes = (s: string) => new TextEncoder().encode(s);
const PDF = { ext: 'pdf', mime: 'application/pdf' };
const EXE = { ext: 'exe', mime: 'application/x-msdownload' };
const ZIP = { ext: 'zip', mime: 'application/zip' };

function evidence(over: Partial<TypeEvidence>): TypeEvidence {
  return {
    fileName: 'handout.pdf',
    declaredType: 'application/pdf',
    sniffed: PDF,
    head: bytes('%PDF-1.7'),
    ...over,
  };
}

describe('decideSize', () => {
  it('refuses an empty file and one byte over the limit, accepts the limit itself', () => {
    expect(decideSize(0, 100)).toEqual({ ok: false, reason: 'empty' });
    expect(decideSize(1, 100)).toEqual({ ok: true });
    expect(decideSize(100, 100)).toEqual({ ok: true });
    expect(decideSize(101, 100)).toEqual({ ok: false, reason: 'too_large' });
    expect(decideSize(DEFAULT_MATERIAL_MAX_BYTES + 1, DEFAULT_MATERIAL_MAX_BYTES).ok).toBe(false);
  });
});

describe('decideType', () => {
  it('accepts a PDF that is a PDF, stored as application/pdf', () => {
    expect(decideType(evidence({}))).toEqual({
      ok: true,
      contentType: 'application/pdf',
      extension: 'pdf',
      family: 'document',
    });
  });

  it('refuses an .exe named handout.pdf (the bytes contradict the extension)', () => {
    const d = decideType(evidence({ sniffed: EXE, head: bytes('MZ\u0090\u0000') }));
    expect(d).toEqual({ ok: false, reason: 'content_mismatch', extension: 'pdf' });
  });

  it('refuses a binary type whose bytes have no signature at all', () => {
    expect(decideType(evidence({ sniffed: null, head: bytes('not really a pdf') })).ok).toBe(false);
  });

  it('refuses extensions that are not on the allow-list, and names without one', () => {
    for (const fileName of ['setup.exe', 'script.js', 'page.html', 'drawing.svg', 'README', 'x.']) {
      expect(decideType(evidence({ fileName, declaredType: null, sniffed: null })).ok, fileName).toBe(false);
    }
    expect(decideType(evidence({ fileName: 'setup.exe' }))).toMatchObject({ reason: 'not_allowed' });
  });

  it('refuses a declared type that contradicts the extension, but not a generic one', () => {
    expect(decideType(evidence({ declaredType: 'text/html' }))).toMatchObject({
      ok: false,
      reason: 'declared_mismatch',
    });
    expect(decideType(evidence({ declaredType: 'application/octet-stream' })).ok).toBe(true);
    expect(decideType(evidence({ declaredType: null })).ok).toBe(true);
    expect(decideType(evidence({ declaredType: 'Application/PDF; name=x' })).ok).toBe(true);
  });

  it('stores the canonical type, never the client’s alias', () => {
    const d = decideType({
      fileName: 'deltakere.CSV',
      declaredType: 'application/vnd.ms-excel',
      sniffed: null,
      head: bytes('namn;e-post\nAse;ase@x.no\n'),
    });
    expect(d).toMatchObject({ ok: true, contentType: 'text/csv', extension: 'csv' });
  });

  it('accepts text without a signature; refuses text with NUL bytes or a binary signature', () => {
    const text = { fileName: 'notat.txt', declaredType: 'text/plain', sniffed: null };
    expect(decideType({ ...text, head: bytes('Refleksjon: hva tok jeg med meg?') }).ok).toBe(true);
    expect(decideType({ ...text, head: new Uint8Array([0x68, 0x00, 0x69]) })).toMatchObject({
      reason: 'content_mismatch',
    });
    expect(decideType({ ...text, sniffed: EXE, head: bytes('MZ') })).toMatchObject({
      reason: 'content_mismatch',
    });
  });

  it('accepts Office Open XML that sniffs only as zip (a short head), but not a zip as a PDF', () => {
    const docx = evidence({
      fileName: 'Oppgave.docx',
      declaredType: '',
      sniffed: ZIP,
      head: bytes('PK\u0003\u0004'),
    });
    expect(decideType(docx)).toMatchObject({ ok: true, family: 'document' });
    expect(decideType(evidence({ sniffed: ZIP })).ok).toBe(false);
  });

  it('refuses a PNG named .jpg (a contradiction, even if both are images)', () => {
    const d = decideType({
      fileName: 'bilde.jpg',
      declaredType: 'image/jpeg',
      sniffed: { ext: 'png', mime: 'image/png' },
      head: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(d).toMatchObject({ ok: false, reason: 'content_mismatch' });
  });

  it('has every family the brief asks for on the allow-list', () => {
    for (const ext of [
      'pdf',
      'docx',
      'xlsx',
      'pptx',
      'odt',
      'ods',
      'odp',
      'png',
      'jpg',
      'txt',
      'mp4',
      'mp3',
      'zip',
    ]) {
      expect(ALLOWED_EXTENSIONS).toContain(ext);
    }
  });
});

describe('sanitiseFileName', () => {
  it('keeps an ordinary Norwegian name as it is', () => {
    expect(sanitiseFileName('Samling 1 – lysark (endelig).pptx')).toBe('Samling 1 – lysark (endelig).pptx');
    expect(sanitiseFileName('Ærlig øving på å lede.pdf')).toBe('Ærlig øving på å lede.pdf');
  });

  it('drops path segments, controls and direction overrides', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\ase\\handout.pdf')).toBe('handout.pdf');
    expect(sanitiseFileName('hand\u0000out\r\n.pdf')).toBe('handout.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a"b<c>.txt')).toBe('a_b_c_.txt');
  });

  it('never returns an empty or hidden name', () => {
    expect(sanitiseFileName('')).toBe('file');
    expect(sanitiseFileName('/')).toBe('file');
    expect(sanitiseFileName('\u0001\u0002')).toBe('file');
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
  });

  it('shortens a long name to the limit and keeps its extension', () => {
    const long = `${'æ'.repeat(400)}.docx`;
    const out = sanitiseFileName(long);
    expect(Array.from(out)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(extensionOf(out)).toBe('docx');
  });
});

describe('describeBytes', () => {
  it('names limits as people read them', () => {
    expect(describeBytes(DEFAULT_MATERIAL_MAX_BYTES)).toBe('50 MB');
    expect(describeBytes(1536 * 1024)).toBe('1.5 MB');
    expect(describeBytes(300 * 1024)).toBe('300 kB');
    expect(describeBytes(10)).toBe('1 kB');
  });
});
