// On a touch screen one finger scrolls the page and two fingers move the map, as embedded
// maps should: Leaflet's one-finger dragging is off (its container then lets the browser pan
// the page), pinching still zooms and pans; a short hint says so when one finger tries.
var coarse = window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)");
if (coarse && coarse.matches) {
    map.dragging.disable();
    var container = map.getContainer(), timer = null;
    var hint = L.DomUtil.create("div", "map-touch-hint", container);
    hint.textContent = options.hint;
    hint.setAttribute("aria-hidden", "true");
    container.addEventListener("touchmove", function (event) {
        if (event.touches.length !== 1) { hint.classList.remove("shown"); return; }
        hint.classList.add("shown");
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { hint.classList.remove("shown"); }, 1400);
    }, {passive: true});
}
