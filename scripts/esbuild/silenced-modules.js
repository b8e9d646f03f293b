// Logging modules the SDK requires whose output the CLI must never print. `debug`, switched on by
// the DEBUG variable (DEBUG=* is a common habit when a Node.js tool misbehaves), makes httpx print
// every request header to stderr, the STS token (x-acs-security-token) and the AccessKey id
// included, and every request and response body; the engine shows a provisioner's stderr, so it
// would land in pipeline logs. Each module here is replaced by loggers that are never enabled (see
// silence-modules.js). The CLI's own log (MANAGED_IMAGE_LOG_LEVEL, redacted) is the way to see its
// calls. `importers` and `exports` as in unused-modules.js.
module.exports = {
  // httpx: `require('debug')('httpx:body')` and ('httpx:header'), used as log(...) and log.enabled.
  // @alicloud/credentials' ram_role_arn provider: `debug('sign')`, used as log(...).
  debug: {
    importers: ['httpx/lib/index.js', '@alicloud/credentials/dist/src/providers/ram_role_arn.js'],
    exports: [],
  },
};
