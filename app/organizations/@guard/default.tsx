/** Most organization pages are for everyone who sees the organization: nothing to guard. */
export default function NoGuard() {
  return null;
}
