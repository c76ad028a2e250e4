// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeScrollRegions from './src/plugins/rehype-scroll-regions.mjs';
import { KATEX_OPTIONS, rehypeStripTexAnnotation } from './src/plugins/katex.mjs';
import { gpuCards } from './src/plugins/gpu-cards.ts';

/** The site's public origin; canonical URLs, the sitemap and citations are built from it. */
export const SITE = 'https://gpu-for-llms.dev';

export default defineConfig({
  site: SITE,
  trailingSlash: 'always',
  // Card tables for islands as shared, hashed modules (virtual:gpu-cards, virtual:compare-cards), never as page props.
  // No script inlined into the HTML (Vite's default inlines modules under 4 KB): Starlight's small page scripts become
  // hashed files cached once for the whole site instead of about 2 KB gzipped repeated in every page. Stylesheets keep the
  // default (inlined under 4 KB, which Astro's inlineStylesheets: 'auto' reads from this limit): a small stylesheet as its
  // own file would be one more request that blocks the first paint.
  vite: { plugins: [gpuCards()], build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  // Astro 7's default Markdown processor runs no remark plugins; the unified processor does, and MDX inherits it.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, KATEX_OPTIONS], rehypeStripTexAnnotation, rehypeScrollRegions] }),
  },
  integrations: [
    starlight({
      title: { en: 'GPUs for Large Models', 'zh-CN': '大模型用什么 GPU' },
      description: 'Which NVIDIA GPU to use for developing and fine-tuning large models, and why: a tutorial with live calculators and citable spec tables.',
      defaultLocale: 'root',
      // English at the root, Simplified Chinese under /zh-cn/. Starlight's language picker maps each page to its twin.
      locales: { root: { label: 'English', lang: 'en' }, 'zh-cn': { label: '简体中文', lang: 'zh-CN' } },
      // KaTeX's stylesheet is not here: the Head override links it only on pages that contain math.
      customCss: ['./src/styles/site.css'],
      sidebar: [
        {
          label: 'Start here',
          translations: { 'zh-CN': '从这里开始' },
          items: [
            { label: 'Plan a job', translations: { 'zh-CN': '规划一项任务' }, link: '/plan/' },
            { label: 'Overview', translations: { 'zh-CN': '概览' }, link: '/' },
          ],
        },
        { label: 'Foundations', translations: { 'zh-CN': '基础' }, items: [{ autogenerate: { directory: 'learn' } }] },
        {
          label: 'GPU specs',
          translations: { 'zh-CN': 'GPU 规格' },
          items: [
            { label: 'All cards', translations: { 'zh-CN': '全部显卡' }, link: '/gpus/' },
            { label: 'Compare cards', translations: { 'zh-CN': '对比显卡' }, link: '/gpus/compare/' },
            { label: 'GeForce 10 (Pascal)', link: '/gpus/series/geforce-10/' },
            { label: 'GeForce 16 (Turing)', link: '/gpus/series/geforce-16/' },
            { label: 'GeForce 20 (Turing)', link: '/gpus/series/geforce-20/' },
            { label: 'GeForce 30 (Ampere)', link: '/gpus/series/geforce-30/' },
            { label: 'GeForce 40 (Ada)', link: '/gpus/series/geforce-40/' },
            { label: 'GeForce 50 (Blackwell)', link: '/gpus/series/geforce-50/' },
            { label: 'Reference cards', translations: { 'zh-CN': '参考显卡' }, link: '/gpus/series/reference/' },
          ],
        },
        {
          label: 'Reference',
          translations: { 'zh-CN': '参考资料' },
          items: [
            { label: 'Methodology', translations: { 'zh-CN': '方法' }, link: '/methodology/' },
            { label: 'Every validation case', translations: { 'zh-CN': '全部验证案例' }, link: '/methodology/cases/' },
            { label: 'Glossary', translations: { 'zh-CN': '术语表' }, link: '/glossary/' },
            { label: 'FAQ', translations: { 'zh-CN': '常见问题' }, link: '/faq/' },
            { label: 'References', translations: { 'zh-CN': '参考文献' }, link: '/references/' },
          ],
        },
      ],
      lastUpdated: false,
      disable404Route: true,
      components: { Search: './src/components/overrides/Search.astro', Head: './src/components/overrides/Head.astro', PageTitle: './src/components/overrides/PageTitle.astro' },
      pagination: true,
    }),
    preact(),
  ],
});
