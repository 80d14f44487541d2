/** A reason a backup or restore cannot go on, for the operator as it is (anything else thrown is a bug). */
export class BackupError extends Error {}
