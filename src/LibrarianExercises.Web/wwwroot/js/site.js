// After a refused post, take keyboard and screen reader users straight to the list of problems.
const summary = document.getElementById("form-errors");
if (summary) {
  summary.focus();
}
