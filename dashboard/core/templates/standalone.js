(function () {
  "use strict";
  // Everything the page draws comes from its JSON blocks: the overlays (core/overlays.py),
  // the features (the GeoJSON export) and the basemap.
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  var config = json("map-config"), data = json("map-features"), basemap = json("map-basemap");
  var COLOURS = {}, OVERLAY_OF = {}, PARTS = [];
  config.overlays.forEach(function (overlay) {
    overlay.parts.forEach(function (part) {
      COLOURS[part] = overlay.colour;
      OVERLAY_OF[part] = overlay.id;
      PARTS.push(part);
    });
  });

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function highlighted(passage) {
    var chars = Array.from(passage.text), node = el("p", undefined, "passage"), at = 0;
    node.setAttribute("data-passage", String(passage.passage));
    node.appendChild(el("span", "\u00b6 " + (passage.passage + 1), "passage-number"));
    passage.mentions.forEach(function (m) {
      var start = m.start - passage.start, end = m.end - passage.start;
      if (start < at || end > chars.length) { return; }
      node.appendChild(document.createTextNode(chars.slice(at, start).join("")));
      var mark = el("mark", chars.slice(start, end).join(""));
      mark.title = m.reason;
      node.appendChild(mark);
      at = end;
    });
    node.appendChild(document.createTextNode(chars.slice(at).join("")));
    return node;
  }

  function popup(props) {
    var box = el("div", undefined, "popup"), roles = el("ul");
    box.appendChild(el("h2", props.name));
    (props.roles || []).forEach(function (role) { roles.appendChild(el("li", role)); });
    if (roles.childNodes.length) { box.appendChild(roles); }
    if (typeof props.mentions === "number") {
      box.appendChild(el("p", props.mentions + " mention" + (props.mentions === 1 ? "" : "s")));
    }
    if (!props.passages.length) { box.appendChild(el("p", "No passage names it.", "none")); }
    props.passages.forEach(function (p) {
      if (p.slug) {  // a desk's passages come from many articles: name each one's article
        var about = [p.title || p.slug, p.source, p.published].filter(Boolean).join(" \u00b7 ");
        box.appendChild(el("p", about, "passage-article"));
      }
      box.appendChild(highlighted(p));
    });
    if (props.more) {
      box.appendChild(el("p", "\u2026 and " + props.more + " more passages", "none"));
    }
    return box;
  }

  function style(feature) {
    var p = feature.properties, colour = COLOURS[p.layer];
    if (p.layer === "aes_outline") {
      return {color: colour, weight: 3, fill: false, dashArray: "8 4", className: "bloc-" + p.id};
    }
    if (p.layer === "legs") {  // each journey in its colour; a planned leg dashed
      var dash = p.planned ? config.dash.planned : p.inferred ? config.dash.inferred : null;
      return {color: p.colour || colour, weight: 3, dashArray: dash,
              className: "leg leg-" + p.journey + "-" + p.order + (p.planned ? " planned" : "")};
    }
    return {color: "#333", weight: 1, fillColor: colour, fillOpacity: p.mentions ? 0.7 : 0.35,
            className: "country country-" + p.iso3 + " layer-" + p.layer};
  }

  function stopMarker(feature, latlng) {
    var p = feature.properties, label = el("div", p.inferred ? "start" : String(p.order));
    var icon = L.divIcon({html: label, iconSize: p.inferred ? [34, 22] : [22, 22],
                          className: "stop-icon" + (p.inferred ? " inferred" : "")
                            + (p.planned ? " planned" : "")});
    var marker = L.marker(latlng, {icon: icon, title: p.name + (p.planned ? " (planned)" : ""),
                                   zIndexOffset: 1000 - p.order});
    marker.on("add", function () {  // the journey's colour, set as a style, never as markup
      var node = marker.getElement();
      if (node && p.colour) {
        node.style.setProperty(p.inferred ? "border-color" : "background-color", p.colour);
        if (p.inferred) { node.style.color = p.colour; }
      }
    });
    return marker;
  }

  function journeyLegend() {  // one line a journey: its colour and who travels
    var seen = {}, count = 0, box = el("div", undefined, "journey-legend leaflet-bar");
    data.features.forEach(function (f) {
      var p = f.properties;
      if (p.layer !== "stops" || seen[p.journey]) { return; }
      seen[p.journey] = true;
      count += 1;
      if (count > config.legendJourneys) { return; }  // the colours repeat from here
      var row = el("div", undefined, "journey-key"), swatch = el("span", undefined, "line");
      swatch.style.backgroundColor = p.colour;
      row.setAttribute("data-journey", String(p.journey));
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(
        "Journey " + p.journey + (p.traveller ? ": " + p.traveller : "")));
      box.appendChild(row);
    });
    if (count > config.legendJourneys) {
      box.appendChild(el("div", "and " + (count - config.legendJourneys)
                               + " more in the same colours", "note"));
    }
    if (box.childNodes.length) {
      box.appendChild(el("div", "dashed: planned leg; dotted: from an inferred start", "note"));
    }
    return box;
  }

  var map = L.map("map", {worldCopyJump: false, zoomSnap: 0.25});
  var base = L.geoJSON(basemap, {interactive: false, style: config.basemapStyle}).addTo(map);
  var overlays = {}, groups = {}, parts = {};
  config.overlays.forEach(function (o) { groups[o.id] = L.featureGroup().addTo(map); });
  PARTS.forEach(function (part) {
    parts[part] = L.featureGroup().addTo(groups[OVERLAY_OF[part]]);
  });
  L.geoJSON(data, {
    style: style,
    pointToLayer: stopMarker,
    onEachFeature: function (feature, layer) {
      layer.bindPopup(function () { return popup(feature.properties); },
                      {maxWidth: 440, maxHeight: 380});
      parts[feature.properties.layer].addLayer(layer);
    }
  });
  config.overlays.forEach(function (o) {
    var label = "<span class='swatch' style='background:" + o.colour + "'></span>" + o.title;
    if (groups[o.id].getLayers().some(function (g) { return g.getLayers().length; })) {
      overlays[label] = groups[o.id];
    }
  });
  L.control.layers({"Natural Earth": base}, overlays, {collapsed: false}).addTo(map);
  L.control.scale().addTo(map);
  var legend = journeyLegend();
  if (legend.childNodes.length) {
    var JourneyLegend = L.Control.extend({onAdd: function () { return legend; }});
    new JourneyLegend({position: "bottomright"}).addTo(map);
  }
  var bounds = L.featureGroup([parts.aes, parts.stops]).getBounds();
  if (!bounds.isValid()) {
    bounds = L.featureGroup(PARTS.map(function (n) { return parts[n]; })).getBounds();
  }
  if (bounds.isValid()) { map.fitBounds(bounds, {padding: [20, 20]}); }
  else { map.setView([15, 5], 3); }
  window.sahelMap = {map: map, groups: groups, parts: parts, data: data};
}());
