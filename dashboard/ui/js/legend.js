// The legend: folded on a narrow map, faded under a tooltip, and its blocs selectable.
var legend = document.querySelector(".map-legend");
if (legend) {
    if (map.getSize().x < 420) { legend.open = false; }
    // Leaflet's controls sit above its tooltips: fade while one is read, or it hides it.
    map.on("tooltipopen", function () { legend.classList.add("under-tooltip"); });
    map.on("tooltipclose", function () { legend.classList.remove("under-tooltip"); });
    L.DomEvent.disableClickPropagation(legend);
    legend.querySelectorAll("[data-select]").forEach(function (button) {
        button.addEventListener("click", function () {
            // Select as a click on the map would: the feature standing for the bloc is clicked.
            var want = button.getAttribute("data-select"), found = null;
            map.eachLayer(function (layer) {
                var props = layer.feature && layer.feature.properties;
                if (!found && props && props.select === want && !props.stop) { found = layer; }
            });
            if (!found) { return; }
            var at = found.getBounds ? found.getBounds().getCenter() : found.getLatLng();
            found.fire("click", {latlng: at}, true);
        });
    });
}
