"""Implementations of the `rag` subcommands (argument parsing lives in rag.cli)."""
from __future__ import annotations

import json


class UserError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _api(settings):
    from rag.api import RAG
    return RAG(settings)


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def cmd_ingest(args, settings):
    from rag.embed.base import EmbedderError
    from rag.index import IndexMismatch
    from rag.limits import LimitError
    api = _api(settings)
    given = {k: getattr(args, k, None) for k in ("title", "kind", "place", "level", "year", "period")}
    try:
        result, report = api.ingest(args.paths or None, rebuild=args.rebuild,
                                    profile={k: v for k, v in given.items() if v is not None})
    except (IndexMismatch, EmbedderError, LimitError) as e:
        raise UserError(str(e)) from None
    docs = [{**d.counts(), "profile": d.document.profile, "warnings": _warnings(d)}
            for d in result.docs]
    skipped = [{"path": s.path, "reason": s.reason, "kind": s.kind} for s in result.skipped]
    if args.json:
        _print_json({"index": settings.index, "documents": docs, "skipped": skipped,
                     "metadata": result.sidecars, "update": report.to_dict(),
                     "throughput": _throughput(result, report)})
    else:
        print(f"index '{settings.index}' ({settings.index_path}), vectors in {settings.store}")
        from rag.ingest.profile import DocProfile
        for d in docs:
            print(f"  {d['doc_id']}: {d['title']} — {_layout(d)}{d['paragraphs']} paragraphs, "
                  f"{d['chunks']} chunks, {d['dated']} dated ({_encoding(d)})")
            print(f"    profile: {DocProfile.from_dict(d['profile']).describe()}")
            for w in d["warnings"]:
                print(f"    warning: {w}")
        for path in result.sidecars:
            print(f"  metadata {path}: document profiles for the files beside it")
        for s in skipped:
            print(f"  skipped {s['path']}: {s['reason']}")
        print("  " + _tally(len(docs), skipped))
        r = report.to_dict()
        print(f"  added {len(r['added'])}, updated {len(r['updated'])}, unchanged "
              f"{len(r['unchanged'])}, removed {len(r['removed'])}; embedded "
              f"{r['embedded_chunks']} chunks, reused {r['reused_chunks']}"
              + (f" ({r['tokens_per_s']:.0f} tokens/s)" if r["tokens_per_s"] else "")
              + f" in {r['seconds']:.1f} s")
        print("  " + _throughput_line(_throughput(result, report)))
    if not result.docs and result.skipped and not report.unchanged:
        return 1
    return 0


def _layout(d: dict) -> str:
    """"3 pages (2 OCR'd, mean confidence 0.91), 1 table, " for what the file has of these."""
    parts = []
    if d.get("pages"):
        ocr = (f" ({d['ocr_pages']} OCR'd, mean confidence {d['ocr_confidence']:.2f})"
               if d.get("ocr_pages") and d.get("ocr_confidence") is not None else "")
        parts.append(f"{d['pages']} page{'s' if d['pages'] != 1 else ''}{ocr}")
    if d.get("tables"):
        parts.append(f"{d['tables']} table{'s' if d['tables'] != 1 else ''}")
    return "".join(p + ", " for p in parts)


def _throughput(result, report) -> dict:
    """Chunks and tokens per second over the whole ingest: reading, chunking and indexing
    (embedding only the chunks not seen before, so a re-ingest is faster)."""
    from rag.index.store import index_text
    from rag.ingest.chunker import count_tokens
    chunks = [c for d in result.docs for c in d.chunks]
    tokens = sum(count_tokens(index_text(c)) for c in chunks)
    secs = max(result.seconds + report.seconds, 1e-9)
    return {"chunks": len(chunks), "tokens": tokens, "seconds": round(secs, 3),
            "chunks_per_s": round(len(chunks) / secs, 2), "tokens_per_s": round(tokens / secs, 1)}


def _throughput_line(t: dict) -> str:
    return (f"throughput: {t['chunks']:,} chunks, {t['tokens']:,} tokens in {t['seconds']:.1f} s"
            f" — {t['chunks_per_s']:,.1f} chunks/s, {t['tokens_per_s']:,.0f} tokens/s")


def _encoding(d: dict) -> str:
    if not d["encoding"]:
        return "binary format"
    conf = d.get("encoding_confidence")
    from rag.ingest.encoding import LOW_CONFIDENCE
    return d["encoding"] + (f", confidence {conf:.2f}" if conf is not None and conf < LOW_CONFIDENCE else "")


def _tally(ingested: int, skipped: list[dict]) -> str:
    """"12 entries: 9 read, 3 skipped (2 hidden, 1 readme)": every entry given is counted."""
    kinds: dict[str, int] = {}
    for s in skipped:
        kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    return (f"{ingested + len(skipped)} entries: {ingested} read, {len(skipped)} skipped"
            + (f" ({detail})" if detail else ""))


def _warnings(doc) -> list[str]:
    """What the ingest report should point out about one document."""
    from rag.ingest.profile import DocProfile
    prof = DocProfile.from_dict(doc.document.profile)
    out = [f"{f} could not be inferred: give it with --{f} or in {_sidecar()}" for f in prof.missing()]
    undated = doc.counts().get("undated_entries") or 0
    if undated:
        out.append(f"{undated} chronicle entries have no date (their layout was not recognised)")
    out += [f"encoding: {w}" for w in doc.encoding_warnings] + list(doc.notes)
    if doc.same_as:
        from pathlib import Path
        out.append(f"same text as {Path(doc.same_as).name} (both are indexed)")
    note = flag_note(len(doc.document.flagged), doc.document.title_flagged)
    return out + ([note] if note else [])


def flag_note(n: int, title: bool) -> str | None:
    """The warning for a document holding instruction-like text (rag.ingest.instructions)."""
    parts = ([f"{n} instruction-like sentence{'s' if n != 1 else ''}"] if n else []) + (["its title"] if title else [])
    if not parts:
        return None
    return f"{' and '.join(parts)} flagged as possible prompt injection: kept as data, never used as answer evidence"


def _sidecar() -> str:
    from rag.ingest.pipeline import METADATA_FILE
    return METADATA_FILE


def cmd_chunks(args, settings):
    idx = _api(settings).load_index(check=False)
    for c in idx.chunks:
        if args.doc and c.doc_id != args.doc:
            continue
        _print_json(c.public())


def cmd_status(args, settings):
    st = _api(settings).status()
    if args.json:
        _print_json(st)
        return
    if not st["exists"]:
        print(f"no index '{settings.index}' yet: run `rag ingest`")
        return 1
    print(f"index '{st['name']}': {st['documents']} documents, {st['chunks']} chunks, "
          f"embedder {st['embedder']}, vectors in {_store_text(st)}, updated {st['updated']}")
    from rag.ingest.profile import DocProfile
    for d in st["docs"]:
        prof = DocProfile.from_dict(d.get("profile"), d.get("title") or "")
        print(f"  {d['doc_id']}: {d['title']} ({d['chunks']} chunks) — {prof.describe()}")
        note = flag_note(d.get("flagged") or 0, bool(d.get("title_flagged")))
        if note:
            print(f"    warning: {note}")


def _store_text(st: dict) -> str:
    return f"faiss ({st['faiss']})" if st["store"] == "faiss" else st["store"]


def cmd_remove(args, settings):
    report = _api(settings).remove(args.doc_ids)
    print(f"removed {', '.join(report.removed) or 'nothing'}")
    return 0 if report.removed else 1


def _questions(args):
    if args.batch:
        try:
            lines = args.batch.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise UserError(f"{args.batch}: {e.strerror}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)["question"]
            except (ValueError, KeyError, TypeError):
                raise UserError(f"{args.batch}:{n}: expected a JSON object with a 'question' field") from None
            yield q
    elif args.question:
        yield args.question
    else:
        raise UserError("give a question, or --batch FILE.jsonl")


def _filters(args) -> dict:
    return {"docs": args.docs, "date_from": args.date_from, "date_to": args.date_to}


def cmd_retrieve(args, settings):
    api = _api(settings)
    for q in _questions(args):
        r = api.retrieve(q, **_filters(args))
        if args.json or args.batch:
            _print_json(r.to_dict())
        else:
            print(f"{q}\n  ({r.understanding_text()})")
            for h in r.hits:
                c = h.chunk
                print(f"[{h.rank}] {h.score:.4f} {c.doc_title} · {c.section or '-'} · {c.date or '-'}")
                print("    " + c.text[:160].replace("\n", " "))


def cmd_ask(args, settings):
    api = _api(settings)
    for q in _questions(args):
        if args.json or args.batch:
            _print_json(api.ask(q, **_filters(args)).to_dict())
            continue
        answer = None
        for ev in api.stream(q, **_filters(args)):
            if ev["type"] == "token":
                print(ev["text"], end="", flush=True)
            elif ev["type"] == "reset":          # the streamed draft is replaced
                print(f"\n\n({ev.get('notice') or 'answer replaced'})\n", flush=True)
            elif ev["type"] == "answer":
                answer = ev["answer"]
        print()
        if answer is None:
            continue
        if answer.notice:
            print(f"\n({answer.notice})")
        if answer.citations:
            print("\nSources:")
            for c in answer.citations:
                mark = "" if c.verified else "  [unverified]"
                page = f" · p. {c.page}" if c.page is not None else ""
                print(f"[{c.n}] {c.doc_title} · {c.section or '-'} · {c.date or '-'}{page}{mark}")
                print(f"    “{c.quote}”")
        elif answer.abstained and answer.hits:
            print("\nNearest passages:")
            for h in answer.hits[:3]:
                print(f"  - {h.chunk.doc_title} · {h.chunk.date or '-'}: {h.chunk.text[:80]}…")


def cmd_eval(args, settings):
    from rag.eval.runner import run_eval
    return run_eval(args, settings)
