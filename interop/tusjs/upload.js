// Drives the official tus client (npm tus-js-client, installed by scripts/tus-js-client.sh) against Sanxiang's tus
// endpoint: starts an upload, aborts it in the middle of a PATCH once a third is sent, resumes it with the same
// Upload object (a HEAD, then PATCHes from the offset the server reports) and finishes it. One JSON line per event.
//
//   TUSJS_DIR=<install dir> node upload.js <endpoint> <file> <headers JSON> <metadata JSON> <patch|override>
//
// "override" sends every PATCH as POST with X-HTTP-Method-Override: PATCH (tus 1.0 core, for proxies).
'use strict';
const fs = require('fs');
const path = require('path');
const tus = require(path.join(process.env.TUSJS_DIR, 'node_modules', 'tus-js-client'));

const [endpoint, file, headersJson, metadataJson, mode] = process.argv.slice(2);
const data = fs.readFileSync(file);
const log = (o) => process.stdout.write(JSON.stringify(o) + '\n');
let item = null;
let aborted = false;

const upload = new tus.Upload(data, {
  endpoint,
  headers: JSON.parse(headersJson),
  metadata: JSON.parse(metadataJson),
  chunkSize: 256 * 1024,
  retryDelays: null,
  overridePatchMethod: mode === 'override',
  onProgress(sent, total) {
    if (!aborted && sent > total / 3 && sent < total) {
      aborted = true;
      log({ event: 'aborting', sent });
      upload.abort().then(() => upload.start());
    }
  },
  onAfterResponse(req, res) {
    const created = res.getHeader('Sanxiang-Media-Item');
    if (created) item = created;
    log({ event: 'response', method: req.getMethod(), override: req.getHeader('X-HTTP-Method-Override') || null, status: res.getStatus(), offset: res.getHeader('Upload-Offset') || null });
  },
  onError(e) {
    log({ event: 'error', message: String(e) });
    process.stderr.write(String(e) + '\n');
    process.exit(1);
  },
  onSuccess() {
    log({ event: 'success', url: upload.url, item });
    process.exit(0);
  },
});
upload.start();
