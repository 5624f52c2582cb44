// "Actie toevoegen" without a round trip. Without JavaScript the same button posts the
// form and the server returns it with one empty action more (nothing is saved then).
document.querySelectorAll("button[data-add-row]").forEach((button) => {
  const prefix = button.dataset.addRow;
  const form = button.form;
  const total = form.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const max = form.querySelector(`input[name="${prefix}-MAX_NUM_FORMS"]`);
  const rows = form.querySelector(`[data-rows="${prefix}"]`);
  const template = document.getElementById(button.dataset.template);
  if (!total || !rows || !template) return;
  button.addEventListener("click", (event) => {
    const index = Number(total.value);
    if (max && index >= Number(max.value)) return; // let the server say why not
    event.preventDefault();
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const empty = form.querySelector(".plan-actions__empty");
    if (empty) empty.hidden = true;
    const first = rows.lastElementChild.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  });
});
