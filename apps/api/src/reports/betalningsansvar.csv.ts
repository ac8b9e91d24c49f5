import { stringify } from 'csv-stringify/sync';
import type { BetalningsansvarResponse } from './reports.schemas';

const columns = [
  'Månad',
  'Kommun',
  'Modell',
  'Ärenden',
  'Ej debiterbara ärenden',
  'Ärenden i medelvärdet',
  'UK-dagar i medelvärdet',
  'Medelvärde UK-dagar',
  'Dagar över tröskeln',
  'Belopp medelvärde (kr)',
  'Enskilt debiterade ärenden',
  'UK-dagar enskilt debiterade',
  'Belopp enskilt debiterade (kr)',
  'Belopp VGR-modellen (kr)',
  'Dagar nationell modell',
  'Belopp nationell modell (kr)',
  'Att betala (kr)',
  'Dagbelopp (kr)',
  'Dagbelopp fastställt för år',
];

/**
 * The month's report as CSV, one line per kommun, for spreadsheets used in Sweden: semicolon
 * separated, decimal point, UTF-8 with BOM. The stays behind it are in the JSON form.
 */
export function betalningsansvarCsv(report: BetalningsansvarResponse): string {
  const rows = report.kommuner.map((k) => [
    report.month,
    k.kommunCode,
    k.agreement === 'vgr' ? 'VGR' : 'Nationell',
    k.cases,
    k.notBillableCases,
    k.mean.cases,
    k.mean.ukDays,
    k.mean.meanUkDays.toFixed(2),
    k.mean.excessDays,
    k.mean.amountSek.toFixed(2),
    k.individual.cases,
    k.individual.ukDays,
    k.individual.amountSek.toFixed(2),
    k.vgrAmountSek.toFixed(2),
    k.national.days,
    k.national.amountSek.toFixed(2),
    k.amountDueSek.toFixed(2),
    report.dailyAmount.amountSek.toFixed(2),
    report.dailyAmount.setForYear,
  ]);
  return stringify([columns, ...rows], { delimiter: ';', bom: true, record_delimiter: '\r\n' });
}
