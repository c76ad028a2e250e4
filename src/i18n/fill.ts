/**
 * Replaces `{name}` placeholders with values. Its own module so an island's script imports this and no word table.
 * @example fill('{n} elements', { n: '12' }) //=> '12 elements'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
