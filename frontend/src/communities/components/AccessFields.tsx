import { MODES, MODE_VALUES } from '../labels';
import { Radios } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';

/** How people join and whether the community is in the directory: the same two questions when
 * a community starts and when its conveners change its settings. */
export function AccessFields(props: {
  mode: string;
  onModeChange: (mode: string) => void;
  listed: boolean;
  onListedChange: (listed: boolean) => void;
  problems: Problem[];
}) {
  const { mode, onModeChange, listed, onListedChange, problems } = props;
  return (
    <>
      <Radios
        id="membershipMode"
        legend="How do people join?"
        legendSize="m"
        value={mode}
        onChange={onModeChange}
        options={MODE_VALUES.map((m) => ({ value: m, label: MODES[m].text, hint: MODES[m].hint }))}
        error={fieldError(problems, 'membershipMode')}
      />
      <div className={`nhsuk-form-group${fieldError(problems, 'listed') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">The directory</legend>
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id="listed"
                name="listed"
                type="checkbox"
                checked={listed}
                aria-describedby="listed-item-hint"
                onChange={(e) => onListedChange(e.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="listed">
                List the community in the directory
              </label>
              <div className="nhsuk-hint nhsuk-checkboxes__hint" id="listed-item-hint">
                Anyone can find a listed community. Only its members see one that is not listed.
              </div>
            </div>
          </div>
        </fieldset>
      </div>
    </>
  );
}
