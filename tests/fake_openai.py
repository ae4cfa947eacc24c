"""A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI API for our tests.

    with FakeOpenAI(api_key="sk-test") as api:
        api.reply = "答案"                 # or a callable(body) -> str
        api.fail_with = 500               # 401 | 429 | 500 | "timeout" | None
        ... point a client at api.base_url ...
        api.requests[-1]["json"], api.requests[-1]["headers"]["authorization"]

Embeddings are deterministic: character bigrams hashed into a small bag, L2-normalised, so texts
that share wording are close. Chat replies are scripted, streamed as SSE when asked.
"""
from __future__ import annotations

import base64
import hashlib
import json
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

ERRORS = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    404: ("invalid_request_error", "model_not_found"),
    429: ("requests", "rate_limit_exceeded"),
    500: ("server_error", None),
    503: ("server_error", None),
}


def fake_embedding(text: str, dim: int = 64) -> np.ndarray:
    """The vector FakeOpenAI returns for `text` (exposed so tests can predict it)."""
    v = np.zeros(dim, dtype=np.float32)
    grams = [text[i:i + 2] for i in range(len(text) - 1)] or [text]
    for g in grams:
        h = hashlib.md5(g.encode("utf-8")).digest()
        v[int.from_bytes(h[:4], "little") % dim] += 1.0 if h[4] & 1 else -1.0
    n = float(np.linalg.norm(v))
    return v / n if n else v


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):   # a client that hung up is fine
            super().handle_error(request, client_address)


class FakeOpenAI:
    """Context manager running the fake API in a background thread on a free port."""

    def __init__(self, api_key: str | None = None, reply="这是一个测试回答。", dim: int = 64,
                 models: list[str] | None = None):
        self.api_key = api_key
        self.reply = reply              # str, or callable(request_body) -> str
        self.dim = dim
        self.models = models            # None: any model name is accepted
        self.fail_with: int | str | None = None
        self.fail_times: int | None = None   # fail only the next N requests, then behave
        self.timeout_sleep = 5.0        # how long "timeout" mode stalls
        self.stream_piece = 3           # characters per streamed chunk
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle
    def start(self) -> "FakeOpenAI":
        handler = type("Handler", (_Handler,), {"api": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()   # wakes handlers stalled in "timeout" mode
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # helpers for handlers
    def _record(self, method, path, headers, body):
        with self._lock:
            self.requests.append({"method": method, "path": path, "headers": headers, "json": body})

    def _take_failure(self):
        with self._lock:
            if self.fail_with is None:
                return None
            if self.fail_times is not None:
                if self.fail_times <= 0:
                    return None
                self.fail_times -= 1
            return self.fail_with

    def _reply_for(self, body: dict) -> str:
        return self.reply(body) if callable(self.reply) else str(self.reply)


class _Handler(BaseHTTPRequestHandler):
    api: FakeOpenAI
    server_version = "FakeOpenAI/1.0"

    def log_message(self, *args):   # keep test output clean
        pass

    # plumbing
    def _send_json(self, status: int, obj, extra_headers: dict | None = None):
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, code=None):
        typ, default_code = ERRORS.get(status, ("server_error", None))
        headers = {"Retry-After": "0"} if status == 429 else None
        self._send_json(status, {"error": {"message": message, "type": typ, "param": None,
                                           "code": code or default_code}}, headers)

    def _read_json(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw.decode("utf-8")) if raw else {}
        except ValueError:
            return None

    def _gate(self, body) -> bool:
        """Record the request and apply auth and scripted failures; False if already answered."""
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.api._record(self.command, self.path, headers, body)
        failure = self.api._take_failure()
        if failure == "timeout":
            self.api._stop.wait(self.api.timeout_sleep)
            self._error(504, "fake timeout")
            return False
        if failure == 401 or (self.api.api_key and headers.get("authorization") != f"Bearer {self.api.api_key}"):
            self._error(401, "Incorrect API key provided. You can find your API key in your account settings.")
            return False
        if failure == 429:
            self._error(429, "Rate limit reached for requests.")
            return False
        if isinstance(failure, int):
            self._error(failure, "The server had an error while processing your request.")
            return False
        if body is None:
            self._error(400, "We could not parse the JSON body of your request.")
            return False
        return True

    def _check_model(self, body) -> bool:
        model = body.get("model")
        if not model:
            self._error(400, "you must provide a model parameter", "missing_model")
            return False
        if self.api.models is not None and model not in self.api.models:
            self._error(404, f"The model `{model}` does not exist or you do not have access to it.")
            return False
        return True

    # routes
    def do_GET(self):
        if self.path.rstrip("/") != "/v1/models":
            return self._error(404, f"Invalid URL (GET {self.path})", "unknown_url")
        if not self._gate({}):
            return
        names = self.api.models or ["fake-embed", "fake-chat"]
        self._send_json(200, {"object": "list", "data": [
            {"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in names]})

    def do_POST(self):
        routes = {"/v1/embeddings": self._embeddings, "/v1/chat/completions": self._chat}
        route = routes.get(self.path.rstrip("/"))
        if route is None:
            self._read_json()
            return self._error(404, f"Invalid URL (POST {self.path})", "unknown_url")
        body = self._read_json()
        if self._gate(body) and self._check_model(body):
            route(body)

    def _embeddings(self, body):
        inp = body.get("input")
        texts = [inp] if isinstance(inp, str) else inp
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            return self._error(400, "'input' must be a string or a non-empty list of strings")
        if any(t == "" for t in texts):
            return self._error(400, "'$.input' is invalid: empty strings are not allowed")
        dim = int(body.get("dimensions") or self.api.dim)
        fmt = body.get("encoding_format", "float")
        data = []
        for i, t in enumerate(texts):
            v = fake_embedding(t, dim)
            emb = (base64.b64encode(struct.pack(f"<{dim}f", *v.tolist())).decode("ascii")
                   if fmt == "base64" else v.tolist())
            data.append({"object": "embedding", "index": i, "embedding": emb})
        tokens = sum(len(t) for t in texts)
        self._send_json(200, {"object": "list", "data": data, "model": body["model"],
                              "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

    def _chat(self, body):
        if not isinstance(body.get("messages"), list) or not body["messages"]:
            return self._error(400, "'messages' must be a non-empty list")
        text = self.api._reply_for(body)
        prompt_tokens = sum(len(str(m.get("content") or "")) for m in body["messages"])
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": len(text),
                 "total_tokens": prompt_tokens + len(text)}
        cid, created = f"chatcmpl-fake-{len(self.api.requests)}", int(time.time())
        if not body.get("stream"):
            return self._send_json(200, {
                "id": cid, "object": "chat.completion", "created": created, "model": body["model"],
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                             "finish_reason": "stop", "logprobs": None}],
                "usage": usage})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()   # HTTP/1.0: the stream ends when the connection closes

        def chunk(delta, finish=None, **extra):
            obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": body["model"],
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
            self.wfile.write(f"data: {json.dumps(obj, ensure_ascii=False)}\n\n".encode("utf-8"))
            self.wfile.flush()

        chunk({"role": "assistant", "content": ""})
        step = max(1, self.api.stream_piece)
        for i in range(0, len(text), step):
            chunk({"content": text[i:i + step]})
        chunk({}, "stop")
        if (body.get("stream_options") or {}).get("include_usage"):
            obj = {"id": cid, "object": "chat.completion.chunk", "created": created,
                   "model": body["model"], "choices": [], "usage": usage}
            self.wfile.write(f"data: {json.dumps(obj)}\n\n".encode("utf-8"))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
