// Keep the reader's view of the map: where they moved it is written into the page's URL
// (at=lat,lon,zoom, rounded) and kept for this tab, so a new layer, Sahel definition or
// basemap (which rebuild the map) and a shared link reopen it. A button fits the article again.
var KEY = "sahel-map-view:" + options.scope;
var current = null;

function storage() {
    try { return window.parent.sessionStorage; } catch (error) { return null; }
}

function parse(text) {
    var parts = (text || "").split(",");
    if (parts.length !== 3) { return null; }
    var lat = Number(parts[0]), lon = Number(parts[1]), zoom = Number(parts[2]);
    if (!isFinite(lat) || !isFinite(lon) || !isFinite(zoom)) { return null; }
    if (Math.abs(lat) > 85 || Math.abs(lon) > 180) { return null; }
    zoom = Math.min(Math.max(zoom, map.getMinZoom()), map.getMaxZoom());
    return {lat: lat, lon: lon, zoom: zoom};
}

function format() {
    var centre = map.getCenter().wrap(), zoom = Math.round(map.getZoom() * 4) / 4;
    return centre.lat.toFixed(2) + "," + centre.lng.toFixed(2) + "," + zoom;
}

function query() { return new URLSearchParams(window.parent.location.search); }

function ours() { return (query().get(options.param) || "") === options.value; }

function writeUrl(at) {
    var url = new URL(window.parent.location.href);
    if (at) { url.searchParams.set("at", at); } else { url.searchParams.delete("at"); }
    window.parent.history.replaceState(window.parent.history.state, "", url.toString());
}

function remember(at) {
    current = at;
    var kept = storage();
    if (kept) { if (at) { kept.setItem(KEY, at); } else { kept.removeItem(KEY); } }
    writeUrl(at);
}

var opened = query().get("at"), kept = storage(), start = parse(opened);
if (!start && kept) { start = parse(kept.getItem(KEY)); }
if (start) {
    map.setView([start.lat, start.lon], start.zoom, {animate: false});
    current = format();
    if (kept) { kept.setItem(KEY, current); }
}

var Fit = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
        var button = L.DomUtil.create("a", "map-fit leaflet-bar-part");
        var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control");
        bar.appendChild(button);
        button.href = "#";
        button.setAttribute("role", "button");
        button.title = options.fitTitle;
        button.setAttribute("aria-label", options.fitTitle);
        button.textContent = "\u2922";
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.on(button, "click", function (event) {
            L.DomEvent.preventDefault(event);
            map.fitBounds(options.bounds, {animate: false, padding: options.padding});
            moving = false;
            remember(null);
        });
        return bar;
    }
});

// Only the reader's moves count: a resize of the frame also ends in "moveend", with no start.
var moving = false;
function started() { moving = true; }
function moved() { if (moving) { moving = false; remember(format()); } }

map.whenReady(function () {
    window.setTimeout(function () { map.on("movestart", started); map.on("moveend", moved); }, 0);
    if (options.bounds) { new Fit().addTo(map); }
    // Streamlit rewrites the URL when the page changes the view: put the position back.
    window.setInterval(function () {
        if (current && ours() && query().get("at") !== current) { writeUrl(current); }
    }, 250);
});
