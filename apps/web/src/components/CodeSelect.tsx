import { useTranslation } from 'react-i18next';

/**
 * A labelled select over a fixed list of codes, each shown by its translation
 * (`${labelPrefix}.${code}`): care types, deviation categories, discharge destinations.
 */
export function CodeSelect(props: {
  label: string;
  value: string;
  codes: readonly string[];
  labelPrefix: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {t(`${props.labelPrefix}.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
