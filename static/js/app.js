// Small enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Invitation links: a copy button where the clipboard is available.
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const input = document.getElementById(button.dataset.copyTarget);
      await navigator.clipboard.writeText(input.value);
      const label = button.textContent;
      button.textContent = button.dataset.copiedLabel || "Copied";
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
  // The "about this tool" panel starts folded on small screens.
  if (window.matchMedia("(max-width: 991.98px)").matches) {
    for (const panel of document.querySelectorAll("details.tool-panel")) panel.open = false;
  }
  // Focus an error summary so keyboard and screen-reader users land on it.
  const summary = document.querySelector(".error-summary");
  if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
});
