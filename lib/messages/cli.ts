/** Everything the `managed-image` command prints for people: help, usage errors, failures. */

export const CLI_NAME = 'managed-image';

export const HELP = {
  main: `Usage: ${CLI_NAME} <command> [options]

Manage the attributes of existing Alibaba Cloud ECS custom images.

Commands:
  handle [EVENT_JSON]   Run the custom-resource handler on one Create/Update/Delete event
                        (from the argument, or from stdin) and print the response JSON.
  read                  Read an image for Terraform's external data source: JSON query on
                        stdin, a flat JSON map of strings on stdout. Changes nothing.
  emulator              Start the local ECS API emulator on 127.0.0.1.

Options:
  -h, --help            Show help (also after a command: ${CLI_NAME} handle --help).
  -v, --version         Show the version.

Credentials come only from the environment: ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY
(/ ALICLOUD_SECURITY_TOKEN) when set, else the Alibaba Cloud default chain
(ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, profiles, RAM role, ...).
ALIBABA_CLOUD_ECS_ENDPOINT overrides the endpoint, e.g. http://127.0.0.1:8765.

Exit status: 0 success, 1 failure (code and message on stderr), 2 usage error.
`,
  handle: `Usage: ${CLI_NAME} handle [EVENT_JSON]

Runs the handler on a CloudFormation/ROS-shaped custom-resource event:
  {"RequestType":"Create"|"Update"|"Delete",
   "ResourceProperties":{"RegionId":"cn-hangzhou","ImageId":"m-...","ImageName":"...",
     "Description":"...","ImageFamily":"...","BootMode":"BIOS|UEFI|UEFI-Preferred",
     "LicenseType":"BYOL","Status":"Available|Deprecated",
     "Features":{"NvmeSupport":"supported|unsupported","ImdsSupport":"v1|v2"},
     "AllowEmptyFamily":false,"WaitTimeoutSeconds":1200,
     "DeletionPolicy":"Retain|Deprecate|Restore","RestoreTo":{...}},
   "OldResourceProperties":{...},"PhysicalResourceId":"m-..."}
The event is the argument, or stdin when there is no argument (or it is "-").
Prints {"PhysicalResourceId","Data"} on stdout; logs go to stderr.
`,
  read: `Usage: ${CLI_NAME} read

Terraform external data source program. Reads a JSON object of strings on stdin:
  {"region_id":"cn-hangzhou","image_id":"m-...", and any desired attribute among
   "image_name","description","image_family","boot_mode","license_type","status",
   "nvme_support","imds_support"}
and prints a flat JSON object of strings on stdout:
  sync_token   a marker that changes when the image drifts from the desired values
  drifted      the drifted attributes, comma-separated ("" when in sync)
  status       the image's status
  current_<attribute>  the image's current value of each desired attribute ("" if none)
Makes only DescribeImages calls. On failure: one line on stderr, exit 1.
`,
  emulator: `Usage: ${CLI_NAME} emulator [--port N] [--state FILE] [--rate-limit N] [--rate-limit-per-minute N [--retry-after]] [--latency-ms N] [--log-requests]

Starts the local ECS API emulator on 127.0.0.1 and prints its URL (http://127.0.0.1:PORT)
as the first line of stdout. Stops on SIGINT or SIGTERM.
  --port N         Port to listen on (default: any free port).
  --state FILE     Initial state: access keys, images, instances, shares (JSON).
  --rate-limit N   Answer Throttling.User above N requests per second per access key.
  --rate-limit-per-minute N
                   Answer Throttling.User above N requests per calendar minute per access key
                   and action, as ECS limits them (about 1000); --retry-after adds
                   x-acs-retry-after (ms until the next minute) to those answers.
  --latency-ms N   Wait N ms before every API answer (a network's round trip).
  --log-requests   Log one line per API call on stderr.
State file: {"accessKeys":[{"id","secret"}], "images":[{DescribeImages Image fields,
"RegionId", "ReadyAfterSeconds"}], "instances":[{"InstanceId","RegionId","ImageId"}],
"shares":{"m-...":["<account id>"]}, "rateLimit":N}. Without accessKeys, test/test is accepted.
Control: GET /__emulator/calls, POST /__emulator/faults, GET /__emulator/state,
POST /__emulator/images, DELETE /__emulator/images/<id>, POST /__emulator/latency.
`,
} as const;

export const USAGE_ERRORS = {
  unknownCommand: (cmd: string) => `unknown command "${cmd}". Run "${CLI_NAME} --help" for the commands.`,
  noCommand: () => `a command is required. Run "${CLI_NAME} --help" for the commands.`,
  badOption: (cmd: string, detail: string) => `${detail}. Run "${CLI_NAME} ${cmd} --help" for usage.`,
  badJson: (what: string, detail: string) => `the ${what} is not valid JSON (${detail}).`,
  notAnObject: (what: string) => `the ${what} must be a JSON object.`,
  emptyStdin: (what: string) => `no ${what} given: pass it as an argument or on stdin.`,
  badPort: (value: string) => `--port ${JSON.stringify(value)} is not valid: it must be a whole number from 0 to 65535`,
  badRateLimit: (value: string) => `--rate-limit ${JSON.stringify(value)} is not valid: it must be a whole number above 0`,
  badLatency: (value: string) =>
    `--latency-ms ${JSON.stringify(value)} is not valid: it must be a whole number of milliseconds from 0 to 600000`,
  stdinTooLarge: (what: string, limit: number) =>
    `the ${what} on stdin is larger than ${limit / 1024 / 1024} MiB; nothing was read further.`,
  notUtf8: (what: string) =>
    `the ${what} on stdin is not valid UTF-8 (refused rather than written to an image with replacement characters).`,
  queryNotStrings: (key: string) => `query value "${key}" must be a string (Terraform's external protocol passes strings only).`,
} as const;

/** `Guard.DeprecateSharedImage: Image m-… cannot be deprecated …` */
export function failureLine(code: string, message: string): string {
  return `${code}: ${message}`;
}

/** A failure that is none of the known kinds: a bug of this library, reported as one. */
export function internalErrorMessage(e: Error): string {
  return `${CLI_NAME} failed unexpectedly (a bug in cdktf-alicloud-managed-image, not an ECS error): ${e.name}: ${e.message}. Please report it with this line and the log above.`;
}
