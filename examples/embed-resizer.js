// culture-widgets embed resizer, for the page hosting the iframes (optional, ~30 lines).
// Each embed posts { type: 'culture-widgets:height', height } when its content changes size;
// the message's source window tells which iframe it came from, so several embeds just work.
// Only our embed pages are resized (an iframe whose src is an `embed.html`), and only by a
// message from that src's origin: another frame of the page, or an embed that navigated away,
// cannot resize anything.
(() => {
  if (window.__cultureWidgetsResizer) return;
  window.__cultureWidgetsResizer = true;
  const embedPage = (src) => {
    try {
      const url = new URL(src, location.href);
      return /^https?:$/.test(url.protocol) && url.pathname.endsWith('/embed.html') ? url : undefined;
    } catch {
      return undefined;
    }
  };
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'culture-widgets:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 20000) return;
    for (const iframe of document.querySelectorAll('iframe')) {
      if (iframe.contentWindow !== event.source) continue;
      const page = embedPage(iframe.getAttribute('src') ?? '');
      if (page && page.origin === event.origin) iframe.style.height = `${Math.ceil(height)}px`;
      return;
    }
  });
})();
