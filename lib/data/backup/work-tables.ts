// A database holds someone's work when any of these tables has a row: its organizations (and everything under them),
// imports, people, added campaigns, webhooks, column mappings. A database a first start only migrated (settings,
// the operator's admin token) does not, and a restore may fill it without --force.
export const WORK_TABLES = ["Organization", "Import", "User", "Campaign", "Webhook", "ColumnMapping"] as const;
