import { EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/events";
import { FIELD_ERROR, HINT } from "./styles";

/** The events a webhook subscribes to, as checkboxes with what each means. */
export function WebhookEventsFieldset({ id, error }: { id: string; error?: string }) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-2 text-sm font-medium text-gray-800 dark:text-gray-200">Events</legend>
      <div className="space-y-2">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <div key={type} className="flex items-start gap-2">
            <input
              id={`${id}-${type}`}
              type="checkbox"
              name="events"
              value={type}
              defaultChecked={type === "server.compromised"}
              aria-describedby={`${id}-${type}-hint`}
              aria-invalid={error ? true : undefined}
              className="mt-0.5 size-4 accent-blue-700 dark:accent-blue-400"
            />
            <div>
              <label htmlFor={`${id}-${type}`} className="text-sm font-medium text-gray-800 dark:text-gray-200">
                {EVENT_LABELS[type].label} <code className="text-xs font-normal text-gray-600 dark:text-gray-400">{type}</code>
              </label>
              <p id={`${id}-${type}-hint`} className={`${HINT} mt-0`}>
                {EVENT_LABELS[type].hint}
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
