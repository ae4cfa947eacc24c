"""Evaluation runs as background jobs, kept in a small store under the index folder.

`<index folder>/eval/runs/<run id>/` holds `status.json` (state, progress, configurations,
set, date, headline figures) and, once done, the reports (report.json/.md/.html). A page
that reloads finds its run again by id; the list of runs shows how changes moved the
numbers. Sets saved from reviewed drafts live in `<index folder>/eval/sets/NAME.jsonl`.
"""
from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path

from rag.eval.runner import EvalError

HEADLINE = ("hit@5", "hit@5_lenient", "mrr@10", "citation_precision", "citation_recall",
            "keyword_recall", "faithfulness")
SET_NAME = re.compile(r"^[\w\-\u4e00-\u9fff]{1,60}$")
_write_lock = threading.Lock()
_live: set[str] = set()          # runs whose thread lives in this process


class EvalStore:
    """Runs and saved sets of one index (its folder is `settings.index_path`)."""

    def __init__(self, index_path: Path):
        self.root = Path(index_path) / "eval"
        self.runs_dir = self.root / "runs"
        self.sets_dir = self.root / "sets"

    # ------------------------------------------------------------ runs

    def run_dir(self, run_id: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{12}", run_id or ""):
            raise EvalError(f"no evaluation run {run_id!r}")
        return self.runs_dir / run_id

    def status(self, run_id: str) -> dict:
        path = self.run_dir(run_id) / "status.json"
        try:
            return _interrupted(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            raise EvalError(f"no evaluation run {run_id!r}") from None

    def _write(self, run_id: str, status: dict) -> None:
        d = self.run_dir(run_id)
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / "status.json.tmp"
        with _write_lock:
            tmp.write_text(json.dumps(status, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(d / "status.json")

    def runs(self) -> list[dict]:
        """Every run's status, newest first."""
        out = []
        for d in self.runs_dir.glob("*/status.json") if self.runs_dir.is_dir() else []:
            try:
                out.append(_interrupted(json.loads(d.read_text(encoding="utf-8"))))
            except (OSError, ValueError):
                continue
        return sorted(out, key=lambda s: s.get("created", ""), reverse=True)

    def report(self, run_id: str) -> dict | None:
        path = self.run_dir(run_id) / "report.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def report_file(self, run_id: str, kind: str) -> Path | None:
        if kind not in ("json", "html", "md"):
            raise EvalError(f"report kind must be json, html or md, got {kind!r}")
        path = self.run_dir(run_id) / f"report.{kind}"
        return path if path.exists() else None

    def start(self, set_path: Path, configs: list[str], settings, llm: str | None = None,
              set_label: str | None = None, wait: bool = False) -> str:
        """Start evaluating the set in a background thread; returns the run id at once."""
        from rag.eval.configs import check_names
        from rag.eval.runner import load_sets

        configs = list(dict.fromkeys(configs or ["default"]))
        check_names(configs)
        questions = load_sets([set_path])        # a bad set fails here, not in the thread
        run_id = uuid.uuid4().hex[:12]
        status = {"id": run_id, "index": settings.index, "set": set_label or Path(set_path).stem,
                  "configs": configs, "llm": llm or "extractive", "n": len(questions),
                  "created": time.strftime("%Y-%m-%d %H:%M:%S"), "state": "running",
                  "done": 0, "total": len(questions) * len(configs), "current": configs[0],
                  "error": None, "figures": {}}
        self._write(run_id, status)
        _live.add(run_id)
        job = threading.Thread(target=self._run, args=(run_id, status, questions, configs,
                                                       replace(settings, llm=llm or "extractive")),
                               name=f"eval-{run_id}", daemon=True)
        job.start()
        if wait:
            job.join()
        return run_id

    def _run(self, run_id, status, questions, configs, settings) -> None:
        from rag.eval.report import write_reports
        from rag.eval.runner import run

        last = [0.0]

        def progress(done, total, name):
            now = time.monotonic()
            if now - last[0] < 0.5 and done < total:     # at most two writes a second
                return
            last[0] = now
            self._write(run_id, {**status, "done": done, "total": total, "current": name})

        try:
            report = run(configs, questions, settings, answers=True, progress=False,
                         on_progress=progress)
            write_reports(report, self.run_dir(run_id))
            figures = {name: {k: c["metrics"].get(k) for k in HEADLINE}
                       for name, c in report["configs"].items()}
            self._write(run_id, {**status, "state": "done", "done": status["total"],
                                 "figures": figures,
                                 "finished": time.strftime("%Y-%m-%d %H:%M:%S")})
        except Exception as e:                       # shown to the user on the page
            self._write(run_id, {**status, "state": "failed", "error": f"{type(e).__name__}: {e}"})
        finally:
            _live.discard(run_id)

    # ------------------------------------------------------------ saved sets

    def sets(self) -> list[Path]:
        return sorted(self.sets_dir.glob("*.jsonl")) if self.sets_dir.is_dir() else []

    def save_set(self, name: str, items: list[dict]) -> Path:
        if not SET_NAME.fullmatch(name or ""):
            raise EvalError(f"set name {name!r}: use letters, digits, '-' or '_' (up to 60)")
        if not items:
            raise EvalError("nothing accepted: accept or edit at least one draft before saving")
        self.sets_dir.mkdir(parents=True, exist_ok=True)
        path = self.sets_dir / f"{name}.jsonl"
        path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in items),
                        encoding="utf-8")
        return path


def _interrupted(status: dict) -> dict:
    """A run still marked running whose thread is not in this process: the server stopped."""
    if status.get("state") == "running" and status.get("id") not in _live:
        return {**status, "state": "failed",
                "error": "interrupted: the server stopped during the run; start it again"}
    return status


def bundled_sets(repo: Path | None = None) -> list[Path]:
    """The sets shipped with the repository (eval/sets/*/*.jsonl), when it is there."""
    root = (repo or Path(__file__).resolve().parents[2]) / "eval" / "sets"
    return sorted(root.glob("*/*.jsonl")) if root.is_dir() else []
