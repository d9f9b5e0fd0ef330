/** The case list's filters are the app's one filter definition (lib/filters/definition.ts). */
export * from '@/lib/filters/definition';
