// Outline what the page's URL selects, following the URL as it changes: a country, a stop,
// or every member of a selected bloc or region. The map lives in a same-origin iframe, so it
// reads the page's query string itself: a new selection changes nothing in the map's
// arguments, and Streamlit re-sends no map.
var drawn = null, shown = null;
var style = {color: options.colour, weight: 4, fill: false, interactive: false};
var memberStyle = {color: options.colour, weight: 2.5, fillColor: options.colour,
                   fillOpacity: 0.18, interactive: false};

function wanted() {
    var query = new URLSearchParams(window.parent.location.search);
    return {place: query.get("place") || "", stop: query.get("stop") || ""};
}

function matches(props, want) {
    if (want.stop) { return props.stop === want.stop; }
    return !!want.place && props.select === want.place && !props.stop && !props.hidden;
}

function members(want) {
    var codes = !want.stop && options.groups[want.place];
    if (!codes || !map.basemapData) { return null; }
    var features = map.basemapData.features.filter(function (f) {
        return codes.indexOf(f.properties.iso3) >= 0;
    });
    return L.geoJSON({type: "FeatureCollection", features: features},
                     {style: memberStyle, interactive: false});
}

function draw(want) {
    var group = members(want);
    if (group) { return group.addTo(map); }
    var found = null;
    map.eachLayer(function (layer) {
        var props = layer.feature && layer.feature.properties;
        if (!found && props && matches(props, want)) { found = layer; }
    });
    if (!found) { return null; }
    if (found.getLatLng) {
        return L.circleMarker(found.getLatLng(), Object.assign({radius: 19}, style)).addTo(map);
    }
    return L.geoJSON(found.toGeoJSON(), {style: style, interactive: false}).addTo(map);
}

function closeTooltips() {
    map.eachLayer(function (layer) { if (layer.closeTooltip) { layer.closeTooltip(); } });
}

function follow(force) {
    var want = wanted(), key = want.place + "|" + want.stop;
    if (key === shown && !force) { return; }
    if (shown !== null) { closeTooltips(); }  // a tap's tooltip must not hide what it chose
    shown = key;
    if (drawn) { map.removeLayer(drawn); }
    drawn = draw(want);
}

map.on("basemapload", function () { follow(true); });
map.whenReady(function () { follow(); setInterval(follow, 150); });
