// The desk's classes: the legend lists the classes of the countries drawn now (the counts
// layer is replaced when the window changes, the legend follows it).
(function () {
    var box = document.querySelector(".map-legend .legend-classes");
    if (!box) { return; }
    function refresh() {
        var found = {};
        map.eachLayer(function (layer) {
            var p = layer.feature && layer.feature.properties;
            if (p && typeof p.cls === "number") { found[p.cls] = p; }
        });
        while (box.firstChild) { box.removeChild(box.firstChild); }
        var classes = Object.keys(found).map(Number).sort(function (a, b) { return a - b; });
        if (!classes.length) {
            var none = document.createElement("div");
            none.textContent = "No article in this window names a country";
            box.appendChild(none);
        }
        classes.forEach(function (cls) {
            var row = document.createElement("div"), swatch = document.createElement("i");
            swatch.style.background = found[cls].fill;
            row.appendChild(swatch);
            row.appendChild(document.createTextNode(found[cls].label));
            box.appendChild(row);
        });
    }
    map.on("layeradd layerremove", function () { window.setTimeout(refresh, 0); });
    refresh();
})();
