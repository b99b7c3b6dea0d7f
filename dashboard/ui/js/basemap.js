// The offline Natural Earth basemap, fetched from the app's static files (the map's own
// arguments stay small). Kept on the map as map.basemapData for the selection's outlines.
map.createPane("basemap").style.zIndex = 350;
fetch(options.url).then(function (response) { return response.json(); })
    .then(function (data) {
        // One canvas, not an SVG path per country: nothing to click, less to lay out.
        L.geoJSON(data, {pane: "basemap", interactive: false,
                         renderer: L.canvas({pane: "basemap"}), style: options.style}).addTo(map);
        map.basemapData = data;
        map.fire("basemapload");
    });
