const FILES = [
  { name: "Patchboard CSV", text: "The columns below, one row per server scan." },
  {
    name: "Test-ProxyLogon output",
    text: "All files of its output folder chosen together (EXCH01-Cve-2021-26855.csv, EXCH01-LogAgeDays.csv, …), or the folder as one .zip. Give the organization.",
  },
  { name: "Exchange Health Checker", text: "The vulnerability report, HealthChecker-VulnerabilityReport-*.json." },
  { name: "nmap", text: "XML output (-oX) of a scan with the http-vuln-cve2021-26855 script. Give the organization." },
  { name: "Nessus / Tenable", text: "A CSV export of the scan's findings. Give the organization." },
  { name: "Any other CSV", text: "You match its columns to Patchboard's once; the mapping can be saved for the next file like it." },
];

/** The tools' files the upload reads, besides Patchboard's own CSV. */
export function AcceptedFiles() {
  return (
    <dl className="space-y-3 text-sm">
      {FILES.map((f) => (
        <div key={f.name}>
          <dt className="font-medium">{f.name}</dt>
          <dd className="mt-0.5 break-words text-gray-700 dark:text-gray-300">{f.text}</dd>
        </div>
      ))}
    </dl>
  );
}
