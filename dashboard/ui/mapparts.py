"""What the map carries besides its layers: basemap, legend, selection, view and touch manners.

Each is a script of ui/js/ run on the map with its options as JSON (so no document text is
ever written into the script), and the map's stylesheet ui/js/map.css.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from branca.element import MacroElement
from folium.template import Template

from ..core.overlays import overlay
from ..core.palette import BASEMAP_STYLE, COLOURS, JOURNEY_COLOURS

JS = Path(__file__).resolve().parent / "js"
TOUCH_HINT = "Use two fingers to move the map"
FIT_TITLE = "Show the whole article again"
FIT_PADDING = (32, 32)  # px kept around fitted bounds: a stop's pin is about 28 px wide
# Legend entries that select a bloc or region, as a click on it would (layer → place id).
SELECTABLE = {"aes": "AES", "sahel": "SAHEL"}


@cache
def source(name: str) -> str:
    """Return a file of ui/js/ (read once per process)."""
    return (JS / name).read_text(encoding="utf-8")


class MapScript(MacroElement):
    """A script of ui/js/ run once on the map it is added to, given its options."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map, options) {
        {{ this.code }}
        })({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, name: str, **options: object) -> None:
        super().__init__()
        self._name = name.title()
        self.code = source(f"{name}.js")
        self.options = options


def basemap(url: str) -> MapScript:
    """Return the offline Natural Earth basemap, fetched by the map from url."""
    return MapScript("basemap", url=url, style=BASEMAP_STYLE)


def selection(groups: dict[str, list[str]]) -> MapScript:
    """Return the outline that follows the URL's selection (groups: bloc id → members)."""
    return MapScript("selection", colour=COLOURS["selected"], groups=groups)


def view_keeper(param: str, value: str, bounds: list[list[float]] | None) -> MapScript:
    """Return what keeps the reader's view in the URL while the URL's param is value (its ⤢
    button fits the bounds with the map's own padding)."""
    return MapScript("view", scope=f"{param}={value}", param=param, value=value, bounds=bounds,
                     fitTitle=FIT_TITLE, padding=list(FIT_PADDING))


def touch_manners() -> MapScript:
    """Return the touch manners: one finger scrolls the page, two move the map."""
    return MapScript("touch", hint=TOUCH_HINT)


class Legend(MacroElement):
    """A legend, one entry per layer shown (blocs selectable), folded on narrow maps; and the
    map's stylesheet."""

    _template = Template("""
        {% macro html(this, kwargs) %}
        <details class="map-legend" open><summary>Legend</summary>{{ this.body }}</details>
        <style>:root {--sea: {{ this.sea }}; --selected: {{ this.selected }}}
        {{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
        {{ this.code }}
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, shown: list[str], classes: bool = False,
                 journeys: list[tuple[int, str, str]] = ()) -> None:
        super().__init__()
        self._name = "Legend"
        rows = ['<div class="legend-title">Countries by articles</div>'
                '<div class="legend-classes"></div>'] if classes else []
        for layer in shown:
            rows.append(f'<div><i style="background:{overlay(layer).colour}"></i>'
                        f'{_entry(layer)}</div>')
            if layer == "journeys":
                rows += journey_entries(list(journeys))
        rows += [f"<div>{html.escape(overlay(layer).legend)}</div>" for layer in shown
                 if overlay(layer).legend]
        self.body = "".join(rows)
        self.sea, self.selected = COLOURS["sea"], COLOURS["selected"]
        self.css = source("map.css")
        self.code = source("legend.js") + (source("classes.js") if classes else "")


def journey_entries(journeys: list[tuple[int, str, str]]) -> list[str]:
    """Return the legend's journey lines: one a colour, then how many more share them."""
    rows = [journey_entry(*journey) for journey in journeys[:len(JOURNEY_COLOURS)]]
    more = len(journeys) - len(JOURNEY_COLOURS)
    if more > 0:
        rows.append(f'<div class="legend-journey-more">and {more} more journey'
                    f'{"s" if more > 1 else ""} in the same colours</div>')
    return rows


def journey_entry(index: int, traveller: str, colour: str) -> str:
    """Return a journey's legend entry: its colour and who travels (traveller: document
    text, escaped here)."""
    who = f": {html.escape(traveller)}" if traveller else ""
    return (f'<div class="legend-journey" data-journey="{index}"><i class="line" '
            f'style="background:{colour}"></i>Journey {index}{who}</div>')


def _entry(layer: str) -> str:
    """Return a legend entry's label: a button that selects its bloc, or plain text."""
    title = html.escape(overlay(layer).title)
    if layer not in SELECTABLE:
        return title
    return (f'<button type="button" data-select="{SELECTABLE[layer]}" '
            f'title="Read what the article says about the whole {title}">{title}</button>')
