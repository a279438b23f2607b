// Progressive enhancement only: every page works without this file.
// Move focus to the error summary after a failed form submit (DSO/NL Design System pattern).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("foutmeldingen");
  if (summary) {
    summary.focus();
  }
});
