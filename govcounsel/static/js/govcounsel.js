// Behaviour of every page, wired by data-* attributes: the Content-Security-Policy allows
// no inline script and no inline event handler.
(function () {
  "use strict";

  function setProgress(root) {
    root.querySelectorAll("[data-progress]").forEach(function (bar) {
      bar.style.width = bar.dataset.progress + "%";
    });
  }

  // A register's leading columns stay in view when it scrolls sideways: each column after the
  // first is pinned at the width of those before it.
  function stickColumns(root) {
    root.querySelectorAll("table[data-sticky-columns]").forEach(function (table) {
      const count = parseInt(table.dataset.stickyColumns, 10) || 0;
      const first = table.querySelector("tr");
      if (!first || count < 1) return;
      let left = 0;
      for (let i = 0; i < count && i < first.cells.length; i++) {
        const offset = left;
        table.querySelectorAll("tr").forEach(function (row) {
          const cell = row.cells[i];
          if (!cell || row.cells.length < count) return;
          cell.classList.add("sticky-cell");
          cell.classList.toggle("sticky-last", i === count - 1);
          cell.style.left = offset + "px";
        });
        left += first.cells[i].getBoundingClientRect().width;
      }
    });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  document.addEventListener("change", function (event) {
    const field = event.target.closest("[data-submit-on-change]");
    if (field && field.form) field.form.submit();
  });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    // Long work (a large survey file): show that it is under way, prevent double submission.
    if (form.dataset.busy !== undefined) {
      const spinner = form.querySelector(".spinner-border");
      if (spinner) spinner.classList.remove("d-none");
      const button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    setProgress(document);
    stickColumns(document);
  });
  // htmx swaps in new fragments (the bulletin's progress) after the page has loaded.
  document.addEventListener("htmx:load", function (event) { setProgress(event.detail.elt); });
})();
