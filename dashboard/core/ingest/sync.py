"""A folder kept in the desk (seeds/): new or changed files read, the rest only hashed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..documents import DocumentError
from ..store import Store, open_store
from .pipeline import Progress, Report, Settings, process, reanalyse
from .readers import Plan, read_bytes, walk

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def file_hash(path: str | Path) -> str:
    """Return a digest of a file's bytes."""
    return hashlib.blake2b(read_bytes(Path(path)), digest_size=16).hexdigest()


def sync_folder(store: Store, folder: str | Path, *, workers: int | None = None,
                progress: Progress | None = None) -> Report:
    """Bring a folder's articles into the desk: only files that are new or changed since the
    last sync (by path and content hash) are parsed; a changed file replaces its article under
    the same slug. Files that could not be read are reported again until they change."""
    found = Plan()
    walk(Path(folder), found)
    report = Report(skipped=found.skipped)
    known = store.files()
    jobs, hashes, replaces = [], {}, {}
    for job in found.jobs:
        key = str(Path(job.target).resolve())
        try:
            digest = file_hash(job.target)
        except DocumentError as error:
            report.problems.append(str(error))
            continue
        digest_then, slug, problem = known.get(key, ("", None, ""))
        if digest == digest_then:
            if problem:
                report.problems.append(problem)
            continue
        jobs.append(job)
        hashes[job.target] = (key, digest)
        if slug:
            replaces[job.target] = slug
    if jobs:
        process(store, jobs, report, settings=Settings(), workers=workers, progress=progress,
                replaces=replaces)
        store.record_files(  # a file that turned bad keeps its old article (and link to it)
            (key, digest, report.slugs.get(target) or replaces.get(target),
             report.failed.get(target, "")) for target, (key, digest) in hashes.items())
    return report


def open_desk(folder: str | Path | None = None, seeds: str | Path | None = SEEDS,
              reanalysing: bool = True) -> Store:
    """Open the desk (raising DeskError), analyse again what an older parser analysed (unless
    the caller does it later, as the page does, in the background) and sync the seeds folder."""
    store = open_store(folder)
    if reanalysing:
        reanalyse(store)
    if seeds is not None:
        sync_folder(store, seeds)
    return store
