// The answer schemas the API description names: each is a component, referred to wherever it appears. An
// answer's own wrapper (`{"hunts": [...]}`) stays inline in its operation.
import { campaignView, webhook } from "../../zod/answers/admin";
import { apiError, huntState, status, statusCounts } from "../../zod/answers/common";
import { weeklyDigest } from "../../zod/answers/digest";
import { exposure, fleetSummary, huntWindow, organizationPage, organizationRow, pastTargetServer, patchTimes, serverListRow, serverPage, trendDay } from "../../zod/answers/fleet";
import {
  columnMapping,
  dryRunAnswer,
  dryRunSummary,
  importAnswer,
  importChangeCounts,
  importDetail,
  importError,
  importDetailAnswer,
  importJob,
  importJobAnswer,
  importJobPage,
  importListRow,
  importPage,
  importServerChange,
  importSummary,
  uploadProgressLine,
} from "../../zod/answers/imports";
import { campaignVerdict, compromiseCheck, guidance, lifecycleMark, patchLevel, recordedHunt, remediation, serverDetail, toolVerdict } from "../../zod/answers/server";

export const ERROR_COMPONENT = "Error";

export const ANSWER_COMPONENTS = {
  [ERROR_COMPONENT]: apiError,
  Status: status,
  StatusCounts: statusCounts,
  HuntState: huntState,
  FleetSummary: fleetSummary,
  TrendDay: trendDay,
  PatchTimes: patchTimes,
  PastTargetServer: pastTargetServer,
  OrganizationRow: organizationRow,
  OrganizationPage: organizationPage,
  ServerListRow: serverListRow,
  ServerPage: serverPage,
  HuntWindow: huntWindow,
  Exposure: exposure,
  ServerDetail: serverDetail,
  Guidance: guidance,
  CampaignVerdict: campaignVerdict,
  ToolVerdict: toolVerdict,
  PatchLevel: patchLevel,
  CompromiseCheck: compromiseCheck,
  Remediation: remediation,
  RecordedHunt: recordedHunt,
  LifecycleMark: lifecycleMark,
  WeeklyDigest: weeklyDigest,
  ImportAnswer: importAnswer,
  DryRunAnswer: dryRunAnswer,
  ImportSummary: importSummary,
  DryRunSummary: dryRunSummary,
  ImportChangeCounts: importChangeCounts,
  ImportError: importError,
  UploadProgressLine: uploadProgressLine,
  ImportListRow: importListRow,
  ImportPage: importPage,
  ImportDetail: importDetail,
  ImportServerChange: importServerChange,
  ImportDetailAnswer: importDetailAnswer,
  ImportJob: importJob,
  ImportJobAnswer: importJobAnswer,
  ImportJobPage: importJobPage,
  ColumnMapping: columnMapping,
  Campaign: campaignView,
  Webhook: webhook,
};
