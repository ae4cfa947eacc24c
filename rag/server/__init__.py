"""The HTTP API (`rag serve`): OpenAI-compatible chat with citations, retrieval, documents,
jobs, status and eval over the same rag.api.RAG the CLI and UI use.

    from rag.server import create_app      # FastAPI app; imports fastapi only when called
    app = create_app(Settings.load(llm="extractive"))
"""
from __future__ import annotations


def create_app(settings, ui: bool = False):
    from rag.server.app import create_app as make
    return make(settings, ui=ui)


def serve(settings, host: str = "127.0.0.1", port: int = 8000, ui: bool = False) -> None:
    """Run the API with uvicorn until interrupted (127.0.0.1 unless another host is asked)."""
    import uvicorn

    from rag.api import RAG
    from rag.auth import Accounts
    api = RAG(settings)
    # as `rag ui`: a fresh checkout answers at once; with accounts the admin decides
    if not Accounts.for_settings(settings).has_users() and not api.store.exists() \
            and settings.index == "default":
        print(f"no index '{settings.index}' yet: building it from {settings.corpus_dir} ...")
        api.ensure_index()
    from rag import workers
    workers.start_for(settings)     # extractive answers on every core (README "Load")
    app = create_app(settings, ui=ui)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
