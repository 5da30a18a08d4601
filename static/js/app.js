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
  // Focus an error summary so keyboard and screen-reader users land on it.
  const summary = document.querySelector(".error-summary");
  if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
});

// A link in an error summary puts the cursor in the field it names (the link alone would
// only scroll to it), wherever it sits in a wide table.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest(".error-summary a[href^='#']");
  if (!link) return;
  const field = document.getElementById(link.getAttribute("href").slice(1));
  if (!field || typeof field.focus !== "function") return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
});

// The site menu's disclosures (which work without JavaScript) close like menus: on Escape,
// which returns focus to their summary, and on a click elsewhere.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll(".site-header details[open]")) {
    menu.open = false;
    if (menu.contains(document.activeElement)) menu.querySelector("summary").focus();
  }
});
document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll(".site-header details[open]")) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});

// WCAG 2.4.11: a field that gets focus is never left under the sticky Save bar. The page
// keeps room for the bar (scroll-padding in app.css), but Chromium does not scroll a field
// that is partly in view when it gets focus, so the page is moved just enough here.
document.addEventListener("focusin", (event) => {
  const field = event.target;
  const bar = document.querySelector(".worksheet-actions");
  if (!bar || !(field instanceof Element) || bar.contains(field) || field === document.body) return;
  const box = field.getBoundingClientRect();
  const top = bar.getBoundingClientRect().top;
  const gap = 8;
  if (box.bottom + gap <= top || box.top >= bar.getBoundingClientRect().bottom) return;
  // A field taller than the room above the bar shows its top.
  const by = Math.min(box.bottom + gap - top, Math.max(box.top - gap, 0));
  if (by > 0) window.scrollBy({ top: by, behavior: "instant" });
});

// Worksheets: autosave shortly after typing stops, "Add a row" for tables. Without
// JavaScript the Save button and the always-present blank row do the same. Listeners sit on
// the document, so they keep working after the conflict view replaces the form.
(() => {
  const worksheetForm = (node) => node instanceof Element && node.closest("#worksheet-form");

  // The save state is one live region for the page's life: its text changes, and only when
  // it says something new, so "Unsaved changes" is heard once per burst of typing.
  const say = (form, message) => {
    const state = document.getElementById("save-state");
    if (!state || !message) return;
    let text = state.querySelector(".save-message");
    if (!text) {
      text = document.createElement("span");
      text.className = "save-message";
      state.append(text);
    }
    if (text.textContent !== message) text.textContent = message;
  };

  const showAddRowButtons = () => {
    for (const button of document.querySelectorAll("#worksheet-form .add-row")) button.hidden = false;
  };
  document.addEventListener("DOMContentLoaded", showAddRowButtons);
  document.addEventListener("htmx:afterSettle", showAddRowButtons);

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest(".add-row");
    if (!button) return;
    const table = button.closest(".worksheet-table");
    const template = table.querySelector("template.empty-row");
    const total = table.querySelector(`input[name="${table.dataset.prefix}-TOTAL_FORMS"]`);
    const index = Number(total.value);
    const html = template.innerHTML
      .replaceAll("__prefix__", String(index))
      .replaceAll("__number__", String(index + 1));
    const body = table.querySelector("tbody.rows");
    body.insertAdjacentHTML("beforeend", html);
    const row = body.lastElementChild;
    const id = row.querySelector(`input[name$="-${index}-id"]`);
    if (id) id.value = table.dataset.newRowPrefix + Math.random().toString(16).slice(2, 14).padEnd(12, "0");
    total.value = String(index + 1);
    const first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  });

  // "Someone saved": the update is an autosave, which merges their answers into the form and
  // keeps whatever is being typed.
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest(".presence-update");
    const form = document.getElementById("worksheet-form");
    if (!button || !form || !window.htmx || !form.hasAttribute("data-hx-post")) return;
    event.preventDefault();
    button.closest(".presence-saved").remove();
    window.htmx.trigger(form, "worksheet-autosave");
  });

  let timer = null;
  const later = (event) => {
    const form = worksheetForm(event.target);
    if (!form || !window.htmx || !form.hasAttribute("data-hx-post")) return;
    clearTimeout(timer);
    say(form, form.dataset.msgUnsaved);
    timer = setTimeout(() => window.htmx.trigger(form, "worksheet-autosave"), 1200);
  };
  document.addEventListener("input", later);
  document.addEventListener("change", later);
  document.addEventListener("submit", (event) => {
    if (worksheetForm(event.target)) clearTimeout(timer);
  });

  // After a save merged someone else's changes, the server sends the whole form back. What
  // was typed while that save was under way is put back into the new form (fields are found
  // by name, table cells by their row's id, so rows the merge added or moved do not matter)
  // and saved next.
  const keyOf = (field) => {
    const cell = field.name && field.name.match(/^(.+)-(\d+)-([^-]+)$/);
    let key = field.name;
    if (cell) {
      const id = field.form && field.form.elements[`${cell[1]}-${cell[2]}-id`];
      if (id && id.value) key = `${cell[1]}:${id.value}:${cell[3]}`;
    }
    return field.type === "checkbox" ? `${key}=${field.value}` : key;
  };
  const fieldFor = (form, key) => {
    for (const field of form.elements) if (field.name && keyOf(field) === key) return field;
    return null;
  };
  let inFlight = false;
  // Removing the focused field in a swap makes the browser report a "change" to it.
  let swapping = false;
  const typedMeanwhile = new Map();
  const remember = (event) => {
    const field = event.target;
    if (swapping) {
      event.stopImmediatePropagation();
      return;
    }
    if (inFlight && worksheetForm(field) && field.name) {
      typedMeanwhile.set(keyOf(field), field.type === "checkbox" ? field.checked : field.value);
    }
  };
  document.addEventListener("input", remember, true);
  document.addEventListener("change", remember, true);

  document.addEventListener("htmx:beforeRequest", (event) => {
    const form = worksheetForm(event.target);
    if (!form) return;
    inFlight = true;
    typedMeanwhile.clear();
    say(form, form.dataset.msgSaving);
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    if (worksheetForm(event.target)) inFlight = false;
  });

  let focused = null;
  document.addEventListener("htmx:beforeSwap", (event) => {
    const active = document.activeElement;
    focused = null;
    const target = event.detail.target;
    if (target && (target.id === "worksheet-form" || target.querySelector("#worksheet-form"))) {
      swapping = true;
      if (worksheetForm(active) && active.name) {
        focused = { key: keyOf(active), start: active.selectionStart, end: active.selectionEnd };
      }
    }
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    swapping = false;
    // Swaps elsewhere on the page (who else is here) leave what was typed for the form's own.
    const target = event.detail.target;
    if (
      target &&
      !["worksheet-form", "worksheet-main"].includes(target.id) &&
      !target.closest("#worksheet-form") &&
      !target.querySelector("#worksheet-form")
    ) {
      return;
    }
    const form = document.getElementById("worksheet-form");
    if (!form) {
      typedMeanwhile.clear();
      return;
    }
    let restored = false;
    for (const [key, value] of typedMeanwhile) {
      const field = fieldFor(form, key);
      if (!field) continue;
      if (field.type === "checkbox") field.checked = value; else field.value = value;
      restored = true;
    }
    typedMeanwhile.clear();
    // The conflict view's form keeps it too, saved with the choices made there.
    if (!form.hasAttribute("data-hx-post")) return;
    if (focused) {
      const field = fieldFor(form, focused.key);
      if (field) {
        field.focus();
        if (typeof focused.start === "number" && field.setSelectionRange) {
          try { field.setSelectionRange(focused.start, focused.end); } catch { /* not a text field */ }
        }
      }
      focused = null;
    }
    showAddRowButtons();
    if (restored) {
      say(form, form.dataset.msgUnsaved);
      clearTimeout(timer);
      timer = setTimeout(() => window.htmx.trigger(form, "worksheet-autosave"), 1200);
    }
  });
  document.addEventListener("htmx:sendError", (event) => {
    const form = worksheetForm(event.target);
    if (form) say(form, form.dataset.msgOffline);
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    const form = worksheetForm(event.target);
    if (!form) return;
    const detail = event.detail;
    const xhr = detail.xhr;
    if (xhr.responseURL && xhr.responseURL.includes("/accounts/login/")) {
      detail.shouldSwap = false;
      say(form, form.dataset.msgSignedOut);
    } else if (xhr.status === 409) {
      // Someone else saved first: show the conflict view, which keeps what was typed.
      detail.shouldSwap = true;
      detail.isError = false;
      detail.target = document.getElementById("worksheet-main");
      detail.selectOverride = "#worksheet-main";
      detail.swapOverride = "outerHTML";
    } else if (xhr.status === 422) {
      detail.shouldSwap = false;
      say(form, form.dataset.msgInvalid);
    } else if (xhr.status === 403 || xhr.status === 404) {
      detail.shouldSwap = false;
      say(form, form.dataset.msgRefused);
    } else if (xhr.status >= 400) {
      detail.shouldSwap = false;
      say(form, form.dataset.msgFailed);
    }
  });
})();

// Comments: after "@", the members whose names match appear as buttons; one click completes
// the name. Without JavaScript people type the name themselves.
(() => {
  const fragment = (box) => {
    const before = box.value.slice(0, box.selectionStart);
    const match = before.match(/(^|\s)@([^@\n]{0,40})$/);
    return match ? match[2] : null;
  };
  document.addEventListener("input", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLTextAreaElement)) return;
    const picker = document.querySelector(`.mention-picker[data-mention-for="${box.id}"]`);
    if (!picker) return;
    const typed = fragment(box);
    let shown = 0;
    for (const button of picker.querySelectorAll("[data-mention]")) {
      const fits = typed !== null && button.dataset.mention.toLowerCase().startsWith(typed.toLowerCase());
      button.hidden = !fits;
      if (fits) shown += 1;
    }
    picker.hidden = shown === 0;
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-mention]");
    if (!button) return;
    const picker = button.closest(".mention-picker");
    const box = document.getElementById(picker.dataset.mentionFor);
    const typed = fragment(box) ?? "";
    const start = box.selectionStart - typed.length;
    box.value = `${box.value.slice(0, start)}${button.dataset.mention} ${box.value.slice(box.selectionStart)}`;
    const caret = start + button.dataset.mention.length + 1;
    box.focus();
    box.setSelectionRange(caret, caret);
    picker.hidden = true;
  });
})();

// Character counts (the GOV.UK pattern): a field with `data-char-limit` never cuts what is
// typed; a count under it says how many characters are left or how many too many. The
// visible count follows every keystroke; a separate live region tells screen readers once
// typing pauses. Table cells show their count only near the limit, to keep rows short.
// Without JavaScript, the field's hint states the limit and the server explains any excess.
(() => {
  const message = (remaining) => {
    const data = document.body.dataset;
    if (remaining === -1) return data.msgCharOver;
    if (remaining === 1) return data.msgCharLeft;
    const template = remaining < 0 ? data.msgCharsOver : data.msgCharsLeft;
    return (template || "").replace("%(count)s", String(Math.abs(remaining)));
  };

  const counters = new WeakMap();
  const counterFor = (field) => {
    let counter = counters.get(field);
    if (counter) return counter;
    const id = `${field.id || field.name}-char-count`;
    const visible = document.createElement("div");
    visible.className = "form-text char-count";
    visible.setAttribute("aria-hidden", "true");
    const spoken = document.createElement("div");
    spoken.className = "visually-hidden";
    spoken.id = id;
    spoken.setAttribute("aria-live", "polite");
    field.after(visible, spoken);
    const describedBy = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    field.setAttribute("aria-describedby", [...describedBy, id].join(" "));
    const hint = document.getElementById(`${field.id}_helptext`);
    for (const limit of hint ? hint.querySelectorAll(".char-limit-hint") : []) limit.hidden = true;
    counter = { visible, spoken, timer: null };
    counters.set(field, counter);
    return counter;
  };

  const update = (field) => {
    const limit = Number(field.dataset.charLimit);
    if (!limit) return;
    const remaining = limit - [...field.value].length;
    const inTable = Boolean(field.closest("table"));
    if (inTable && remaining > limit * 0.25 && !counters.has(field)) return;
    const counter = counterFor(field);
    const text = message(remaining);
    counter.visible.textContent = text;
    counter.visible.classList.toggle("text-danger", remaining < 0);
    counter.visible.classList.toggle("fw-semibold", remaining < 0);
    counter.visible.hidden = inTable && remaining > limit * 0.25;
    clearTimeout(counter.timer);
    counter.timer = setTimeout(() => { counter.spoken.textContent = text; }, 1000);
  };

  const all = () => {
    for (const field of document.querySelectorAll("[data-char-limit]")) {
      if (!field.closest("template")) update(field);
    }
  };
  document.addEventListener("DOMContentLoaded", all);
  document.addEventListener("htmx:afterSettle", all);
  document.addEventListener("input", (event) => {
    const field = event.target instanceof Element && event.target.closest("[data-char-limit]");
    if (field) update(field);
  });
})();
