/**
 * The API's refusals (problem+json: a detail and, per field, a reason in English) in Swedish:
 * the field by the label the form shows it with, the reason by the known wordings of the API's
 * schemas. A reason not known here is shown as the API gave it, never dropped.
 */
const reasons: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$|^Required$|expected \w+, received undefined$/, () => 'måste anges'],
  [/^must be a date, YYYY-MM-DD$/, () => 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD'],
  [/^must be a month, YYYY-MM$/, () => 'ska vara en månad, ÅÅÅÅ-MM'],
  [/^must not lie in the future$/, () => 'får inte ligga i framtiden'],
  [/^must lie between (\S+) and (\S+)$/, (m) => `ska ligga mellan ${m[1]} och ${m[2]}`],
  [/^must not be after to$/, () => 'får inte ligga efter periodens slut'],
  [/^must be an ISO 8601 date-time/, () => 'ska vara en tidpunkt med datum och tid'],
  [/^must be a unit id/, () => 'ska vara en enhet'],
  [/^must be a 4-digit kommunkod$/, () => 'ska vara en kommunkod med fyra siffror'],
  [/^must be a stay id/, () => 'ska vara ett vårdtillfälles id'],
  [/^must be one of: (.*)$/, (m) => `ska vara en av: ${m[1] ?? ''}`],
  [/^name at least one need that changed$/, () => 'ange minst ett behov som har ändrats'],
  [/Too big: expected string to have <=(\d+) characters/, (m) => `får vara högst ${m[1]} tecken`],
  [/Too small: expected string to have >=(\d+) characters/, (m) => `ska vara minst ${m[1]} tecken`],
  [/^Invalid input: expected (\w+)/, () => 'har fel form'],
  [/^Unrecognized key/, () => 'okänt fält'],
  [/^Invalid option: expected one of (.*)$/, (m) => `ska vara en av: ${m[1] ?? ''}`],
];

export function swedishReason(reason: string): string {
  for (const [pattern, say] of reasons) {
    const m = reason.match(pattern);
    if (m) return say(m);
  }
  return reason;
}

/** "body.data.date" → "date": the name the forms label fields by. */
export const fieldName = (path: string) => path.split('.').at(-1) ?? path;
