"""Offline assets for the map: folium Maps that load Leaflet from dashboard/static, never a CDN."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import branca
import folium
import folium.elements
from folium.template import Template

from . import rendering

rendering.install()  # every map is drawn through this module: drawn again for less

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

# st_folium draws the map in an iframe at <baseUrlPath>/component/streamlit_folium.st_folium/
# index.html, and Streamlit serves dashboard/static/ at <baseUrlPath>/app/static/. Going up two
# levels from the iframe keeps working under any --server.baseUrlPath; "/app/static" does not.
IFRAME_STATIC_URL = "../../app/static"

# (folium link name, path under dashboard/static). Leaflet always; jQuery only for a map with a
# folium Popup, which builds its content with `$(`...`)[0]`, or with layers kept in front
# (Map.keep_in_front runs `$(document).ready(...)`). Nothing else we draw (GeoJson,
# PolyLine, CircleMarker, DivIcon, LayerControl, Tooltip) needs jQuery, Bootstrap,
# awesome-markers or Font Awesome.
VENDORED_JS: tuple[tuple[str, str], ...] = (("leaflet", "vendor/leaflet/leaflet.js"),)
JQUERY_JS: tuple[tuple[str, str], ...] = (("jquery", "vendor/jquery/jquery.min.js"),)
VENDORED_CSS: tuple[tuple[str, str], ...] = (("leaflet_css", "vendor/leaflet/leaflet.css"),)

LEAFLET_IMAGES = "vendor/leaflet/images"
MARKER_IMAGES = {"iconUrl": "marker-icon.png", "iconRetinaUrl": "marker-icon-2x.png",
                 "shadowUrl": "marker-shadow.png"}  # fmt: skip

_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


class MarkerImages(folium.elements.MacroElement):
    """Tell Leaflet where its default marker images are, before any marker is drawn."""

    # Leaflet 1.9 guesses the path from leaflet.css; st_folium adds the stylesheet without
    # waiting for it, so the guess misses "/images/" and every L.marker (folium.Marker with a
    # DivIcon too: it starts with the default icon) requests .../vendor/leafletmarker-icon.png.
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = {{ this.image_path|tojson }};
            L.Icon.Default.mergeOptions({{ this.urls|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, images_url: str) -> None:
        super().__init__()
        self._name = "MarkerImages"
        self.image_path = images_url.rstrip("/") + "/"
        self.urls = dict(MARKER_IMAGES)


class OfflineMap(folium.Map):
    """A folium Map whose scripts and stylesheets are vendored files, jQuery only if needed.

    The scripts are decided when the map is drawn, from what it holds by then: a popup added
    after the map was made still gets jQuery, and a map without one is not made to wait for it.
    """

    def __init__(self, static_url: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.static_url = static_url.rstrip("/")
        # An instance attribute: folium's class-level list is shared and must not be mutated.
        self.default_css = self._links(VENDORED_CSS)

    @property
    def default_js(self) -> list[tuple[str, str]]:
        """Return the map's scripts: Leaflet, and jQuery when a popup or keep_in_front needs it."""
        needs_jquery = bool(self.objects_to_stay_in_front) or has_popup(self)
        return self._links(VENDORED_JS + (JQUERY_JS if needs_jquery else ()))

    def _links(self, files: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
        """Return (name, URL) links to files under the static URL."""
        return [(name, f"{self.static_url}/{path}") for name, path in files]


# What every map of the page loads from dashboard/static (jQuery only with a popup).
PAGE_FILES = ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "basemap.json")


def missing_static() -> list[str]:
    """Return one message per file the page's maps need that dashboard/static lacks."""
    remedy = {"basemap.json": "run `python geodata/build.py` to rebuild it"}
    return [f"dashboard/static/{name} is missing: "
            f"{remedy.get(name, 'restore it from git (dashboard/static/README.md says how)')}."
            for name in PAGE_FILES if not (STATIC_DIR / name).is_file()]


def has_popup(element: branca.element.Element) -> bool:
    """Return whether the element or a descendant is a folium Popup."""
    return any(isinstance(e, folium.Popup) for e in _elements(element))


def offline_map(static_url: str = IFRAME_STATIC_URL, **kwargs: object) -> folium.Map:
    """Return a folium Map whose scripts and stylesheets are only the vendored files."""
    kwargs.setdefault("tiles", None)
    fmap = OfflineMap(static_url, **kwargs)
    fmap.add_child(MarkerImages(f"{fmap.static_url}/{LEAFLET_IMAGES}"))
    return fmap


def _elements(element: branca.element.Element) -> Iterator[branca.element.Element]:
    """Yield the element and every descendant, parents first."""
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _elements(child)


def _asset_elements(element: branca.element.Element) -> Iterator[branca.element.Element]:
    """Yield the element and every descendant that brings scripts or stylesheets."""
    return (e for e in _elements(element)
            if isinstance(e, (folium.elements.JSCSSMixin, branca.colormap.ColorMap)))


class RemoteAssetError(ValueError):
    """A map would load a script or stylesheet from the internet."""


def asset_links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    """Return the stylesheet and script URLs st_folium loads for this map, in its order."""
    css: list[str] = []
    js: list[str] = []
    for element in _asset_elements(fmap):
        if isinstance(element, branca.colormap.ColorMap):  # st_folium adds d3 from a CDN
            raise RemoteAssetError("A colormap needs d3, which st_folium loads from a CDN and "
                                   "this page does not vendor: draw its legend another way.")
        css += [url for _, url in getattr(element, "default_css", [])]
        js += [url for _, url in getattr(element, "default_js", [])]
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def local_asset_links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    """Return the map's stylesheet and script URLs (as asset_links), refusing any that would
    leave this server (RemoteAssetError naming them)."""
    css, js = asset_links(fmap)
    remote = [url for url in css + js if _REMOTE.match(url)]
    if remote:
        raise RemoteAssetError(f"The map would load {', '.join(remote)} from the internet: "
                               "vendor it under dashboard/static (its README says how).")
    return css, js


def asset_urls(fmap: folium.Map) -> list[str]:
    """Return every script and stylesheet URL st_folium would load for this map."""
    css, js = asset_links(fmap)
    return list(dict.fromkeys(js + css))


def remote_asset_urls(fmap: folium.Map) -> list[str]:
    """Return the script and stylesheet URLs of the map that would leave this server."""
    return [url for url in asset_urls(fmap) if _REMOTE.match(url)]
