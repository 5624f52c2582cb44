// Progressive enhancement only: every page works without JavaScript.
document.documentElement.classList.add("js");
(function () {
  // The menu is a details element; on wide screens CSS shows its content anyway.
  // Browsers without ::details-content get it opened here.
  var menu = document.querySelector(".site-menu");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48em)");
  function sync() { if (wide.matches) menu.open = true; }
  sync();
  if (wide.addEventListener) wide.addEventListener("change", sync);
})();
