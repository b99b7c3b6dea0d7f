"""Share this view: its full link, the document's exports, and a clean browser history."""

from __future__ import annotations

import functools
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from ..core import desk_export, export
from ..core.store import Filter
from . import data, manners

DOWNLOADS = (("geojson", "GeoJSON", "application/geo+json"),
             ("csv", "CSV of mentions", "text/csv"),
             ("html", "Standalone HTML map", "text/html"))

# Run once, on a session's first run when the URL had to be corrected: Streamlit pushed the
# corrected URL as a new history entry; stepping back onto the opened (bad) entry makes
# Streamlit rerun it as a history navigation, which corrects it in place (replaceState), so
# the first load leaves one entry. It waits until the push has happened (the URL holds the
# corrected parameters) and gives up after two seconds rather than leave the page.
FIRST_LOAD_SCRIPT = """<script>
(function () {
  var want = %s, tries = 0;
  function corrected() {
    var have = {};
    new URLSearchParams(window.location.search).forEach(function (v, k) { have[k] = v; });
    var keys = Object.keys(want);
    return keys.length === Object.keys(have).length &&
      keys.every(function (k) { return have[k] === want[k]; });
  }
  (function check() {
    if (corrected()) { window.history.back(); return; }
    if (++tries < 40) { window.setTimeout(check, 50); }
  })();
})();
</script>"""


def share_url(base: str, params: dict) -> str:
    """Return the full link of a view: the page's base URL (query dropped) and its parameters
    (a list value is a repeated parameter)."""
    scheme, netloc, path, _, _ = urlsplit(base)
    path = path if path.endswith("/") else path + "/"  # the page is its base path's folder
    return urlunsplit((scheme, netloc, path, urlencode(params, doseq=True), ""))


def base_url() -> str:
    """Return the URL the browser opened the page at (no query), or the best guess at it."""
    try:
        opened = st.context.url
    except Exception:  # noqa: BLE001 - no browser context (bare script, old client)
        opened = None
    if opened:
        return opened
    headers = st.context.headers
    host = headers.get("X-Forwarded-Host") or headers.get("Host")
    if not host:
        host = f"localhost:{st.get_option('server.port')}"
    scheme = headers.get("X-Forwarded-Proto", "http").split(",")[0].strip() or "http"
    path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{scheme}://{host}/{path + '/' if path else ''}"


@st.cache_data(max_entries=8, show_spinner=False)
def export_text(key: str, sahel: str, fmt: str, _article: data.Article) -> str:
    """Return an article's export (geojson, csv or html) for a Sahel definition (cached by the
    article's key)."""
    return export.render(_article.analysis, fmt, data.document_layers(key, sahel, _article))


def share_box(params: dict) -> None:
    """Offer the full link of the current view, with a button that copies it.

    In a popover, as the downloads are: a closed popover's content is not drawn, so a visit
    does not wait for it. The link shown is the page's own address once the popover opens
    (it then holds where the reader moved the map), this view's link before.
    """
    with st.sidebar.popover("Share this view", use_container_width=True):
        manners.share_link(share_url(base_url(), params))


def downloads(article: data.Article, sahel: str) -> None:
    """Offer the current article as GeoJSON, CSV and standalone HTML (built on click)."""
    doc = article.document
    with st.sidebar.popover("Download this article's map", use_container_width=True):
        for fmt, label, mime in DOWNLOADS:
            missing = export.missing_assets(fmt)
            for problem in missing:  # said, rather than a button that does nothing
                st.error(f"{label}: {problem}")
            if missing:
                continue
            st.download_button(
                label, functools.partial(export_text, article.key, sahel, fmt, article),
                file_name=f"{doc.slug}.{fmt}", mime=mime, key=f"download-{fmt}",
                on_click="ignore", use_container_width=True)


@st.cache_data(max_entries=8, ttl=60, show_spinner=False)
def desk_export_text(flt: Filter, fmt: str, version: tuple[int, int]) -> str:
    """Return the desk's window (flt) as GeoJSON, CSV or standalone HTML (cached)."""
    return desk_export.render(data.desk().store, flt, fmt)


def desk_downloads(flt: Filter) -> None:
    """Offer the desk's window as GeoJSON, CSV and standalone HTML (built on click)."""
    version = data.desk().store.conn.execute(
        "SELECT count(*), coalesce(max(id), 0) FROM articles").fetchone()
    with st.sidebar.popover("Download the desk's map", use_container_width=True):
        st.caption("The articles of this window: dates, sources, languages and words.")
        for fmt, label, mime in DOWNLOADS:
            missing = export.missing_assets(fmt)
            for problem in missing:
                st.error(f"{label}: {problem}")
            if missing:
                continue
            st.download_button(
                label, functools.partial(desk_export_text, flt, fmt, tuple(version)),
                file_name=f"desk.{fmt}", mime=mime, key=f"desk-download-{fmt}",
                on_click="ignore", use_container_width=True)


def first_load(corrected: bool, params: dict[str, str]) -> None:
    """On a session's first run, undo the history entry that correcting the URL (to params)
    pushed."""
    if st.session_state.get("share-first-load-done"):
        return
    st.session_state["share-first-load-done"] = True
    if corrected:
        st.sidebar.html(FIRST_LOAD_SCRIPT % export.script_json(params),
                        unsafe_allow_javascript=True)
