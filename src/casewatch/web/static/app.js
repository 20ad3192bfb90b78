// casewatch: a little behaviour where it helps; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Review forms: the value field only matters when editing.
  for (const select of document.querySelectorAll("select.review-state")) {
    const field = select.form.querySelector(".review-value");
    const note = select.form.querySelector("input[name=note]");
    const sync = () => {
      if (field) field.hidden = select.value !== "edited";
      // The note is required to reject or edit (the server refuses such a review without one, too).
      if (note) note.required = select.value === "rejected" || select.value === "edited";
    };
    select.addEventListener("change", sync);
    sync();
  }
  // Report page: switch each kind of highlight on and off.
  const text = document.getElementById("text");
  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", () => text && text.classList.toggle("off-" + box.dataset.toggle, !box.checked));
  }
  // A followed quote: bring it into view.
  const quote = document.getElementById("quote");
  if (quote) quote.scrollIntoView({ block: "center" });
});
