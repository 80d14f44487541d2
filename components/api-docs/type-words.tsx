import { Fragment } from "react";
import { LINK } from "@/components/ui/link-styles";
import { anchor, type TypePart } from "./schema-parts";
import { CODE } from "./styles";

/** A schema's type in a line: "string (date-time) or null", "array of ServerListRow" (a link to the schema). */
export function TypeWords({ part }: { part: TypePart }) {
  switch (part.kind) {
    case "ref":
      return (
        <a href={`#${anchor("schema", part.name)}`} className={LINK}>
          {part.name}
        </a>
      );
    case "anyOf":
      return part.options.map((option, i) => (
        <Fragment key={i}>
          {i > 0 ? " or " : null}
          <TypeWords part={option} />
        </Fragment>
      ));
    case "const":
      return <code className={CODE}>{part.value}</code>;
    case "enum":
      return (
        <>
          one of{" "}
          {part.values.map((value, i) => (
            <Fragment key={value}>
              {i > 0 ? ", " : null}
              <code className={CODE}>{value}</code>
            </Fragment>
          ))}
        </>
      );
    case "array":
      return (
        <>
          array of <TypeWords part={part.items} />
        </>
      );
    case "types":
      return part.names.join(" or ");
  }
}
