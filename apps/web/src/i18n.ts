import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sv } from './locales/sv';

/** Swedish is the language of the UI; the structure is ready for more. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'sv',
  fallbackLng: 'sv',
  resources: { sv: { translation: sv } },
  interpolation: { escapeValue: false },
});
