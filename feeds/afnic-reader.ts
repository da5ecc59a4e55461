/**
 * AFNIC's open data of the `.fr` zone ("Fichier A : Noms de domaines en point fr", opendata.afnic.fr): a CSV with
 * `;` between quoted fields, ISO-8859-1 text, one registered name a line, column titles on the first line, among
 * them "Nom de domaine", "Date de création" and "Date de retrait du WHOIS" (dates day first, as `SET datestyle TO
 * european` reads them). Columns are found by their titles, not their position, since the file has changed shape
 * over the years. A name with a withdrawal date no longer exists and is skipped; with `since`, only names created on
 * or after that day are kept (a monthly file read as the month's new names).
 */
import { excerpt } from '../lib/safe-text.ts';
import { type FeedLineReader, hostnameEntry } from './feed-entry.ts';

export interface AfnicReaderOptions {
  /** `YYYY-MM-DD`: names created before this day are skipped. */
  since?: string;
}

/** The fields of one `;`-separated line, quotes removed (`""` inside quotes is one `"`). */
export function splitSemicolonCsv(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      const next = line.indexOf(';', i);
      i = next === -1 ? line.length + 1 : next + 1;
    } else {
      const next = line.indexOf(';', i);
      value = next === -1 ? line.slice(i) : line.slice(i, next);
      i = next === -1 ? line.length + 1 : next + 1;
    }
    fields.push(value.trim());
    if (i > line.length) return fields;
  }
}

const title = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** `DD/MM/YYYY`, `DD-MM-YYYY` or `YYYY-MM-DD` (optionally with a time) as `YYYY-MM-DD`, or null. */
export function afnicDate(text: string): string | null {
  const dayFirst = /^(\d{2})[/-](\d{2})[/-](\d{4})/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]}-${dayFirst[1]}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
}

export function createAfnicReader(options: AfnicReaderOptions = {}): FeedLineReader {
  let columns: { name: number; created: number; withdrawn: number } | null = null;
  return (line) => {
    if (line.trim() === '') return null;
    const fields = splitSemicolonCsv(line);
    if (columns === null) {
      const titles = fields.map(title);
      const name = titles.indexOf('nom de domaine');
      if (name === -1)
        return {
          kind: 'error',
          message: `not AFNIC open data: the first line has no "Nom de domaine" column (it starts "${excerpt(line, 40)}")`,
        };
      columns = {
        name,
        created: titles.findIndex((t) => t.startsWith('date de creation')),
        withdrawn: titles.findIndex((t) => t.startsWith('date de retrait')),
      };
      return null;
    }
    const name = fields[columns.name] ?? '';
    if (name === '') return { kind: 'error', message: 'no domain name in the "Nom de domaine" column' };
    if (columns.withdrawn !== -1 && (fields[columns.withdrawn] ?? '') !== '') return null;
    if (options.since && columns.created !== -1) {
      const created = afnicDate(fields[columns.created] ?? '');
      if (created === null)
        return { kind: 'error', message: `unreadable creation date "${excerpt(fields[columns.created] ?? '', 20)}"` };
      if (created < options.since) return null;
    }
    return hostnameEntry(name);
  };
}
