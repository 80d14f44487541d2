import { FIELD, FIELD_ERROR, HINT, LABEL } from "./styles";

/** A labelled input with its hint and error, tied together for screen readers. */
export function TextField({
  id,
  name,
  label,
  type = "text",
  hint,
  error,
  required = false,
  autoComplete,
  maxLength,
  min,
  defaultValue,
  value,
  onChange,
  children,
}: {
  id: string;
  name: string;
  label: string;
  type?: string;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  min?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** beside the input, e.g. a show-password button */
  children?: React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
        {required ? null : <span className="font-normal text-gray-600 dark:text-gray-400"> (optional)</span>}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type={type}
          required={required}
          autoComplete={autoComplete}
          maxLength={maxLength}
          min={min}
          defaultValue={defaultValue}
          value={value}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={FIELD}
        />
        {children}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className={HINT}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={FIELD_ERROR}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
