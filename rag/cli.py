"""`rag` command line: a thin layer over rag.api. Heavy imports happen inside commands."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", help="index name under the index folder (default: default)")
    p.add_argument("--embedder", help="e5-small-q4 | st:<model id or path> | openai:<model>")
    p.add_argument("--store", help="vector store: faiss (default) | milvus://host:19530/collection"
                                   " | milvus-lite:path/to/file.db (RAG_STORE)")


def _retrieval(p: argparse.ArgumentParser) -> None:
    p.add_argument("-k", type=int, help="passages to return (default 5; 1 to RAG_MAX_K, 50)")
    p.add_argument("--mode", choices=["dense", "bm25", "hybrid"], help="retrieval mode")
    p.add_argument("--reranker", help="sentence-transformers CrossEncoder id or path")
    p.add_argument("--doc", action="append", dest="docs", help="only these doc ids (repeatable)")
    p.add_argument("--from", dest="date_from", help="earliest date YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="latest date YYYY-MM-DD")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="rag", description="Cited answers over Chinese records.")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("ingest", help="ingest files/folders into an index (default: bundled corpus)")
    p.add_argument("paths", nargs="*", help="files or folders (.txt .md .docx .pdf .html)")
    _common(p)
    p.add_argument("--rebuild", action="store_true", help="discard the index and build it anew")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    g = p.add_argument_group("document profile (overrides what is inferred, for every file given)")
    g.add_argument("--title", help="document title shown in citations")
    g.add_argument("--kind", help="年鉴 | 大事记 | 政府工作报告 | 讲话 | 通知/文件 | other "
                                  "(or yearbook, chronicle, report, speech, notice)")
    g.add_argument("--place", help="place the document is about, e.g. 平阳县 or 全国")
    g.add_argument("--level", help="national | 省 | 市 | 县 | 区 | 乡镇")
    g.add_argument("--year", type=int, help="the document's own year (a yearbook's edition)")
    g.add_argument("--period", help="years the content is about: 2019 or 2019-2020")

    p = sub.add_parser("chunks", help="print an index's chunks as JSON lines")
    _common(p)
    p.add_argument("--doc", help="only this doc id")
    p.add_argument("--json", action="store_true", help="JSON lines (the default output too)")

    p = sub.add_parser("status", help="show what an index holds")
    _common(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("remove", help="remove documents from an index")
    p.add_argument("doc_ids", nargs="+")
    _common(p)

    p = sub.add_parser("retrieve", help="retrieve passages for a question")
    p.add_argument("question", nargs="?")
    p.add_argument("--batch", type=Path, help="JSON lines with a 'question' field")
    _common(p)
    _retrieval(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("ask", help="answer a question with citations")
    p.add_argument("question", nargs="?")
    p.add_argument("--batch", type=Path, help="JSON lines with a 'question' field")
    p.add_argument("--llm", help="auto | extractive | openai | local")
    _common(p)
    _retrieval(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("eval", help="evaluate retrieval and answers on QA sets")
    p.add_argument("sets", nargs="+", type=Path)
    p.add_argument("--config", action="append", dest="configs",
                   help="configuration name (repeatable): default, naive-langchain, dense, bm25, ...")
    p.add_argument("--llm", help="answerer for the answer metrics (default extractive)")
    p.add_argument("--out", type=Path, help="folder for report.json/.md/.html (default eval/out)")
    p.add_argument("--no-answers", action="store_true", help="retrieval metrics only")
    p.add_argument("--check", type=Path, help="fail if metrics fall below this baseline JSON")
    p.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="write this run's hit@5 and citation precision as a baseline JSON")
    _common(p)
    p.add_argument("--json", action="store_true")

    from rag.auth.cli import register as register_users   # `rag users ...`
    register_users(sub)
    from rag.server.cli import register as register_serve  # `rag serve` (HTTP API)
    register_serve(sub)
    _plugin_commands(sub)
    return ap


def _plugin_commands(sub) -> None:
    """Commands other installed packages add (the UI adds `rag ui`), as simonw/llm does."""
    from importlib.metadata import entry_points
    for ep in entry_points(group="rag.commands"):
        try:
            ep.load()(sub)
        except Exception as e:       # a broken plugin must not break the core commands
            print(f"rag: ignoring command plugin {ep.name!r}: {e}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["eval"] and argv[1:2] and argv[1] in ("import", "draft", "accept"):
        from rag.eval.commands import main as eval_tools   # `rag eval import|draft|accept`
        return eval_tools(argv[1:])
    args = build_parser().parse_args(argv)
    from rag.settings import Settings
    try:
        settings = Settings.load(**{k: v for k, v in vars(args).items()
                                    if k in Settings.__dataclass_fields__})
    except ValueError as e:
        print(f"rag: {e}", file=sys.stderr)
        return 2
    from rag import commands
    handler = getattr(args, "handler", None) or getattr(commands, "cmd_" + args.cmd)
    try:
        return handler(args, settings) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:         # `rag chunks | head`
        sys.stderr.close()
        return 0
    except Exception as e:          # problems the user can fix get one line, not a traceback
        if not _is_user_error(e, commands):
            raise
        print(f"rag: {e}", file=sys.stderr)
        return 2


def _is_user_error(e: Exception, commands) -> bool:
    import importlib
    kinds = [commands.UserError, FileNotFoundError]
    for mod, name in (("rag.index.store", "IndexMismatch"), ("rag.index.vectors", "StoreError"),
                      ("rag.embed.base", "EmbedderError"),
                      ("rag.rerank", "RerankerError"), ("rag.answer.base", "AnswerError"),
                      ("rag.limits", "LimitError")):
        m = sys.modules.get(mod) or importlib.import_module(mod)
        if m is not None and hasattr(m, name):
            kinds.append(getattr(m, name))
    return isinstance(e, tuple(kinds))


if __name__ == "__main__":
    raise SystemExit(main())
