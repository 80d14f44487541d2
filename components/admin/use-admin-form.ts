"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { FormState } from "./form-state";

/**
 * A server-action form: submitted through onSubmit rather than `<form action>` so that React does not
 * reset the fields when the server answers with an error (the person would have to type everything again).
 * After an error, focus goes to the first invalid field, or to the message when no field is to blame.
 */
export function useAdminForm<S extends FormState>(action: (previous: S, formData: FormData) => Promise<S>, initial: S, onSuccess?: (state: S) => void) {
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [state, dispatch, pending] = useActionState<S, FormData>(
    async (previous, formData) => {
      const next = await action(previous as S, formData);
      if (next.status === "success") onSuccess?.(next);
      return next;
    },
    // React types the state as Awaited<S>, which TypeScript cannot simplify for a generic S.
    initial as Awaited<S>,
  );

  useEffect(() => {
    if (state.status !== "error") return;
    const invalid = Array.from(formRef.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]') ?? []);
    // A checkbox of a filtered-out organization is hidden and cannot take focus.
    const target = invalid.find((el) => el.getClientRects().length > 0) ?? errorRef.current;
    target?.focus();
  }, [state]);

  const submit = (data: FormData) => startTransition(() => dispatch(data));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };

  return { state, pending, onSubmit, submit, formRef, errorRef };
}
