"""The files the core reads besides the geodata: vendored Leaflet, the basemap, templates.

One function resolves them all, so the core names no folder of the UI's: the vendored
front-end packages live in dashboard/static/vendor (Streamlit serves that folder to the page,
and the standalone export inlines the same files), the core's own templates beside this module.
"""

from __future__ import annotations

from pathlib import Path

from .gazetteer import GEODATA

DASHBOARD = Path(__file__).resolve().parents[1]
ROOTS = {
    "vendor": (DASHBOARD / "static" / "vendor", "restore it from git or from its npm package "
               "(dashboard/static/README.md says how)"),
    "templates": (Path(__file__).resolve().parent / "templates", "restore it from git"),
    "geodata": (GEODATA, "rebuild the geodata with `python geodata/build.py`"),
}


class MissingAsset(FileNotFoundError):
    """A file the core needs is missing; the message names it and what restores it."""


def asset(name: str) -> Path:
    """Return the path of an asset named '<root>/<path>' ('vendor/leaflet/leaflet.js'),
    or raise MissingAsset saying which file is missing and what to run."""
    root, _, relative = name.partition("/")
    if root not in ROOTS or not relative or ".." in Path(relative).parts:
        raise ValueError(f"Unknown asset {name!r}; expected one of "
                         f"{', '.join(f'{r}/…' for r in ROOTS)}.")
    folder, remedy = ROOTS[root]
    path = folder / relative
    if not path.is_file():
        shown = path.relative_to(DASHBOARD.parent) if path.is_relative_to(DASHBOARD.parent) \
            else f"{folder.name}/{relative}"
        raise MissingAsset(f"{shown} is missing: {remedy}.")
    return path


def asset_text(name: str) -> str:
    """Return an asset's text (UTF-8)."""
    return asset(name).read_text(encoding="utf-8")
