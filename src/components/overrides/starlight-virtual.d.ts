/**
 * Types for the two Starlight virtual modules that the Search override (a copy of Starlight's own component) imports.
 * Starlight provides them at build time through Vite but does not publish their declarations.
 */
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore'; build: { format: 'file' | 'directory' | 'preserve' }; root: string; srcDir: string };
  export default project;
}
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
