// Modules the SDK requires at start-up that the CLI's calls never run: ECS actions over the V3
// signature (ACS3-HMAC-SHA256), POST with query parameters, a JSON response, through
// @alicloud/openapi-core's Client#doRequest and @darabonba/typescript's doAction (httpx).
// Each is replaced in the bundle by a stub that throws a clear error if it is ever called.
//
// `importers`: the only files allowed to require the module (package-relative); a new importer
// fails the build, since the proof below is about these files only. `exports`: the named members
// those files use, so each is a throwing function too (a module's own export is one as well).
// Proofs are against @darabonba/typescript 1.0.x and @alicloud/openapi-core 1.0.x as installed, and
// cover every bundled caller: this project, the ECS client and models, openapi-core and its
// websocketUtils. (@alicloud/credentials, gateway-spi and tea-typescript do not use darabonba.)
module.exports = {
  // WebSocket transport. Used only inside DefaultWebSocketClient's methods (websocket.js), which run
  // from Client#doRequest only when the protocol is ws/wss; the CLI's endpoint is http(s) only
  // (lib/handler/endpoint.ts refuses anything else) and ECS's actions are HTTPS.
  'ws': {
    importers: ['@darabonba/typescript/dist/websocket.js'],
    exports: [],
  },
  // Proxy agents: websocket.js creates them for WebSocket connections only; doAction (core.js) never
  // reads httpProxy/httpsProxy/socks5Proxy, so HTTP(S) requests never use them.
  'https-proxy-agent': {
    importers: ['@darabonba/typescript/dist/websocket.js'],
    exports: [],
  },
  'http-proxy-agent': {
    importers: ['@darabonba/typescript/dist/websocket.js'],
    exports: [],
  },
  'socks-proxy-agent': {
    importers: ['@darabonba/typescript/dist/websocket.js'],
    exports: ['SocksProxyAgent'],
  },
  // Dates: only TeaDate (date.js) uses moment, reached as $dara.Date and through $dara.File (file.js);
  // neither openapi-core, the ECS client nor its models use either.
  'moment': {
    importers: ['@darabonba/typescript/dist/date.js'],
    exports: [],
  },
  // XML output: only xml2js's Builder (builder.js) uses xmlbuilder, and only $dara.XML.toXML (xml.js)
  // builds one; nothing in openapi-core, the ECS client or its models calls toXML. (Parsing XML,
  // which an error response may need, is sax's job: see deferred-modules.js.)
  'xmlbuilder': {
    importers: ['xml2js/lib/builder.js'],
    exports: ['create'],
  },
  // Only $dara.merge (func.js) uses lodash; nothing in openapi-core, the ECS client or its models calls it.
  'lodash': {
    importers: ['@darabonba/typescript/dist/func.js'],
    exports: ['merge'],
  },
};
