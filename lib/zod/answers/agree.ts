// Compile-time agreement between an answer schema and the view type the code returns: each must be assignable to
// the other, so a field added, dropped, made optional or retyped on either side fails `tsc` until both say the same.
// Used as `const _agree: [Agree<z.infer<typeof x>, X>, ...] = [true, ...]`: a `false` in the list does not compile.
export type Agree<Schema, View> = [Schema] extends [View] ? ([View] extends [Schema] ? true : false) : false;
