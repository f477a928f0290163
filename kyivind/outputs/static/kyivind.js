/* kyivind in Datasette: the database page's SQL box opens on the articles (Datasette opens it on the first table
   by name), before CodeMirror takes the box over at window.onload. */
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("body.db textarea#sql-editor");
  if (box && /^select \* from \S+$/.test(box.value.trim())) {
    box.value = "select title, published_at, primary_tag, regions, url from articles order by published_at desc";
  }
});

/* A table's column descriptions: folded under one line, each whole once opened; each column's header shows its
   own as a tooltip. */
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector("dl.column-descriptions");
  if (list) {
    const fold = document.createElement("details");
    fold.className = "kyivind-columns";
    const line = document.createElement("summary");
    line.textContent = `Column descriptions (${list.querySelectorAll("dt").length})`;
    fold.appendChild(line);
    list.replaceWith(fold);
    fold.appendChild(list);
  }
  for (const header of document.querySelectorAll("th[data-column-description]")) {
    header.title = header.dataset.columnDescription;
  }
});
