// Copy buttons for the embed codes. Without JavaScript the buttons stay hidden and the code
// is selected by hand; the status line tells a screen reader that the copy happened.
const status = document.getElementById('copy-status');
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand('copy');
    }
    status.textContent = '';
    requestAnimationFrame(() => {
      status.textContent = button.dataset.copied;
    });
  });
}
