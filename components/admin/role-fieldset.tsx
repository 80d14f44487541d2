import type { RoleOption } from "./role-options";
import { FIELD_ERROR } from "./styles";

/** The role as a radio group: a fieldset whose legend names the choice, each option with its hint. */
export function RoleFieldset<R extends string>({
  id,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  options: (Omit<RoleOption, "value"> & { value: R })[];
  value: R | "";
  onChange: (role: R) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium text-gray-800 dark:text-gray-200">Role</legend>
      <div className="space-y-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-start gap-2">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name="role"
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              // Radios take no aria-invalid; the fieldset points at the error, and this lets focus find the group.
              data-invalid={error ? true : undefined}
              aria-describedby={`${id}-${option.value}-hint`}
              className="mt-0.5 size-4 accent-blue-700 dark:accent-blue-400"
            />
            <div className="text-sm">
              <label htmlFor={`${id}-${option.value}`} className="font-medium">
                {option.label}
              </label>
              <p id={`${id}-${option.value}-hint`} className="text-xs text-gray-600 dark:text-gray-400">
                {option.hint}
              </p>
            </div>
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className={FIELD_ERROR}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
