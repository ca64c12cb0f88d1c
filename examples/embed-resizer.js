// culture-widgets embed resizer, for the page hosting the iframes (optional, ~20 lines).
// Each embed posts { type: 'culture-widgets:height', height } when its content changes size;
// the message's source window tells which iframe it came from, so several embeds just work.
(() => {
  if (window.__cultureWidgetsResizer) return;
  window.__cultureWidgetsResizer = true;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'culture-widgets:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 20000) return;
    for (const iframe of document.querySelectorAll('iframe')) {
      if (iframe.contentWindow === event.source) {
        iframe.style.height = `${Math.ceil(height)}px`;
        return;
      }
    }
  });
})();
