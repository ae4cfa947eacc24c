"""`rag ui`: registered by this package through the "rag.commands" entry point, so the `rag`
library never imports `ui`. Kept import-light: gradio loads only when the command runs."""
from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("ui", help="start the chat UI (http://127.0.0.1:7860)")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1; another only when asked)")
    p.add_argument("--port", type=int, help="default 7860")
    p.add_argument("--index", help="index name under the index folder (default: default)")
    p.add_argument("--embedder", help="e5-small-q4 | st:<model id or path> | openai:<model>")
    p.set_defaults(handler=run)


def run(args, settings) -> int:
    from dataclasses import replace

    from ui.app import launch
    launch(replace(settings, ui_host=args.host or settings.ui_host,
                   ui_port=args.port or settings.ui_port))
    return 0
