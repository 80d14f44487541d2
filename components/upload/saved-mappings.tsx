import { SECONDARY_BUTTON } from "./field-styles";
import type { FittingMapping, MappingField } from "./unmapped-header";

function describe(mapping: FittingMapping, fields: MappingField[]): string {
  const parts = fields.flatMap((f) => (mapping.columns[f.name] ? [`${f.label}: ${mapping.columns[f.name]}`] : []));
  if (mapping.fixed.organization) parts.push(`organization “${mapping.fixed.organization}” for every row`);
  return parts.join("; ");
}

/** Saved mappings that fit the file, offered before mapping by hand; the one made for this very header first. */
export function SavedMappings({
  mappings,
  fields,
  disabled,
  onUse,
}: {
  mappings: FittingMapping[];
  fields: MappingField[];
  disabled: boolean;
  onUse: (name: string) => void;
}) {
  if (mappings.length === 0) return null;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">
        Saved mappings
      </h3>
      <ul className="space-y-3">
        {mappings.map((m) => (
          <li key={m.name} className="rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm dark:border-blue-500/40 dark:bg-blue-950/50">
            <p>
              A saved mapping fits this file: <strong className="font-mono">{m.name}</strong>
              {m.exact ? (
                <span className="ml-2 rounded-full bg-blue-700 px-2 py-0.5 text-xs font-medium text-white dark:bg-blue-400 dark:text-gray-950">
                  made for this header
                </span>
              ) : null}
            </p>
            <p className="mt-1 text-xs break-words text-gray-700 dark:text-gray-300">{describe(m, fields)}</p>
            <button type="button" disabled={disabled} onClick={() => onUse(m.name)} className={`mt-2 ${SECONDARY_BUTTON}`}>
              Import with {m.name}
            </button>
          </li>
        ))}
      </ul>
      <p className="text-sm text-gray-700 dark:text-gray-300">Or match the columns yourself:</p>
    </div>
  );
}
