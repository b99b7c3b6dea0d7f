// A pane above the countries for outlines that must stay visible and never take a click.
var outlines = map.createPane("outlines");
outlines.style.zIndex = 450;
outlines.style.pointerEvents = "none";
