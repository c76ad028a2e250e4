// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeScrollRegions from './src/plugins/rehype-scroll-regions.mjs';
import { gpuCards } from './src/plugins/gpu-cards.ts';

/** The site's public origin; canonical URLs, the sitemap and citations are built from it. */
export const SITE = 'https://gpu-for-llms.dev';

export default defineConfig({
  site: SITE,
  trailingSlash: 'always',
  // Card tables for islands as shared, hashed modules (virtual:gpu-cards, virtual:compare-cards), never as page props.
  vite: { plugins: [gpuCards()] },
  // Astro 7's default Markdown processor runs no remark plugins; the unified processor does, and MDX inherits it.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { output: 'html', strict: 'error' }], rehypeScrollRegions] }),
  },
  integrations: [
    starlight({
      title: 'GPUs for Large Models',
      description: 'Which NVIDIA GPU to use for developing and fine-tuning large models, and why: a tutorial with live calculators and citable spec tables.',
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' } },
      // KaTeX's stylesheet is not here: the Head override links it only on pages that contain math.
      customCss: ['./src/styles/site.css'],
      sidebar: [
        { label: 'Start here', items: [{ label: 'Plan a job', link: '/plan/' }, { label: 'Overview', link: '/' }] },
        { label: 'Foundations', items: [{ autogenerate: { directory: 'learn' } }] },
        {
          label: 'GPU specs',
          items: [
            { label: 'All cards', link: '/gpus/' },
            { label: 'Compare cards', link: '/gpus/compare/' },
            { label: 'GeForce 10 (Pascal)', link: '/gpus/series/geforce-10/' },
            { label: 'GeForce 16 (Turing)', link: '/gpus/series/geforce-16/' },
            { label: 'GeForce 20 (Turing)', link: '/gpus/series/geforce-20/' },
            { label: 'GeForce 30 (Ampere)', link: '/gpus/series/geforce-30/' },
            { label: 'GeForce 40 (Ada)', link: '/gpus/series/geforce-40/' },
            { label: 'GeForce 50 (Blackwell)', link: '/gpus/series/geforce-50/' },
            { label: 'Reference cards', link: '/gpus/series/reference/' },
          ],
        },
        { label: 'Reference', items: [{ label: 'Methodology', link: '/methodology/' }, { label: 'Glossary', link: '/glossary/' }, { label: 'FAQ', link: '/faq/' }, { label: 'References', link: '/references/' }] },
      ],
      lastUpdated: false,
      disable404Route: true,
      components: { Search: './src/components/overrides/Search.astro', Head: './src/components/overrides/Head.astro', PageTitle: './src/components/overrides/PageTitle.astro' },
      pagination: true,
    }),
    preact(),
  ],
});
