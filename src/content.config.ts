import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { gpuSpecSchema } from './lib/hardware/schema.ts';

export const collections = {
  /** The tutorial chapters and reference pages. */
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  /** Translations of Starlight's own interface strings (empty until a second locale lands). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  /** One validated record per card, from the same JSON files the estimator and CLI read. */
  gpus: defineCollection({ loader: glob({ pattern: '*.json', base: './src/data/gpus' }), schema: gpuSpecSchema }),
};
