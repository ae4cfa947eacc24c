"""The Gradio web UI: a thin layer over `rag.api.RAG` (the same calls the CLI makes).

`ui.app.build_app(api)` lays the app out; `ui.app.launch(settings)` serves it.
"""
