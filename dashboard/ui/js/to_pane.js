// On a phone the reading pane is below the map: bring the new selection's passages into view.
(function () {
  if (window.innerWidth >= 640) { return; }
  var tries = 0;
  (function look() {
    var heading = document.getElementById("reading-pane");
    if (heading) { heading.scrollIntoView({behavior: "smooth", block: "start"}); return; }
    if (++tries < 40) { window.setTimeout(look, 50); }
  })();
})();
