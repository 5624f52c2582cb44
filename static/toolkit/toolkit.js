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
