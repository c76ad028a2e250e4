/** Citation text for a card page: BibTeX and a plain-text reference, both with the permalink and the data version. */

/** What a citation needs. */
export interface CiteInput {
  id: string;
  name: string;
  /** Absolute permalink of the card page. */
  permalink: string;
  dataVersion: string;
  /** Release date of the data version (ISO), for the year. */
  dataDate: string;
  /** Site title, cited as the author. */
  siteTitle: string;
}

/** Escapes the characters BibTeX treats specially in a field value. */
export function bibtexEscape(text: string): string {
  return text.replace(/([\\{}&%$#_^~])/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`));
}

/** A @misc BibTeX entry keyed by the card id. */
export function bibtex(c: CiteInput): string {
  const key = `gpuspecs-${c.id}`;
  return [
    `@misc{${key},`,
    `  author       = {{${bibtexEscape(c.siteTitle)}}},`,
    `  title        = {{${bibtexEscape(c.name)}}: specifications and sources},`,
    `  year         = {${c.dataDate.slice(0, 4)}},`,
    `  howpublished = {\\url{${c.permalink}}},`,
    `  url          = {${c.permalink}},`,
    `  note         = {Spec data version ${bibtexEscape(c.dataVersion)}, CC BY 4.0},`,
    `}`,
  ].join('\n');
}

/** A one-paragraph plain-text reference. */
export function plainReference(c: CiteInput): string {
  return `${c.siteTitle} (${c.dataDate.slice(0, 4)}). ${c.name}: specifications and sources. Spec data version ${c.dataVersion}. ${c.permalink}`;
}
