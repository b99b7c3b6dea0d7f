"""Inputs → the desk: read and analyse on every core (a process pool), write in batches from
the parent, one transaction a batch; duplicates are recognised before they are analysed."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..analysis import analyse
from ..documents import DocumentError
from ..geoparse import default_gazetteer
from ..store import Store, Written
from ..store.rows import Prepared, Seen, content_hash, prepare, url_key
from .readers import Job, plan, preload, read

BATCH = 250  # articles a transaction: big enough to write fast, small enough to lose little
POOL_FROM = 16  # fewer jobs than this are read in this process: a pool costs more to start
Progress = Callable[[int, int], None]  # (jobs done, jobs in all)


@dataclass(frozen=True)
class Settings:
    """What every job is read with: whether feed links may be fetched, and what the desk
    already holds (content hashes, URL keys) so that duplicates are not analysed."""

    fetch_links: bool = False
    hashes: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Outcome:
    """What one job gave: articles to write, and one message per part that could not be read."""

    items: list[Prepared | Seen]
    problems: list[str]


@dataclass
class Report(Written):
    """What an ingest did: what its writes did (slugs added, duplicates), and the inputs that
    could not be read (`name: reason`) or were left out on purpose."""

    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # job target → why it gave nothing

    def take(self, written: Written) -> None:
        """Add what one write did."""
        self.added += written.added
        self.duplicates += written.duplicates
        self.slugs.update(written.slugs)


def run(job: Job, settings: Settings) -> Outcome:
    """Read one job and analyse each new article in it; never raises for a bad input."""
    try:
        docs, problems = ([job.document], []) if job.document else read(job, settings.fetch_links)
    except DocumentError as error:
        return Outcome([], [str(error)])
    except Exception as error:  # a reader's bug must not stop the others: one line, no traceback
        return Outcome([], [f"{job.target}: cannot be read ({type(error).__name__}: {error})."])
    items: list[Prepared | Seen] = []
    for doc in docs:
        name = job.target if len(docs) == 1 else f"{job.target} › {doc.title or doc.slug}"
        digest, key = content_hash(doc), url_key(doc.url)
        if digest in settings.hashes or key in settings.urls:
            items.append(Seen(name, digest, key))
        else:
            items.append(prepare(analyse(doc, default_gazetteer()), name, digest))
    return Outcome(items, problems)


_SETTINGS = Settings()  # a pool worker's, set once by _start_worker


def _start_worker(settings: Settings) -> None:
    """Keep the settings in a pool worker and load the gazetteer once."""
    global _SETTINGS
    _SETTINGS = settings
    default_gazetteer()


def _run_in_worker(job: Job) -> Outcome:
    """Run a job in a pool worker with its settings."""
    return run(job, _SETTINGS)


def _context() -> multiprocessing.context.BaseContext:
    """Return fork where it is safe (one thread: the command line), else spawn (the page)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@contextmanager
def outcomes(jobs: list[Job], settings: Settings, workers: int | None) -> Iterator[Iterator]:
    """Yield each job's outcome in order: from a process pool, or here for a few jobs."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < POOL_FROM:
        yield (run(job, settings) for job in jobs)
        return
    context = _context()
    if context.get_start_method() == "fork":
        default_gazetteer()  # loaded once here, shared by the forked workers
        preload(jobs)
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(settings,)) as pool:
        try:
            yield pool.map(_run_in_worker, jobs, chunksize=chunk)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # an error, ^C: stop reading
            raise


def process(store: Store, jobs: list[Job], report: Report, *, settings: Settings,
            workers: int | None = None, progress: Progress | None = None, batch: int = BATCH,
            replaces: dict[str, str] | None = None) -> Report:
    """Read, analyse and write jobs into the desk, a batch a transaction."""
    pending: list[Prepared | Seen] = []
    with outcomes(jobs, settings, workers) as results:
        for done, outcome in enumerate(results, 1):
            report.problems += outcome.problems
            if outcome.problems and not outcome.items:
                report.failed[jobs[done - 1].target] = outcome.problems[0]
            pending += outcome.items
            if len(pending) >= batch:
                report.take(store.add(pending, replaces))
                pending = []
            if progress:
                progress(done, len(jobs))
    if pending:
        report.take(store.add(pending, replaces))
    return report


def ingest(store: Store, inputs: list[str], *, fetch_links: bool = False,
           workers: int | None = None, progress: Progress | None = None,
           batch: int = BATCH) -> Report:
    """Read files, folders and URLs into the desk; return what was added, the duplicates and
    one `name: reason` line per input that could not be read."""
    found = plan(inputs)
    report = Report(problems=list(found.problems), skipped=list(found.skipped))
    hashes, urls = store.known()
    settings = Settings(fetch_links, hashes, urls)
    return process(store, found.jobs, report, settings=settings, workers=workers,
                   progress=progress, batch=batch)


def reanalyse(store: Store, *, workers: int | None = None, progress: Progress | None = None,
              batch: int = BATCH) -> int:
    """Analyse again, from their stored texts, the articles an older parser analysed (and only
    those); return how many."""
    jobs = [Job("stored", slug, store.document(slug, split_again=True))
            for slug in store.stale()]
    done, pending = 0, []
    with outcomes(jobs, Settings(), workers) as results:
        for count, outcome in enumerate(results, 1):
            pending += [item for item in outcome.items if isinstance(item, Prepared)]
            if len(pending) >= batch or count == len(jobs):
                done += store.replace_analyses(pending)
                pending = []
            if progress:
                progress(count, len(jobs))
    return done
