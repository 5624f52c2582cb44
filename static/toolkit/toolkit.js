// Progressive enhancement: a print button (printing works without it via the browser menu).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Keep the visible number next to each 0-100 slider in step with the slider.
document.querySelectorAll("input[data-slider]").forEach((slider) => {
  const output = slider.parentElement.querySelector("output");
  const update = () => { if (output) output.textContent = slider.value; };
  slider.addEventListener("input", update);
  update();
});

// Moving a slider means the participant gives a score: untick its "weet ik niet" box.
// Without JavaScript the participant unticks it by hand (the page says so).
document.querySelectorAll("input[data-weet-niet]").forEach((box) => {
  const row = box.closest(".slider__row");
  const slider = row && row.querySelector("input[data-slider]");
  if (!slider) return;
  row.classList.toggle("slider__row--unknown", box.checked);
  box.addEventListener("change", () => row.classList.toggle("slider__row--unknown", box.checked));
  slider.addEventListener("input", () => {
    box.checked = false;
    row.classList.remove("slider__row--unknown");
  });
});
