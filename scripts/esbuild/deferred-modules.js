// Modules the SDK requires at start-up that the CLI's calls need only on a rare path. Each is
// bundled whole, but behind a shim whose getters require it on first use, so a start-up does not
// run it (see defer-modules.js). `importers` and `exports` as in unused-modules.js.
module.exports = {
  // XML. @alicloud/openapi-core's Client#doRequest parses an error response as XML when its
  // content-type is exactly "text/xml;charset=utf-8" ($dara.XML.parseXml -> xml.js -> new Parser);
  // ECS answers JSON to the JSON requests the SDK sends, but a gateway in between may not, and the
  // API error code must still come through. Builder is used by $dara.XML.toXML (nothing calls it).
  xml2js: {
    importers: ['@darabonba/typescript/dist/xml.js'],
    exports: ['Parser', 'Builder'],
  },
  // Decompression (a built-in, so deferring it saves its start-up, not bundle size). httpx pipes a
  // response through zlib.createGunzip or createInflate only in httpx.read and readAsSSE, when its
  // content-encoding is gzip or deflate; the SDK reads JSON answers through $dara.Stream instead
  // (which never decompresses) and nothing calls Response#readBytes, the one caller of httpx.read.
  // Deferred rather than stubbed, so a later SDK that reads through httpx.read still works.
  zlib: {
    importers: ['httpx/lib/index.js'],
    exports: ['createGunzip', 'createInflate'],
  },
};
