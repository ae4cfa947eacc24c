"""POST /v1/eval: `rag eval` on a QA set sent in the body or a bundled one named, with the
same validation (rag.eval.runner.load_set) and the same metrics."""
from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from rag.server.access import ApiError
from rag.server.errors import scrub
from rag.settings import REPO_ROOT

SETS_DIR = REPO_ROOT / "eval" / "sets"


def bundled_sets() -> list[str]:
    """"bundled/test" for eval/sets/bundled/test.jsonl, and so on."""
    if not SETS_DIR.is_dir():
        return []
    return sorted(f"{p.parent.name}/{p.stem}" for p in SETS_DIR.glob("*/*.jsonl"))


def _questions(body, limit: int):
    from rag.eval.runner import OPTIONAL, REQUIRED, EvalError, load_set
    if (body.set is None) == (body.questions is None):
        raise ApiError(400, "give either field 'set' (a bundled set: "
                            f"{', '.join(bundled_sets()) or 'none here'}) or field 'questions'",
                       "set")
    try:
        if body.set is not None:
            if body.set not in bundled_sets():
                raise ApiError(404, f"field 'set': no bundled set by that name (choose one of "
                                    f"{', '.join(bundled_sets()) or 'none here'})", "set")
            qs = load_set(SETS_DIR / f"{body.set}.jsonl")
        else:
            if not body.questions or len(body.questions) > limit:
                raise ApiError(400 if not body.questions else 413,
                               f"field 'questions' must hold 1 to {limit} questions", "questions")
            keep = set(REQUIRED) | set(OPTIONAL)
            with tempfile.TemporaryDirectory(prefix="rag-eval-") as d:
                path = Path(d) / "inline.jsonl"
                path.write_text("\n".join(json.dumps({k: v for k, v in q.model_dump().items()
                                                      if k in keep and v is not None},
                                                     ensure_ascii=False)
                                          for q in body.questions), encoding="utf-8")
                qs = load_set(path)
    except EvalError as e:
        raise ApiError(400, "field 'questions': " + scrub(str(e)).replace("inline.jsonl:", "line "),
                       "questions") from None
    if len(qs) > limit:
        raise ApiError(413, f"the set has {len(qs)} questions, over the limit of {limit} for "
                            "one request: run `rag eval` for larger sets", "set")
    return qs


def run_eval(body, settings, limit: int) -> dict:
    from rag.eval.configs import ConfigError
    from rag.eval.runner import public, run
    from rag.index import IndexStore
    qs = _questions(body, limit)
    if not IndexStore(settings.index_path).exists():
        raise ApiError(404, "this index has no documents yet: upload some first", "index")
    try:
        report = public(run([body.config], qs, replace(settings, llm="extractive"),
                            answers=body.answers, progress=False))
    except (ConfigError, ValueError) as e:
        raise ApiError(400, f"field 'config': {scrub(str(e))}", "config") from None
    cfg = report["configs"][body.config]
    return _finite({"set": report["set"], "n": report["n"], "index": settings.index, **cfg})


def _finite(obj):
    """NaN and infinities (an empty group's mean) as null: JSON has no NaN."""
    import math
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj
