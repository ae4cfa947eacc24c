"""`rag eval import`, `rag eval draft` and `rag eval accept`: build a set for your documents.

`rag eval SET...` itself is in rag.eval.runner; rag/cli.py hands `rag eval import|draft|accept
...` here before parsing, so files named "import", "draft" or "accept" are the only sets it
cannot run.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path



def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="rag eval", description="Build evaluation sets.")
    sub = ap.add_subparsers(dest="sub", required=True)
    p = sub.add_parser("import", help="check a JSONL/CSV/XLSX set against an index; write JSONL")
    p.add_argument("file", type=Path)
    p.add_argument("--index", help="index whose passages must contain the gold quotes (default: default)")
    p.add_argument("--out", type=Path, help="JSONL to write the valid rows to (default: print them)")
    p.add_argument("--no-check", action="store_true", help="do not look quotes up in the index")
    p = sub.add_parser("draft", help="draft candidate questions from an index's documents")
    p.add_argument("--index", help="index to draft from (default: default)")
    p.add_argument("--n", type=int, default=60, help="candidates to draft (default 60)")
    p.add_argument("--out", type=Path, help="JSONL to write the drafts to (default: print them)")
    p.add_argument("--seed", type=int, default=0, help="which candidates are picked (default 0)")
    p = sub.add_parser("accept", help="write the drafts marked accepted or edited as a set")
    p.add_argument("drafts", type=Path, help="drafts JSONL whose draft.status you set to "
                                             "accepted, edited or rejected")
    p.add_argument("--index", help="index whose passages must contain the gold quotes (default: default)")
    p.add_argument("--out", type=Path, required=True, help="set JSONL to write")
    return ap


def main(argv: list[str]) -> int:
    from rag.eval.runner import EvalError
    from rag.settings import Settings

    args = _parser().parse_args(argv)
    try:
        settings = Settings.load(index=args.index)
    except ValueError as e:
        print(f"rag eval: {e}", file=sys.stderr)
        return 2
    try:
        if args.sub == "import":
            return _import(args, settings)
        if args.sub == "accept":
            return _accept(args, settings)
        return _draft(args, settings)
    except (EvalError, FileNotFoundError) as e:
        print(f"rag eval {args.sub}: {e}", file=sys.stderr)
        return 2


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


def _import(args, settings) -> int:
    from rag.eval.importer import import_set, index_passages

    passages = None if args.no_check else index_passages(settings)
    result = import_set(args.file, passages, settings.index)
    for err in result.errors:
        print(f"skipped {err}", file=sys.stderr)
    _emit(result.jsonl(), args.out)
    print(f"{len(result.items)} questions kept, {len(result.errors)} rows skipped"
          + (f"; written to {args.out}" if args.out else ""), file=sys.stderr)
    return 0 if result.items else 2


def _draft(args, settings) -> int:
    from rag.eval.draft import draft_index, drafts_jsonl

    drafts = draft_index(settings, n=args.n, seed=args.seed)
    _emit(drafts_jsonl(drafts), args.out)
    kinds: dict[str, int] = {}
    for d in drafts:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    print(f"{len(drafts)} drafts (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
          + "); review them before use: nothing drafted counts until accepted", file=sys.stderr)
    return 0 if drafts else 2


def _accept(args, settings) -> int:
    import json

    from rag.eval.draft import Draft, accept
    from rag.eval.importer import index_passages
    from rag.eval.runner import EvalError

    drafts = []
    try:
        lines = args.drafts.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise EvalError(f"{args.drafts}: {e.strerror or e}") from None
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                drafts.append(Draft.from_dict(json.loads(line)))
            except (ValueError, KeyError, TypeError) as e:
                raise EvalError(f"{args.drafts}:{n}: not a draft line ({e})") from None
    result = accept(drafts, index_passages(settings))
    for err in result.errors:
        print(f"skipped {args.drafts}: {err}", file=sys.stderr)
    _emit("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in result.items), args.out)
    pending = sum(d.status == "pending" for d in drafts)
    print(f"{len(result.items)} accepted into {args.out}; {pending} still pending, "
          f"{sum(d.status == 'rejected' for d in drafts)} rejected", file=sys.stderr)
    return 0 if result.items else 2
