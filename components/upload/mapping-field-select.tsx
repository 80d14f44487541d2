import { FIELD, FIELD_ERROR, LABEL } from "./field-styles";
import type { MappingField } from "./unmapped-header";

export const mappingSelectId = (field: string) => `mapping-column-${field}`;

/** Which of the file's columns holds one of Patchboard's fields. */
export function MappingFieldSelect({
  field,
  columns,
  value,
  onChange,
  problem,
  hint,
}: {
  field: MappingField;
  columns: string[];
  value: string;
  onChange: (column: string) => void;
  problem?: string;
  hint?: string;
}) {
  const id = mappingSelectId(field.name);
  const describedBy = [hint ? `${id}-hint` : "", problem ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {field.label} column {field.required && field.name !== "organization" ? <span className="text-red-700 dark:text-red-400">(required)</span> : null}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-required={(field.required && field.name !== "organization") || undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        className={FIELD}
      >
        <option value="">— not in the file —</option>
        {columns.map((column, i) => (
          <option key={i} value={column} disabled={!column}>
            {column || "(no name)"}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-error`} className={FIELD_ERROR}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
