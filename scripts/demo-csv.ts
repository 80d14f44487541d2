// Prints the demo fleet as a canonical CSV file, e.g. `npm run -s demo:csv > demo-fleet.csv`.
import { demoFleetCsv } from "./demo-fleet";

process.stdout.write(demoFleetCsv());
