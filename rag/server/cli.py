"""`rag serve`: registered by rag.cli like `rag users`; imports nothing heavy until it runs."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("serve", help="start the HTTP API (OpenAI-compatible, http://127.0.0.1:8000)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; another only when asked)")
    p.add_argument("--port", type=int, default=8000, help="default 8000")
    p.add_argument("--index", help="default index (model rag-<index>; default: default)")
    p.add_argument("--embedder", help="e5-small-q4 | st:<model id or path> | openai:<model>")
    p.add_argument("--llm", help="auto | extractive | openai | local")
    p.add_argument("--ui", action="store_true", help="also serve the chat UI under /ui")
    p.set_defaults(handler=run)


def run(args, settings) -> int:
    import os

    from rag.server import serve
    # one OpenMP thread per call: the server's parallelism is across requests (see ui.app)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    serve(settings, host=args.host, port=args.port, ui=args.ui)
    return 0
