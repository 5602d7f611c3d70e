/** Theme and side, as native radio groups (arrow keys, labels and states come for free). */
import { type MessageKey, t } from '../../shared/i18n';
import { THEME_CHOICES, type ThemeChoice } from '../../shared/theme';
import type { Edge } from './prefs';

const THEME_LABELS: Record<ThemeChoice, MessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  dark: 'themeDark',
};
const EDGE_LABELS: Record<Edge, MessageKey> = { left: 'sideLeft', right: 'sideRight' };

function Radios<T extends string>({
  name,
  legend,
  options,
  labels,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly T[];
  labels: Record<T, MessageKey>;
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input
            type="radio"
            name={name}
            value={o}
            checked={o === value}
            data-testid={`${name}-${o}`}
            onChange={() => onChange(o)}
          />
          {t(labels[o] as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}

export function DisplaySettings({
  id,
  theme,
  edge,
  onTheme,
  onEdge,
}: {
  id: string;
  theme: ThemeChoice;
  edge: Edge;
  onTheme: (t: ThemeChoice) => void;
  onEdge: (e: Edge) => void;
}) {
  return (
    <div id={id} class="settings" data-testid="display-settings">
      <Radios
        name="cc-theme"
        legend={t('themeLabel')}
        options={THEME_CHOICES}
        labels={THEME_LABELS}
        value={theme}
        onChange={onTheme}
      />
      <Radios
        name="cc-side"
        legend={t('sideLabel')}
        options={['left', 'right'] as const}
        labels={EDGE_LABELS}
        value={edge}
        onChange={onEdge}
      />
    </div>
  );
}
