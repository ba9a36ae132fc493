// With JavaScript on, the spam trap is hidden from people and screen readers alike; without it, its label
// asks people to leave it empty.
document.querySelectorAll(".honeypot").forEach((field) => {
  field.hidden = true;
});

// After a refused post, take keyboard and screen reader users straight to the list of problems.
const summary = document.getElementById("form-errors");
if (summary) {
  summary.focus();
}
