// UI text of this folder's pages, under the "admin" key, in both languages (GLOSSARY.md words).
export const adminMessages = {
  'zh-CN': { admin: {} },
  en: { admin: {} },
}
