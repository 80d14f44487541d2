import { Fragment } from "react";
import { CODE } from "./styles";

// The description's own words: paragraphs split by a blank line, `backticks` as code. No markdown beyond that, so
// nothing in a description can become markup.
function Inline({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i} className={CODE}>{part}</code> : <Fragment key={i}>{part}</Fragment>));
}

export function RichText({ text, className = "" }: { text: string; className?: string }) {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((paragraph, i) => (
      <p key={i} className={`mt-2 max-w-3xl text-sm leading-relaxed first:mt-0 ${className}`}>
        <Inline text={paragraph} />
      </p>
    ));
}

export { Inline };
