import { PAYLOAD_KINDS, PAYLOAD_LABELS } from "@/lib/domain/webhooks/events";
import { FIELD_ERROR } from "./styles";

const HINTS = {
  json: "The event as JSON: id, type, occurredAt, data.",
  slack: "A message for a Slack incoming webhook.",
  teams: "An Adaptive Card message for a Microsoft Teams workflow webhook.",
} as const;

/** What the webhook receives: plain JSON or a ready-made chat message. */
export function PayloadKindFieldset({ id, error }: { id: string; error?: string }) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium text-gray-800 dark:text-gray-200">Payload</legend>
      <div className="space-y-2">
        {PAYLOAD_KINDS.map((kind) => (
          <div key={kind} className="flex items-start gap-2">
            <input id={`${id}-${kind}`} type="radio" name="payload" value={kind} defaultChecked={kind === "json"} className="mt-0.5 size-4 accent-blue-700 dark:accent-blue-400" />
            <label htmlFor={`${id}-${kind}`} className="text-sm text-gray-800 dark:text-gray-200">
              <span className="font-medium">{PAYLOAD_LABELS[kind]}</span> <span className="text-gray-600 dark:text-gray-400">{HINTS[kind]}</span>
            </label>
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
