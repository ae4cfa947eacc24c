"""`rag eval`: run QA sets through named configurations and report retrieval and answer metrics.

Every configuration sees the same questions; retrieval is scored on the top 10, answers on
what the answer chain returns. Results go to <out>/report.json, report.md and report.html;
`--check BASELINE` turns the run into a regression test.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from rag.eval import metrics as M

K = 10                                   # passages retrieved and scored per question
DEFAULT_OUT = Path("eval/out")
TOLERANCE = 0.03                         # --check: allowed drop below the baseline
CHECKED = ("hit@5", "citation_precision")
REQUIRED = {"id": str, "question": str, "lang": str, "type": str,
            "gold_quotes": list, "answer_keywords": list}
OPTIONAL = {"unanswerable": bool, "date_inferred": bool, "source": str, "near_miss": str}
LANGS = ("zh", "en")
RETRIEVAL_KEYS = ("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10",
                  "quote_recall@5", "all_quotes@5", "wrong_year@1", "hit@5_lenient")
ANSWER_KEYS = ("citation_precision", "citation_recall", "faithfulness", "keyword_recall",
               "abstention_correct", "wrong_year_cited")
KEYS = RETRIEVAL_KEYS + ANSWER_KEYS
STAGES = ("retrieve", "answer", "total")

try:                                     # one threshold for the verifier and the evaluator
    from rag.answer.verify import SUPPORT_THRESHOLD
except ImportError:                      # pragma: no cover - answer layer absent
    SUPPORT_THRESHOLD = 0.5


class EvalError(Exception):
    """A bad set, baseline or configuration; the message names the file, line and field."""


@dataclass
class Question:
    id: str
    question: str
    lang: str
    type: str
    gold_quotes: list[str]
    answer_keywords: list[str]
    unanswerable: bool = False
    date_inferred: bool = False
    source: str | None = None
    near_miss: str | None = None       # kind of near miss, for unanswerable questions
    set: str = ""
    where: str = ""                      # "file:line", for messages


# ---------------------------------------------------------------- sets


def read_lines(path: Path, encoding: str = "utf-8") -> list[str]:
    """A set file's lines; an unreadable or non-UTF-8 file is an EvalError naming it."""
    try:
        return Path(path).read_text(encoding=encoding).splitlines()
    except OSError as e:
        raise EvalError(f"{path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise EvalError(f"{path}: not UTF-8 text") from None


def load_set(path: Path) -> list[Question]:
    """Parse and validate one JSON-lines set; raise EvalError naming file:line and field.

    CSV and XLSX files go through `rag.eval.importer`, which skips malformed rows (each
    reported on stderr) instead of stopping.
    """
    path = Path(path)
    if path.suffix.lower() in (".csv", ".xlsx"):
        from rag.eval.importer import read_table_set
        result = read_table_set(path)
        for err in result.errors:
            print(f"rag eval: skipped {err}", file=sys.stderr)
        if not result.items:
            raise EvalError(f"{path}: no usable rows")
        return [question_of(obj, f"{path}: row {row}", _set_name(path), {})
                for row, obj in result.items]
    lines = read_lines(path, "utf-8")
    out: list[Question] = []
    seen: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(f"{where}: invalid JSON ({e.msg})") from None
        out.append(question_of(obj, where, _set_name(path), seen))
    if not out:
        raise EvalError(f"{path}: no questions")
    return out


def question_of(obj, where: str, set_name: str, seen: dict[str, str]) -> Question:
    """One validated question from a set line's object; `seen` maps ids to where they were
    first seen (updated). Raises EvalError naming `where` and the field."""
    if not isinstance(obj, dict):
        raise EvalError(f"{where}: expected a JSON object")
    if "draft" in obj:
        raise EvalError(f"{where}: field 'draft': a drafted question nobody has reviewed; accept "
                        "drafts with `rag eval accept DRAFTS.jsonl --out SET.jsonl` or in the "
                        "Evaluation tab")
    for name, typ in REQUIRED.items():
        if name not in obj:
            raise EvalError(f"{where}: missing field '{name}'")
    for name, value in obj.items():
        typ = REQUIRED.get(name) or OPTIONAL.get(name)
        if typ is None:
            raise EvalError(f"{where}: unknown field '{name}' (fields: "
                            f"{', '.join([*REQUIRED, *OPTIONAL])})")
        if not isinstance(value, typ):
            raise EvalError(f"{where}: field '{name}' must be {typ.__name__}, got {value!r}")
    for name in ("gold_quotes", "answer_keywords"):
        if not all(isinstance(x, str) and x.strip() for x in obj[name]):
            raise EvalError(f"{where}: field '{name}' must be a list of non-empty strings")
    for name in ("id", "question", "type"):
        if not obj[name].strip():
            raise EvalError(f"{where}: field '{name}' is empty")
    if obj["lang"] not in LANGS:
        raise EvalError(f"{where}: field 'lang' must be one of {', '.join(LANGS)}, "
                        f"got {obj['lang']!r}")
    unans = obj.get("unanswerable", False)
    if not unans and not obj["gold_quotes"]:
        raise EvalError(f"{where}: field 'gold_quotes' is empty (answerable questions need "
                        "at least one; mark others \"unanswerable\": true)")
    if obj["id"] in seen:
        first = seen[obj["id"]].rsplit(":", 1)[-1].strip()
        raise EvalError(f"{where}: field 'id': duplicate id {obj['id']!r} "
                        f"(first on line {first})")
    seen[obj["id"]] = where
    return Question(**{k: obj[k] for k in REQUIRED}, unanswerable=unans,
                    date_inferred=obj.get("date_inferred", False),
                    source=obj.get("source"), near_miss=obj.get("near_miss"),
                    set=set_name, where=where)


def _set_name(path: Path) -> str:
    """"bundled/test" for eval/sets/bundled/test.jsonl (a set's tune and test parts share
    their folder's name), else the file's stem."""
    if path.stem in ("tune", "test") and path.parent.name:
        return f"{path.parent.name}/{path.stem}"
    return path.stem


def load_sets(paths) -> list[Question]:
    questions: list[Question] = []
    seen: dict[tuple[str, str], str] = {}
    for p in paths:
        for q in load_set(p):
            if (q.set, q.id) in seen:
                raise EvalError(f"{q.where}: field 'id': {q.id!r} also in {seen[(q.set, q.id)]}")
            seen[(q.set, q.id)] = q.where
            questions.append(q)
    return questions


# ---------------------------------------------------------------- one question


def _claims(answer) -> list[tuple[str, list[str]]]:
    """(sentence without [n] markers, texts of the passages it cites) for each claim.

    Framing is skipped the way the verifier skips it: lead-ins ending in a colon
    ("据《…》："), the abstention sentence and sentences of fewer than MIN_CLAIM_UNITS units.
    """
    from rag.answer.base import ABSTAIN
    from rag.answer.verify import FLAG, MIN_CLAIM_UNITS, parse_markers, split_claims, strip_markers
    from rag.textsim import units

    by_n = {c.n: c.text for c in answer.citations}
    text = answer.answer
    for flag in FLAG.values():
        text = text.replace(flag, "")
    claims = []
    for s, e in split_claims(text):
        raw = text[s:e]
        sentence = strip_markers(raw).strip()
        if (not sentence or sentence in ABSTAIN.values() or sentence.endswith((":", "："))
                or len(units(sentence)) < MIN_CLAIM_UNITS):
            continue
        cited = [by_n[k] for k in dict.fromkeys(parse_markers(raw)) if k in by_n]
        claims.append((sentence, cited))
    return claims


def _wrong_year(cfg, q: Question, doc_id: str | None, text: str = "") -> float | None:
    """1.0 when the question names a year and the passage comes from another year's document:
    neither the document's year nor the years it covers (its profile) include a named year,
    and the passage itself does not name it (a 2019 speech reviewing 2018 is about 2018) nor
    holds one of the question's gold quotes (which the set's author took from the right year).
    None when that cannot be judged (no year named, no profile)."""
    from rag.retrieve.resolve import question_years
    years = set(question_years(q.question))
    period = getattr(cfg, "doc_years", lambda _d: None)(doc_id) if doc_id else None
    if not years or not period:
        return None
    if any(str(y) in text for y in years) or (text and any(M.relevant_flags([text], q.gold_quotes))):
        return 0.0
    return float(not (years & period))


def evaluate_question(cfg, q: Question, answers: bool = True) -> dict:
    """Retrieve (and answer) one question with one configuration; the per-question row."""
    t0 = time.perf_counter()
    hits = cfg.retrieve(q.question, K)
    retrieve_ms = (time.perf_counter() - t0) * 1000
    texts = [h.chunk.text for h in hits]
    row = {"id": q.id, "set": q.set, "type": q.type, "lang": q.lang, "question": q.question,
           "unanswerable": q.unanswerable, "near_miss": q.near_miss, "date_inferred": q.date_inferred,
           "gold_quotes": q.gold_quotes, "retrieved": [h.chunk.id for h in hits],
           "top3": [t[:300] for t in texts[:3]]}
    gold = q.gold_quotes
    if q.unanswerable:
        row.update({key: None for key in RETRIEVAL_KEYS})
    else:
        flags = M.relevant_flags(texts, gold)
        row.update({f"hit@{k}": M.hit_at_k(flags, k) for k in (1, 3, 5, 10)})
        row["mrr@10"] = M.reciprocal_rank(flags, K)
        row["ndcg@10"] = M.ndcg_at_k(flags, K, len(gold))
        row["quote_recall@5"] = M.quote_recall_at_k(texts, gold, 5)
        row["all_quotes@5"] = float(M.all_quotes_at_k(texts, gold, 5))
        # beside the strict figure: matched after normalisation (see docs/metrics.md)
        row["hit@5_lenient"] = M.hit_at_k(M.relevant_flags(texts, gold, strict=False), 5)
        row["wrong_year@1"] = _wrong_year(cfg, q, hits[0].chunk.doc_id if hits else None,
                                          hits[0].chunk.text if hits else "")
    row.update({key: None for key in ANSWER_KEYS})
    row.update(retrieve_ms=retrieve_ms, answer_ms=None, total_ms=retrieve_ms,
               answer=None, citations=None, abstained=None, declined_by=None, declined_checks=None)
    if answers and hasattr(cfg, "answer"):
        t1 = time.perf_counter()
        ans = cfg.answer(q.question)
        wall = (time.perf_counter() - t1) * 1000
        # The chain retrieves again (its own k); that part is already counted as "retrieve".
        answer_ms = max(0.0, wall - float(ans.timings_ms.get("retrieve", 0.0)))
        cited = [c.text for c in ans.citations]
        row.update(answer_ms=answer_ms, total_ms=retrieve_ms + answer_ms, answer=ans.answer,
                   citations=[c.id for c in ans.citations], abstained=bool(ans.abstained),
                   declined_by=getattr(ans, "declined_by", None),
                   declined_checks="+".join(getattr(ans, "declined_checks", None) or []) or None)
        row["abstention_correct"] = float(bool(ans.abstained) == q.unanswerable)
        row["faithfulness"] = M.faithfulness(_claims(ans), SUPPORT_THRESHOLD)
        if not q.unanswerable:
            row["citation_precision"] = M.citation_precision(cited, gold)
            row["citation_recall"] = M.citation_recall(cited, gold)
            row["keyword_recall"] = M.keyword_recall(q.answer_keywords, ans.answer)
            first = ans.citations[0] if ans.citations else None
            row["wrong_year_cited"] = _wrong_year(cfg, q, first.id.split(":")[0] if first else None,
                                                  first.text if first else "")
    return row


# ---------------------------------------------------------------- aggregation


def _latency(rows: list[dict]) -> dict:
    out = {}
    for stage in STAGES:
        vals = [r[f"{stage}_ms"] for r in rows if r.get(f"{stage}_ms") is not None]
        out[stage] = {"p50": M.percentile(vals, 50), "p95": M.percentile(vals, 95),
                      "mean": M.mean_or_none(vals), "n": len(vals)}
    return out


def summarize(rows: list[dict]) -> dict:
    """{"metrics": overall incl. abstention and latency, "by_type": ..., "by_lang": ...}."""
    metrics = M.aggregate(rows, KEYS)
    pairs = [(r["abstained"], r["unanswerable"]) for r in rows if r["abstained"] is not None]
    metrics["abstention"] = M.abstention_scores(pairs) if pairs else None
    if pairs:
        # declines on unanswerable questions by kind of near miss, and false declines
        kinds: dict[str, list[bool]] = {}
        for r in rows:
            if r["unanswerable"] and r["abstained"] is not None:
                kinds.setdefault(r.get("near_miss") or "other", []).append(bool(r["abstained"]))
        metrics["abstention_by_kind"] = {k: {"declined": sum(v), "n": len(v)}
                                         for k, v in sorted(kinds.items())}
        answerable = [r for r in rows if not r["unanswerable"] and r["abstained"] is not None]
        metrics["false_abstentions"] = {"n": sum(bool(r["abstained"]) for r in answerable),
                                        "of": len(answerable)}
        # which step declined (rag.types.Answer.declined_by), on both sides of the decision
        metrics["declined_by"] = {side: dict(sorted(Counter(r.get("declined_by") or "answerer" for r in rows
                                                            if r["abstained"] and r["unanswerable"] == un).items()))
                                  for side, un in (("unanswerable", True), ("answerable", False))}
        # of the constraint check's declines, which checks ruled out the nearest sentence
        metrics["declined_by_check"] = {
            side: dict(sorted(Counter(r.get("declined_checks") or "none" for r in rows
                                      if r["abstained"] and r["unanswerable"] == un
                                      and r.get("declined_by") == "constraints").items()))
            for side, un in (("unanswerable", True), ("answerable", False))}
    metrics["latency_ms"] = _latency(rows)
    return {"metrics": metrics, "by_type": M.group_by(rows, "type", KEYS),
            "by_lang": M.group_by(rows, "lang", KEYS)}


def set_name(questions: list[Question]):
    names = list(dict.fromkeys(q.set for q in questions))
    return names[0] if len(names) == 1 else names


def run(config_names: list[str], questions: list[Question], settings, answers: bool = True,
        progress: bool = True, on_progress=None) -> dict:
    """Evaluate every configuration on the questions; the full report (with per-question rows).

    `on_progress(done, total, config_name)` is called after each question (the UI's bar)."""
    from tqdm import tqdm

    from rag.eval.configs import build_config, check_names

    check_names(config_names)
    configs = {}
    with tqdm(total=len(config_names) * len(questions), unit="q", file=sys.stderr,
              disable=not progress, dynamic_ncols=True) as bar:
        for name in config_names:
            bar.set_description(f"{name}: loading")
            cfg = build_config(name, settings)
            _warm_up(cfg, questions[0], answers)
            bar.set_description(name)
            rows = []
            for q in questions:
                rows.append(evaluate_question(cfg, q, answers))
                bar.update(1)
                if on_progress is not None:
                    on_progress(bar.n, bar.total, name)
            configs[name] = {**summarize(rows), "rows": rows,
                             "describe": getattr(cfg, "describe", lambda: name)()}
    return {"set": set_name(questions), "n": len(questions), "configs": configs,
            "meta": {"llm": settings.llm if answers else None, "embedder": settings.embedder,
                     "k": K, "answers": answers, "support_threshold": SUPPORT_THRESHOLD,
                     "created": time.strftime("%Y-%m-%dT%H:%M:%S")}}


def _warm_up(cfg, q: Question, answers: bool) -> None:
    """Load models and indexes before timing, so the first question's latency is not the load."""
    cfg.retrieve(q.question, K)
    if answers and hasattr(cfg, "answer"):
        cfg.answer(q.question)


def public(report: dict) -> dict:
    """The `--json` shape: no per-question rows."""
    return {"set": report["set"], "n": report["n"],
            "configs": {name: {k: c[k] for k in ("metrics", "by_type", "by_lang")}
                        for name, c in report["configs"].items()}}


# ---------------------------------------------------------------- baseline


def load_baseline(path: Path) -> dict:
    try:
        base = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalError(f"{path}: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise EvalError(f"{path}: invalid JSON ({e.msg})") from None
    if not isinstance(base, dict) or not isinstance(base.get("configs"), dict):
        raise EvalError(f'{path}: expected {{"set": ..., "configs": {{NAME: {{"hit@5": x, '
                        f'"citation_precision": y}}}}}}')
    return base


def check_baseline(report: dict, path: Path) -> tuple[list[str], list[str]]:
    """(failures, notes) comparing hit@5 and citation precision with a baseline file."""
    base = load_baseline(path)
    failures, notes = [], []
    if "set" in base and base["set"] != report["set"]:
        failures.append(f"baseline {path} is for set {base['set']!r}, this run is {report['set']!r}")
    compared = False
    for name, cfg in report["configs"].items():
        want = base["configs"].get(name)
        if not isinstance(want, dict):
            notes.append(f"{name}: not in baseline {path}, not checked")
            continue
        for key in CHECKED:
            if want.get(key) is None:
                continue
            got = cfg["metrics"].get(key)
            if got is None:
                notes.append(f"{name}: {key} not measured in this run (--no-answers?), not checked")
                continue
            compared = True
            drop = float(want[key]) - got
            line = f"{name}: {key} {got:.3f} vs baseline {float(want[key]):.3f}"
            if drop > TOLERANCE:
                failures.append(f"{line} — {drop:.3f} below, more than the {TOLERANCE} allowed")
            else:
                notes.append(line + " ok")
    if not compared and not failures:
        failures.append(f"nothing to compare: none of {', '.join(report['configs'])} has "
                        f"{' or '.join(CHECKED)} in {path}")
    return failures, notes


def baseline_of(report: dict, command: str) -> dict:
    return {"set": report["set"], "n": report["n"], "command": command,
            "llm": report["meta"]["llm"], "embedder": report["meta"]["embedder"],
            "created": report["meta"]["created"],
            "configs": {name: {k: (round(c["metrics"][k], 4) if c["metrics"][k] is not None else None)
                               for k in CHECKED}
                        for name, c in report["configs"].items()}}


# ---------------------------------------------------------------- command


def run_eval(args, settings) -> int:
    """The `rag eval` command; returns the exit status (1 when --check fails, 2 on bad input)."""
    from rag.answer.base import AnswerError
    from rag.eval.configs import ConfigError, check_names
    from rag.eval.report import rounded, to_markdown, write_reports

    names = list(dict.fromkeys(args.configs or ["default"]))
    answers = not getattr(args, "no_answers", False)
    settings = replace(settings, llm=getattr(args, "llm", None) or "extractive")
    try:
        check_names(names)
        questions = load_sets(args.sets)
        if getattr(args, "check", None):
            load_baseline(args.check)          # a bad baseline fails before minutes of work
        report = run(names, questions, settings, answers=answers)
    except (EvalError, ConfigError, AnswerError) as e:
        print(f"rag eval: {e}", file=sys.stderr)
        return 2
    out = Path(getattr(args, "out", None) or DEFAULT_OUT)
    paths = write_reports(report, out)
    if getattr(args, "json", False):
        print(json.dumps(rounded(public(report)), ensure_ascii=False, indent=2))
    else:
        print(to_markdown(report))
    print("reports: " + ", ".join(str(p) for p in paths), file=sys.stderr)

    target = getattr(args, "write_baseline", None)
    if target:
        cmd = "rag eval " + " ".join(map(str, args.sets)) + "".join(f" --config {n}" for n in names)
        if settings.llm != "extractive":
            cmd += f" --llm {settings.llm}"
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text(json.dumps(baseline_of(report, cmd + f" --write-baseline {target}"),
                                           ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"baseline written to {target}", file=sys.stderr)

    if getattr(args, "check", None):
        try:
            failures, notes = check_baseline(report, args.check)
        except EvalError as e:
            print(f"rag eval: {e}", file=sys.stderr)
            return 2
        for n in notes:
            print(f"check: {n}", file=sys.stderr)
        if failures:
            print("rag eval: baseline check FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
            return 1
        print(f"check: passed against {args.check}", file=sys.stderr)
    return 0
