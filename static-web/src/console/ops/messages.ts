// UI text of this folder's pages, under the "ops" key, in both languages (GLOSSARY.md words).
export const opsMessages = {
  'zh-CN': { ops: {} },
  en: { ops: {} },
}
