// Resumable upload (tus 1.0.0: creation, HEAD, PATCH with the sha256 checksum extension) for the media upload page.
// Each upload's URL is remembered in localStorage under the file's name, size and date (and the case), so that after a
// dropped network or a page reload, choosing the same file continues from the offset the server reports.
const form = document.getElementById('upload-form');
const $ = (id) => document.getElementById(id);
const TUS = { 'Tus-Resumable': '1.0.0' };
const token = form.dataset.token;
const chunkSize = Number(new URLSearchParams(location.search).get('chunk')) || Number(form.dataset.chunk) || 8 * 1024 * 1024;
let current = null; // { file, url, offset, xhr, paused }
const samples = []; // [time ms, bytes] for the speed over the last seconds

function human(bytes) {
  if (bytes >= 1 << 30) return (bytes / (1 << 30)).toFixed(2) + ' GiB';
  if (bytes >= 1 << 20) return (bytes / (1 << 20)).toFixed(1) + ' MiB';
  if (bytes >= 1 << 10) return (bytes / (1 << 10)).toFixed(1) + ' KiB';
  return bytes + ' 字节';
}

function duration(seconds) {
  if (!isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}小时${m}分` : m > 0 ? `${m}分${r}秒` : `${r}秒`;
}

function show(sent, total) {
  const pct = total > 0 ? Math.floor((sent / total) * 1000) / 10 : 0;
  $('progress').value = pct;
  $('progress').textContent = pct + '%';
  $('percent').textContent = pct + '%';
  $('sent').textContent = human(sent);
  $('total').textContent = human(total);
  const now = performance.now();
  samples.push([now, sent]);
  while (samples.length > 2 && now - samples[0][0] > 5000) samples.shift();
  const [t0, b0] = samples[0];
  if (now - t0 > 300 && sent > b0) {
    const speed = ((sent - b0) / (now - t0)) * 1000;
    $('speed').textContent = human(speed) + '/秒';
    $('eta').textContent = duration((total - sent) / speed);
  }
}

function message(text) { $('message').textContent = text; }

function key(file) {
  const caseId = form.elements.caseId ? form.elements.caseId.value : '';
  return `sanxiang-tus:${file.name}:${file.size}:${file.lastModified}:${caseId}`;
}

function b64(text) { return btoa(String.fromCharCode(...new TextEncoder().encode(text))); }

function china(local) { return local ? `${local.length === 16 ? local + ':00' : local}+08:00` : ''; }

function metadata(file) {
  const f = form.elements;
  const pairs = {
    filename: file.name,
    filetype: file.type || 'application/octet-stream',
    category: f.category.value,
    caseId: f.caseId ? f.caseId.value : '',
    step: f.step ? f.step.value : '',
    deviceId: f.deviceId.value,
    recordedFrom: china(f.recordedFrom.value),
    recordedTo: china(f.recordedTo.value),
  };
  return Object.entries(pairs).filter(([, v]) => v).map(([k, v]) => `${k} ${b64(v)}`).join(',');
}

async function problem(response) {
  try {
    const p = await response.json();
    const fields = (p.errors || []).map((e) => `${e.message}（${e.ruleId}）`).join('；');
    return fields || p.detail || p.title || `错误 ${response.status}`;
  } catch { return `错误 ${response.status}`; }
}

async function head(url) {
  const r = await fetch(url, { method: 'HEAD', headers: TUS, credentials: 'same-origin', cache: 'no-store' });
  if (!r.ok) return null;
  return { offset: Number(r.headers.get('Upload-Offset')), item: r.headers.get('Sanxiang-Media-Item') };
}

async function create(file) {
  const r = await fetch('/api/media/uploads', {
    method: 'POST', credentials: 'same-origin',
    headers: { ...TUS, 'Upload-Length': String(file.size), 'Upload-Metadata': metadata(file), RequestVerificationToken: token },
  });
  if (r.status !== 201) throw new Error(await problem(r));
  return new URL(r.headers.get('Location'), location.href).pathname;
}

async function checksum(blob) {
  if (!crypto.subtle) return null; // not a secure context: the server still hashes the whole file
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

function patch(url, offset, blob, sum) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    current.xhr = xhr;
    xhr.open('PATCH', url);
    xhr.setRequestHeader('Tus-Resumable', '1.0.0');
    xhr.setRequestHeader('Upload-Offset', String(offset));
    xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
    xhr.setRequestHeader('RequestVerificationToken', token);
    if (sum) xhr.setRequestHeader('Upload-Checksum', 'sha256 ' + sum);
    xhr.upload.onprogress = (e) => show(offset + e.loaded, current.file.size);
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new Error('abort'));
    xhr.send(blob);
  });
}

function done(item) {
  localStorage.removeItem(key(current.file));
  show(current.file.size, current.file.size);
  message('上传完成，服务器已校验并保存。');
  $('result').hidden = false;
  $('result-link').href = `/Media/Details/${item}`;
  $('pause').disabled = true;
  $('start').disabled = false;
  form.dataset.state = 'done';
}

async function run() {
  const c = current;
  let delay = 1000;
  while (!c.paused) {
    try {
      if (!c.url) {
        c.url = await create(c.file);
        localStorage.setItem(key(c.file), c.url);
        c.offset = 0;
      } else {
        const h = await head(c.url);
        if (!h) { // expired or gone: start again
          localStorage.removeItem(key(c.file));
          c.url = null;
          continue;
        }
        if (h.item) return done(h.item);
        c.offset = h.offset;
      }
      while (c.offset < c.file.size && !c.paused) {
        const blob = c.file.slice(c.offset, Math.min(c.file.size, c.offset + chunkSize));
        const xhr = await patch(c.url, c.offset, blob, await checksum(blob));
        if (xhr.status === 204) {
          c.offset = Number(xhr.getResponseHeader('Upload-Offset'));
          form.dataset.offset = String(c.offset);
          show(c.offset, c.file.size);
          delay = 1000;
          const item = xhr.getResponseHeader('Sanxiang-Media-Item');
          if (item) return done(item);
        } else if (xhr.status === 409 || xhr.status === 460 || xhr.status === 423) {
          break; // ask the server for its offset, then go on
        } else {
          let text = `错误 ${xhr.status}`;
          try { const p = JSON.parse(xhr.responseText); text = p.detail || p.title || text; } catch { /* not JSON */ }
          throw new Error(text);
        }
      }
    } catch (e) {
      if (c.paused) break;
      if (e.message !== 'network') {
        message('上传失败：' + e.message);
        $('start').disabled = false;
        $('pause').disabled = true;
        form.dataset.state = 'failed';
        return;
      }
      message(`网络中断，${Math.round(delay / 1000)}秒后从服务器确认的位置继续…`);
      form.dataset.state = 'retrying';
      await new Promise((r) => { const t = setTimeout(r, delay); window.addEventListener('online', () => { clearTimeout(t); r(); }, { once: true }); });
      delay = Math.min(delay * 2, 30000);
    }
  }
  if (c.paused) { message('已暂停，点击“开始上传”继续。'); form.dataset.state = 'paused'; }
}

form.elements.file.addEventListener('change', async () => {
  const file = form.elements.file.files[0];
  if (!file) return;
  const url = localStorage.getItem(key(file));
  $('total').textContent = human(file.size);
  if (url) {
    const h = await head(url);
    if (h && !h.item) {
      show(h.offset, file.size);
      message(`发现该文件未完成的上传，已上传 ${human(h.offset)}，点击“开始上传”继续。`);
      form.dataset.state = 'resumable';
    }
  }
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const file = form.elements.file.files[0];
  if (!file) { message('请选择要上传的文件。'); return; }
  if (current && current.file === file && !current.paused) return;
  current = current && current.file === file ? current : { file, url: localStorage.getItem(key(file)), offset: 0 };
  current.paused = false;
  samples.length = 0;
  $('start').disabled = true;
  $('pause').disabled = false;
  $('result').hidden = true;
  message('正在上传…');
  form.dataset.state = 'uploading';
  run();
});

$('pause').addEventListener('click', () => {
  if (!current) return;
  current.paused = true;
  if (current.xhr) current.xhr.abort();
  $('start').disabled = false;
  $('pause').disabled = true;
});
