"""The ``"openai"`` backend: any OpenAI-compatible chat-completions server.

Works with vLLM, the llama.cpp server, Ollama and OpenAI itself, using only the standard library
(``urllib.request``, ``json``, ``concurrent.futures``). Requests of one call run on a bounded
thread pool (``concurrency``) and results are still yielded in request order. Transient failures
(connection errors, timeouts, HTTP 408/429/5xx) are retried with exponential backoff, honouring
``Retry-After``; whatever still fails becomes a result with ``error`` set, never an exception.

The API key is read from an environment variable (``api_key_env``, default ``KFSTUDIO_API_KEY``,
falling back to ``OPENAI_API_KEY``). It is sent as a bearer token and is never stored in the
backend's ``repr``, logged, or included in an error message (a server echoing it back is redacted).
"""

from __future__ import annotations

import concurrent.futures as futures
import json
import logging
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kfstudio import channels
from kfstudio.generation import keyframeface
from kfstudio.generation.backend import (
    BackendError,
    CancelFn,
    KeyframeRequest,
    KeyframeResult,
    error_result,
)

__all__ = ["OpenAIBackend", "keyframe_json_schema"]

log = logging.getLogger(__name__)

DEFAULT_KEY_ENV = "KFSTUDIO_API_KEY"
FALLBACK_KEY_ENV = "OPENAI_API_KEY"
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 30.0  # seconds: a server asking for more is not waited for that long
_POLL = 0.05  # seconds between checks of cancel() while waiting for a response
_MAX_BODY = 4_000_000  # bytes of a response read at most


def keyframe_json_schema(index: int) -> dict:
    """JSON schema of the response for keyframe ``index``: the 61 channels with their ranges."""
    properties = {
        c.name: {"type": "number", "minimum": c.lower, "maximum": c.upper} for c in channels.CHANNELS
    }
    body = {
        "type": "object",
        "properties": properties,
        "required": list(channels.NAMES),
        "additionalProperties": False,
    }
    key = keyframeface.keyframe_key(index)
    return {
        "type": "object",
        "properties": {key: body},
        "required": [key],
        "additionalProperties": False,
    }


class _TransientError(Exception):
    """A failure worth retrying (with the number of seconds the server asked us to wait, if any)."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class _PermanentError(Exception):
    """A failure that retrying will not fix (HTTP 4xx, malformed reply)."""


@dataclass
class _Reply:
    content: str
    tokens: int
    finish_reason: str | None
    attempts: int


class OpenAIBackend:
    """Proposes keyframes through an OpenAI-compatible ``/chat/completions`` endpoint.

    Options: ``base_url`` (e.g. ``http://127.0.0.1:8000/v1``), ``model``, ``api_key_env``,
    ``timeout`` (seconds per attempt), ``retries`` (extra attempts after the first), ``backoff``
    (first retry delay in seconds, doubled each time), ``concurrency`` (requests in flight),
    ``temperature``, ``max_tokens``, ``response_format`` (``None``, ``"json_object"``,
    ``"json_schema"`` for a schema of the 61 channels, or a dict sent as is) and ``extra_body``
    (extra JSON fields for server-specific hints, e.g. vLLM's ``guided_json``).
    """

    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key_env: str = DEFAULT_KEY_ENV,
        timeout: float = 120.0,
        retries: int = 2,
        backoff: float = 0.5,
        concurrency: int = 4,
        temperature: float = 0.0,
        max_tokens: int = 2048,
        response_format: str | Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> None:
        self.base_url = _check_base_url(base_url)
        if not isinstance(model, str) or not model.strip():
            raise BackendError("openai backend: option 'model' must name the served model")
        self.model = model.strip()
        self.device = self.base_url
        self.endpoint = self.base_url + "/chat/completions"
        self.timeout = _positive("timeout", timeout)
        self.backoff = _positive("backoff", backoff, allow_zero=True)
        self.retries = _count("retries", retries, minimum=0)
        self.concurrency = _count("concurrency", concurrency, minimum=1)
        self.temperature = float(temperature)
        self.max_tokens = _count("max_tokens", max_tokens, minimum=1)
        if response_format not in (None, "json_object", "json_schema") and not isinstance(response_format, Mapping):
            raise BackendError(
                f"openai backend: response_format must be None, 'json_object', 'json_schema' or a dict, got {response_format!r}"
            )
        self.response_format = response_format
        self.extra_body = dict(extra_body or {})
        self.api_key_env = api_key_env
        self.__key = os.environ.get(api_key_env) or (
            os.environ.get(FALLBACK_KEY_ENV) if api_key_env == DEFAULT_KEY_ENV else None
        )

    @property
    def has_api_key(self) -> bool:
        return bool(self.__key)

    def __repr__(self) -> str:
        key = f"key from ${self.api_key_env}" if self.__key else "no key"
        return f"OpenAIBackend(base_url={self.base_url!r}, model={self.model!r}, {key})"

    # ------------------------------------------------------------------ protocol

    def propose(
        self, requests: Sequence[KeyframeRequest], cancel: CancelFn | None = None
    ) -> Iterator[KeyframeResult]:
        requests = list(requests)
        if not requests:
            return
        pool = futures.ThreadPoolExecutor(max_workers=min(self.concurrency, len(requests)), thread_name_prefix="kfstudio-openai")
        try:
            pending = [pool.submit(self._propose_one, r, cancel) for r in requests]
            for future in pending:
                while True:
                    if cancel is not None and cancel():
                        return
                    try:
                        yield future.result(timeout=_POLL)
                        break
                    except futures.TimeoutError:
                        continue
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Nothing is held between calls (each call has its own pool and connections)."""

    # ------------------------------------------------------------------ one request

    def payload(self, request: KeyframeRequest) -> dict:
        """The JSON body sent for ``request``."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": keyframeface.build_messages(
                request.descriptions, request.index, request.background, request.emotion
            ),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        if self.response_format == "json_object":
            body["response_format"] = {"type": "json_object"}
        elif self.response_format == "json_schema":
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "keyframe", "strict": True, "schema": keyframe_json_schema(request.index)},
            }
        elif isinstance(self.response_format, Mapping):
            body["response_format"] = dict(self.response_format)
        body.update(self.extra_body)
        return body

    def _propose_one(self, request: KeyframeRequest, cancel: CancelFn | None) -> KeyframeResult:
        began = time.perf_counter()
        try:
            reply = self._complete(self.payload(request), cancel)
        except (_TransientError, _PermanentError) as exc:
            return error_result(
                request,
                self._redact(f"openai backend: {self.endpoint}: {exc}"),
                seconds=time.perf_counter() - began,
            )
        parsed = keyframeface.parse_response(reply.content, request.previous, index=request.index)
        explanation = [f"{self.model} at {self.base_url}"]
        if reply.finish_reason == "length":
            explanation.append(f"the reply was cut off at max_tokens={self.max_tokens}")
        return KeyframeResult(
            values=parsed.values,
            repairs=list(parsed.repairs),
            explanation=explanation,
            tokens=reply.tokens,
            seconds=time.perf_counter() - began,
            raw=self._redact(reply.content),
            error=None if parsed.ok else "the server's reply held no channel values",
            index=request.index,
            info={"attempts": reply.attempts, "finish_reason": reply.finish_reason},
        )

    def _complete(self, payload: dict, cancel: CancelFn | None) -> _Reply:
        """POST with retries; raises the last error once the attempts are spent."""
        data = json.dumps(payload).encode("utf-8")
        for attempt in range(self.retries + 1):
            try:
                return self._parse_reply(self._post(data), attempt + 1)
            except _TransientError as exc:
                if attempt == self.retries:
                    raise _TransientError(f"{exc} (after {attempt + 1} attempts)") from None
                delay = self.backoff * 2**attempt
                if exc.retry_after is not None:
                    delay = max(delay, min(exc.retry_after, _MAX_RETRY_AFTER))
                log.warning("%s: %s; retrying in %.2f s", self.endpoint, self._redact(str(exc)), delay)
                if _sleep_unless_cancelled(delay, cancel):
                    raise _TransientError(f"{exc} (cancelled before retrying)") from None
        raise AssertionError("unreachable")

    def _post(self, data: bytes) -> bytes:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.__key:
            headers["Authorization"] = "Bearer " + self.__key
        request = urllib.request.Request(self.endpoint, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(_MAX_BODY)
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if exc.code in _RETRY_STATUS:
                raise _TransientError(f"HTTP {exc.code}{detail}", _retry_after(exc)) from None
            raise _PermanentError(f"HTTP {exc.code}{detail}") from None
        except (TimeoutError, socket.timeout):
            raise _TransientError(f"no reply within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise _TransientError(f"no reply within {self.timeout:g} s") from None
            raise _TransientError(f"cannot connect: {reason}") from None
        except (ConnectionError, OSError) as exc:
            raise _TransientError(f"connection failed: {exc}") from None

    @staticmethod
    def _parse_reply(body: bytes, attempts: int) -> _Reply:
        try:
            reply = json.loads(body.decode("utf-8", errors="replace"))
            choice = reply["choices"][0]
            content = choice["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise _PermanentError(f"the reply is not a chat completion: {body[:200]!r}") from None
        if not isinstance(content, str):
            raise _PermanentError("the reply's message has no text content")
        usage = reply.get("usage") if isinstance(reply.get("usage"), dict) else {}
        tokens = usage.get("completion_tokens")
        return _Reply(
            content=content,
            tokens=int(tokens) if isinstance(tokens, int) and tokens >= 0 else 0,
            finish_reason=choice.get("finish_reason"),
            attempts=attempts,
        )

    def _redact(self, text: str) -> str:
        return text.replace(self.__key, "[api key]") if self.__key else text


def _sleep_unless_cancelled(seconds: float, cancel: CancelFn | None) -> bool:
    """Sleep; returns True (early) when ``cancel()`` turns true meanwhile."""
    end = time.monotonic() + seconds
    while True:
        if cancel is not None and cancel():
            return True
        left = end - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(left, _POLL))


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(500).decode("utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return f": {text[:300]}" if text else ""


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    value = exc.headers.get("Retry-After") if exc.headers else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _check_base_url(base_url: Any) -> str:
    if not isinstance(base_url, str) or not base_url.strip():
        raise BackendError("openai backend: option 'base_url' is required (e.g. http://127.0.0.1:8000/v1)")
    url = base_url.strip().rstrip("/")
    if url.endswith("/chat/completions"):
        url = url[: -len("/chat/completions")]
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BackendError(f"openai backend: base_url must be an http(s) URL, got {base_url!r}")
    return url


def _positive(name: str, value: Any, allow_zero: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BackendError(f"openai backend: {name} must be a number, got {value!r}") from None
    if not (number >= 0 if allow_zero else number > 0):
        raise BackendError(f"openai backend: {name} must be {'>= 0' if allow_zero else '> 0'}, got {value!r}")
    return number


def _count(name: str, value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise BackendError(f"openai backend: {name} must be an integer >= {minimum}, got {value!r}")
    return value
