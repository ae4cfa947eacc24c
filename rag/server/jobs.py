"""Background ingest jobs for uploads: one writer at a time, their state kept in memory.

An upload is saved to a private temporary folder, ingested by a single worker thread (index
writes are serialized, as in the UI), then the folder is deleted: the index keeps what it
needs. Job records are forgotten oldest first beyond MAX_JOBS.
"""
from __future__ import annotations

import logging
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

log = logging.getLogger("rag.server")
MAX_JOBS = 1000


class Jobs:
    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rag-ingest")
        self._jobs: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, api, folder: Path, files: list[Path], rejected: list[str], profile: dict,
               on_done=None) -> dict:
        """Queue an ingest of `files` (inside `folder`, deleted afterwards) into `api`'s index."""
        job = {"id": uuid.uuid4().hex, "index": api.settings.index,
               "status": "queued" if files else "failed", "files": [p.name for p in files],
               "rejected": rejected, "added": [], "updated": [], "unchanged": [], "skipped": [],
               "error": None if files else "no file was accepted", "created": time.time(),
               "finished": None if files else time.time()}
        with self._lock:
            self._jobs[job["id"]] = job
            while len(self._jobs) > MAX_JOBS:
                self._jobs.popitem(last=False)
        if files:
            self._pool.submit(self._run, job, api, folder, files, profile, on_done)
        else:
            shutil.rmtree(folder, ignore_errors=True)
        return dict(job)

    def get(self, job_id: str) -> dict | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return dict(job) if job else None

    def _run(self, job, api, folder, files, profile, on_done) -> None:
        from rag.limits import LimitError
        job["status"] = "running"
        try:
            result, report = api.ingest(files, profile=profile or None)
            job.update(added=list(report.added), updated=list(report.updated),
                       unchanged=list(report.unchanged),
                       skipped=[f"{Path(s.path).name}: {_scrub(s.reason)}" for s in result.skipped],
                       status="done")
        except LimitError as e:
            job.update(status="failed", error=_scrub(str(e)))
        except Exception as e:                # the reason goes to the log, not to the client
            log.error("ingest job %s failed", job["id"], exc_info=e)
            job.update(status="failed", error="the ingest failed; the server log has the reason")
        finally:
            job["finished"] = time.time()
            shutil.rmtree(folder, ignore_errors=True)
        if on_done:
            try:
                on_done(job)
            except Exception as e:
                log.error("after ingest job %s: %s", job["id"], type(e).__name__)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _scrub(text: str) -> str:
    """Absolute paths (the temporary folder) cut to their file names."""
    import re
    return re.sub(r"(?:[A-Za-z]:)?(?:[\\/][^\s\\/'\"<>:;,，。]+){2,}[\\/]?",
                  lambda m: m.group(0).rstrip("\\/").replace("\\", "/").rsplit("/", 1)[-1], text)
