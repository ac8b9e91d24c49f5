/** Numbers, shares and money as Swedish readers expect them. */
const kommunNames: Record<string, string> = {
  '1401': 'Härryda',
  '1402': 'Partille',
  '1407': 'Öckerö',
  '1480': 'Göteborg',
  '1481': 'Mölndal',
};
export const kommunName = (code: string) => kommunNames[code] ?? code;

const sek = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  maximumFractionDigits: 0,
});
const decimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

const count = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A count, exactly, with the Swedish thousands space (1 234). */
export const formatCount = (n: number) => count.format(n);
export const formatSek = (n: number) => sek.format(n);
export const formatDecimal = (n: number | null) => (n === null ? '–' : decimal.format(n));
export const formatShare = (n: number | null) => (n === null ? '–' : percent.format(n));
