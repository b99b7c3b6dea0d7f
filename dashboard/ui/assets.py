"""Offline assets for the map: folium Maps that load Leaflet from dashboard/static, never a CDN."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import branca
import folium
import folium.elements
from folium.template import Template

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

# st_folium draws the map in an iframe at <baseUrlPath>/component/streamlit_folium.st_folium/
# index.html, and Streamlit serves dashboard/static/ at <baseUrlPath>/app/static/. Going up two
# levels from the iframe keeps working under any --server.baseUrlPath; "/app/static" does not.
IFRAME_STATIC_URL = "../../app/static"

# (folium link name, path under dashboard/static). Leaflet, plus jQuery because folium's Popup
# builds its content with `$(`...`)[0]`. Nothing we draw (GeoJson, PolyLine, CircleMarker,
# DivIcon, LayerControl, Tooltip, Popup) needs Bootstrap, awesome-markers or Font Awesome.
VENDORED_JS: tuple[tuple[str, str], ...] = (
    ("leaflet", "vendor/leaflet/leaflet.js"),
    ("jquery", "vendor/jquery/jquery.min.js"),
)
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

    def inline(self) -> None:
        """Use data: URIs instead of URLs, for a page that must stand alone."""
        self.image_path = ""
        self.urls = {
            key: _data_uri(STATIC_DIR / LEAFLET_IMAGES / name)
            for key, name in MARKER_IMAGES.items()
        }


def offline_map(static_url: str = IFRAME_STATIC_URL, **kwargs: object) -> folium.Map:
    """Return a folium Map whose scripts and stylesheets are only the vendored Leaflet files."""
    kwargs.setdefault("tiles", None)
    fmap = folium.Map(**kwargs)
    base = static_url.rstrip("/")
    # Instance attributes: folium's class-level lists are shared and must not be mutated.
    fmap.default_js = [(name, f"{base}/{path}") for name, path in VENDORED_JS]
    fmap.default_css = [(name, f"{base}/{path}") for name, path in VENDORED_CSS]
    fmap.add_child(MarkerImages(f"{base}/{LEAFLET_IMAGES}"))
    return fmap


def _asset_elements(element: branca.element.Element) -> Iterator[branca.element.Element]:
    """Yield the element and every descendant that brings scripts or stylesheets."""
    if isinstance(element, (folium.elements.JSCSSMixin, branca.colormap.ColorMap)):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _asset_elements(child)


def asset_urls(fmap: folium.Map) -> list[str]:
    """Return every script and stylesheet URL st_folium would load for this map."""
    urls: list[str] = []
    for element in _asset_elements(fmap):
        if isinstance(element, branca.colormap.ColorMap):
            urls.append("https://d3js.org/d3.v4.min.js")  # st_folium adds d3 for colormaps
        urls += [url for _, url in getattr(element, "default_js", [])]
        urls += [url for _, url in getattr(element, "default_css", [])]
    return list(dict.fromkeys(urls))


def remote_asset_urls(fmap: folium.Map) -> list[str]:
    """Return the script and stylesheet URLs of the map that would leave this server."""
    return [url for url in asset_urls(fmap) if _REMOTE.match(url)]


def _data_uri(path: Path) -> str:
    """Return the file as a base64 data: URI."""
    mime = {".png": "image/png", ".svg": "image/svg+xml"}.get(
        path.suffix, "application/octet-stream"
    )
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(path: Path) -> str:
    """Return the stylesheet with its relative url(...) images turned into data: URIs."""

    def replace(match: re.Match[str]) -> str:
        target = path.parent / match.group(1)
        return f"url({_data_uri(target)})" if target.is_file() else match.group(0)

    return re.sub(r"url\(([^)#:]+)\)", replace, path.read_text(encoding="utf-8"))


def standalone_html(fmap: folium.Map, static_url: str = IFRAME_STATIC_URL) -> str:
    """Render the map as one self-contained HTML page with the vendored assets inlined."""
    images = [child for child in fmap._children.values() if isinstance(child, MarkerImages)]
    saved = [(child.image_path, child.urls) for child in images]
    try:
        for child in images:
            child.inline()
        html = fmap.get_root().render()
    finally:
        for child, (image_path, urls) in zip(images, saved, strict=True):
            child.image_path, child.urls = image_path, urls
    base = re.escape(static_url.rstrip("/"))
    script = re.compile(rf'<script src="{base}/([^"]+)"></script>')
    sheet = re.compile(rf'<link rel="stylesheet" href="{base}/([^"]+)"/>')
    html = script.sub(lambda m: _inline("script", _read(m.group(1))), html)
    return sheet.sub(lambda m: _inline("style", _inline_css(STATIC_DIR / m.group(1))), html)


def _read(relative: str) -> str:
    """Return the text of a file under dashboard/static, without its source-map comment."""
    text = (STATIC_DIR / relative).read_text(encoding="utf-8")
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)


def _inline(tag: str, text: str) -> str:
    """Wrap text in an inline tag that no "</tag" inside the text can close early."""
    safe = re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)
    return f"<{tag}>{safe}</{tag}>"
