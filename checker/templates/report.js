"use strict";
// Filters and sorting for report.html: plain DOM, no libraries. The view (filters and sort order)
// lives in the URL hash, e.g. #status=discrepancy&kind=count&sort=n:desc, so a link reproduces it.
(function () {
  const FILTERS = ["status", "kind", "source"];
  const form = document.getElementById("filters");
  const rows = Array.from(document.querySelectorAll("tr[data-finding]"));
  const sections = Array.from(document.querySelectorAll("section[data-status]"));
  const tables = Array.from(document.querySelectorAll("table.findings"));
  let sort = {col: "", dir: "ascending"};
  rows.forEach((row, i) => { row.dataset.index = String(i); });

  function readState() {
    const params = new URLSearchParams(location.hash.slice(1));
    for (const name of FILTERS) {
      const select = form.elements[name];
      const wanted = params.get(name) || "";
      select.value = Array.from(select.options).some((o) => o.value === wanted) ? wanted : "";
    }
    const [col, dir] = (params.get("sort") || "").split(":");
    const known = col && document.querySelector(`table.findings th[data-col="${CSS.escape(col)}"]`);
    sort = {col: known ? col : "", dir: dir === "desc" ? "descending" : "ascending"};
  }

  function writeState() {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    }
    if (sort.col) params.set("sort", `${sort.col}:${sort.dir === "descending" ? "desc" : "asc"}`);
    const hash = params.toString();
    history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
  }

  function applyFilters() {
    const want = Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value]));
    let shown = 0;
    for (const row of rows) {
      const ok = (!want.status || row.dataset.status === want.status)
        && (!want.kind || row.dataset.kind === want.kind)
        && (!want.source || row.dataset.sources.split("\n").includes(want.source));
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    const narrowed = Boolean(want.kind || want.source);
    for (const section of sections) {
      const visible = section.querySelector("tr[data-finding]:not([hidden])");
      section.hidden = Boolean(want.status && section.dataset.status !== want.status) || (narrowed && !visible);
    }
    document.getElementById("no-match").hidden = shown > 0 || rows.length === 0;
    document.getElementById("shown").textContent = `${shown} of ${rows.length} findings shown`;
  }

  function sortKey(row) {
    const cell = row.querySelector(`td[data-col="${CSS.escape(sort.col)}"]`);
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  }

  function compare(a, b) {
    const x = Number(a);
    const y = Number(b);
    if (a !== "" && b !== "" && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    return a.localeCompare(b, "en", {numeric: true, sensitivity: "base"});
  }

  function applySort() {
    const sign = sort.dir === "descending" ? -1 : 1;
    for (const table of tables) {
      for (const th of table.querySelectorAll("th[data-col]")) {
        th.setAttribute("aria-sort", th.dataset.col === sort.col ? sort.dir : "none");
      }
      const body = table.tBodies[0];
      const items = Array.from(body.rows, (row) => ({row, key: sort.col ? sortKey(row) : ""}));
      items.sort((p, q) => (sort.col ? sign * compare(p.key, q.key) : 0)
        || Number(p.row.dataset.index) - Number(q.row.dataset.index));
      for (const item of items) body.appendChild(item.row);
    }
  }

  function render() {
    readState();
    applyFilters();
    applySort();
  }

  form.addEventListener("change", () => { applyFilters(); writeState(); });
  form.addEventListener("reset", () => {
    setTimeout(() => { applyFilters(); writeState(); }, 0);
  });
  for (const button of document.querySelectorAll("table.findings th[data-col] button")) {
    button.addEventListener("click", () => {
      const col = button.parentElement.dataset.col;
      sort = {col, dir: sort.col === col && sort.dir === "ascending" ? "descending" : "ascending"};
      applySort();
      writeState();
    });
  }
  // Anchors such as #k3 (from the timeline and the grid) move the view without touching filters.
  window.addEventListener("hashchange", () => { if (location.hash.includes("=") || !location.hash) render(); });
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });

  const data = JSON.parse(document.getElementById("report-data").textContent);
  const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], {type: "application/json"});
  document.getElementById("download").href = URL.createObjectURL(blob);
  render();
}());
