"""The map's overlays: one list, read by the URL state, the map, its legend and the exports.

Adding a layer is a row here (its id, which is also its value in the URL's `layers=`, its
title, colour, legend line and export parts), its frame in layers.py and its drawing in
ui/mapview.py (DRAW); the sidebar, the legend, the URL and the exports follow this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .palette import OKABE_ITO


@dataclass(frozen=True)
class Overlay:
    """One map layer as every part of the app names and draws it."""

    id: str  # also its value in the URL's layers= parameter
    title: str  # the sidebar's checkbox, the layer controls, the legend beside its colour
    colour: str
    legend: str = ""  # a second legend line, where the drawing needs explaining
    default: bool = True  # shown when the URL does not say
    parts: tuple[str, ...] = ()  # its features' "layer" values in the exports (none: page only)


OVERLAYS: tuple[Overlay, ...] = (
    Overlay("sahel", "Sahel states", OKABE_ITO["orange"], parts=("sahel",)),
    Overlay("aes", "AES bloc", OKABE_ITO["blue"], parts=("aes", "aes_outline")),
    Overlay("journeys", "Journeys", OKABE_ITO["black"], parts=("legs", "stops"),
            legend="① stop, in travel order; dashed ring: at the assumed capital; dashed "
                   "line: a planned leg, dotted: from an inferred start"),
    Overlay("countries", "Other mentioned countries", OKABE_ITO["reddish purple"],
            parts=("countries",)),
    Overlay("density", "Mention density", OKABE_ITO["bluish green"], default=False),
)
BY_ID = {overlay.id: overlay for overlay in OVERLAYS}
IDS: tuple[str, ...] = tuple(BY_ID)
DEFAULT_IDS: tuple[str, ...] = tuple(o.id for o in OVERLAYS if o.default)


def overlay(layer_id: str) -> Overlay:
    """Return the overlay with this id (KeyError if there is none)."""
    return BY_ID[layer_id]


def of_part(part: str) -> Overlay:
    """Return the overlay an exported feature's layer value belongs to."""
    return next(o for o in OVERLAYS if part in o.parts)
