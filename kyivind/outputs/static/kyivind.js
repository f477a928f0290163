/* kyivind in Datasette: the database page's SQL box opens on the articles (Datasette opens it on the first table
   by name), before CodeMirror takes the box over at window.onload. */
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("body.db textarea#sql-editor");
  if (box && /^select \* from \S+$/.test(box.value.trim())) {
    box.value = "select title, published_at, primary_tag, regions, url from articles order by published_at desc";
  }
});
