"""The OpenAI-compatible backend against a real HTTP server on 127.0.0.1 (no network)."""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from kfstudio import channels
from kfstudio.generation import keyframeface
from kfstudio.generation.backend import BackendError, KeyframeRequest, create_backend, propose_script

SECRET = "sk-test-0123456789-very-secret"


def _values_for(index: int) -> np.ndarray:
    """Distinct, gaze-consistent values per keyframe (Live Link Face convention)."""
    v = np.zeros(channels.NUM_CHANNELS)
    v[channels.channel_index("JawOpen")] = round(0.1 * (index + 1), 2)
    v[channels.channel_index("MouthSmileLeft")] = 0.5
    v[channels.channel_index("HeadYaw")] = -0.25
    return v


def _completion(content: str, tokens: int = 42) -> bytes:
    return json.dumps(
        {
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 100, "completion_tokens": tokens},
        }
    ).encode()


class FakeServer:
    """A chat-completions server whose behaviour per call is scripted by ``actions``.

    Each action is one of ``"ok"`` (answers the requested keyframe), ``"garbage"`` (200 with a
    non-JSON body), ``"prose"`` (a completion without numbers), ``("status", code)``,
    ``("echo", code)`` (an error body repeating the request headers), ``("hang", seconds)``,
    ``("slow", seconds)`` (sleep, then answer). When the actions run out it answers "ok".
    """

    def __init__(self):
        self.actions: list = []
        self.headers: list[dict] = []
        self.bodies: list[dict] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                with server.lock:
                    server.headers.append(dict(self.headers))
                    server.bodies.append(body)
                    action = server.actions.pop(0) if server.actions else "ok"
                    server.in_flight += 1
                    server.peak = max(server.peak, server.in_flight)
                self.answered = False
                try:
                    server.act(self, action, body)
                finally:
                    server.answered(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def act(self, handler, action, body):
        kind, arg = (action, None) if isinstance(action, str) else action
        if kind == "hang":
            self.release.wait(arg)
            return
        if kind == "slow":
            time.sleep(arg)
            kind = "ok"
        if kind == "ok":
            _, index, _, _ = keyframeface.parse_request(body)
            self.send(handler, 200, _completion(keyframeface.format_response(_values_for(index), index)))
        elif kind == "garbage":
            self.send(handler, 200, b"<html>502 Bad Gateway</html>")
        elif kind == "prose":
            self.send(handler, 200, _completion("I am sorry, I cannot help with facial animation."))
        elif kind == "status":
            self.send(handler, arg, b'{"error": "overloaded"}', {"Retry-After": "0"})
        elif kind == "echo":
            self.send(handler, arg, json.dumps({"error": "bad", "headers": dict(handler.headers)}).encode())

    def answered(self, handler) -> None:
        """The request is no longer in flight: counted before its answer is written, since the client
        may send its next request as soon as it has read the answer (before this handler returns)."""
        with self.lock:
            if not handler.answered:
                handler.answered = True
                self.in_flight -= 1

    def send(self, handler, status, payload, headers=None):
        self.answered(handler)
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.end_headers()
        handler.wfile.write(payload)

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = FakeServer()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def no_ambient_keys(monkeypatch):
    monkeypatch.delenv("KFSTUDIO_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


def _backend(server, **options):
    options = {"retries": 2, "backoff": 0.0, "timeout": 5.0, **options}
    return create_backend("openai", base_url=server.url, model="kf-test", **options)


DESCRIPTIONS = ["lowered gaze", "small smile", "jaw drops", "eyes close", "head turns"]


def test_good_responses_come_back_in_order_with_values(server):
    backend = _backend(server)
    results = list(propose_script(backend, DESCRIPTIONS, "a room", "calm"))
    assert [r.index for r in results] == list(range(len(DESCRIPTIONS)))
    for i, r in enumerate(results):
        assert r.error is None and r.repairs == []
        np.testing.assert_allclose(r.values, _values_for(i))
        assert r.tokens == 42
        assert r.raw.startswith('{"' + keyframeface.keyframe_key(i) + '":')
    sent = {keyframeface.parse_request(body)[1]: body for body in server.bodies}  # arrival order varies
    assert sorted(sent) == list(range(len(DESCRIPTIONS)))
    assert all(body["model"] == "kf-test" for body in sent.values())
    assert sent[3]["messages"] == keyframeface.build_messages(DESCRIPTIONS, 3, "a room", "calm")


def test_concurrency_is_bounded_and_order_kept(server):
    # Later requests answer faster, so completion order differs from request order.
    server.actions = [("slow", 0.3 - 0.04 * i) for i in range(6)]
    backend = _backend(server, concurrency=3)
    results = list(propose_script(backend, [f"keyframe {i}" for i in range(6)]))
    assert [r.index for r in results] == list(range(6))
    assert all(r.error is None for r in results)
    assert 2 <= server.peak <= 3


def test_retries_after_server_errors(server):
    server.actions = [("status", 500), ("status", 503)]
    (result,) = _backend(server, retries=2).propose([KeyframeRequest(["smile"], 0)])
    assert result.error is None
    assert result.info["attempts"] == 3
    np.testing.assert_allclose(result.values, _values_for(0))


def test_retries_exhausted_give_an_error_result_with_fallback(server):
    server.actions = [("status", 500), ("status", 500)]
    previous = np.linspace(0, 1, channels.NUM_CHANNELS)
    (result,) = _backend(server, retries=1).propose([KeyframeRequest(["smile"], 0, previous=previous)])
    assert result.error is not None and "HTTP 500" in result.error and "2 attempts" in result.error
    np.testing.assert_array_equal(result.values, channels.clamp(previous))


def test_client_errors_are_not_retried(server):
    server.actions = [("status", 400)]
    (result,) = _backend(server, retries=3).propose([KeyframeRequest(["smile"], 0)])
    assert "HTTP 400" in result.error
    assert len(server.bodies) == 1
    np.testing.assert_array_equal(result.values, channels.NEUTRAL)


def test_garbage_and_prose_replies_become_errors(server):
    server.actions = ["garbage", "prose"]
    results = list(_backend(server, retries=0, concurrency=1).propose([KeyframeRequest(["a", "b"], 0), KeyframeRequest(["a", "b"], 1)]))
    assert "not a chat completion" in results[0].error
    assert "no channel values" in results[1].error
    assert "cannot help" in results[1].raw


def test_a_hanging_server_times_out_without_raising(server):
    server.actions = [("hang", 30), ("hang", 30)]
    (result,) = _backend(server, timeout=0.3, retries=1).propose([KeyframeRequest(["smile"], 0)])
    # the error comes from the client's own timeout (the server would hang for 30 s), after both tries
    assert result.error is not None and "no reply within 0.3 s" in result.error
    assert len(server.bodies) == 2


def test_cancel_stops_early(server):
    server.actions = [("slow", 0.05)] + [("slow", 0.5)] * 5
    backend = _backend(server, concurrency=1)
    got = []
    for r in propose_script(backend, DESCRIPTIONS, cancel=lambda: len(got) >= 1):
        got.append(r)
    assert len(got) == 1


def test_api_key_is_sent_and_never_shown(server, monkeypatch, caplog):
    monkeypatch.setenv("KFSTUDIO_API_KEY", SECRET)
    server.actions = [("status", 503), "ok", ("echo", 500), ("echo", 500)]
    backend = _backend(server, retries=1, concurrency=1)
    with caplog.at_level(logging.DEBUG):
        ok, failed = backend.propose([KeyframeRequest(["a", "b"], 0), KeyframeRequest(["a", "b"], 1)])
    assert all(h.get("Authorization") == f"Bearer {SECRET}" for h in server.headers)
    assert ok.error is None
    assert failed.error is not None and "HTTP 500" in failed.error
    texts = [repr(backend), str(backend), failed.error, failed.raw, ok.raw, caplog.text, repr(ok), repr(failed)]
    assert "retrying" in caplog.text  # the 503 was logged...
    assert not any(SECRET in t for t in texts)  # ...without the key, even where the server echoed it
    assert "[api key]" in failed.error


def test_openai_api_key_fallback_and_custom_variable(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "fallback-key")
    list(_backend(server).propose([KeyframeRequest(["a"], 0)]))
    monkeypatch.setenv("MY_KEY", "custom-key")
    list(_backend(server, api_key_env="MY_KEY").propose([KeyframeRequest(["a"], 0)]))
    assert [h.get("Authorization") for h in server.headers] == ["Bearer fallback-key", "Bearer custom-key"]


def test_response_format_hints(server):
    list(_backend(server, response_format="json_schema").propose([KeyframeRequest(["a", "b"], 1)]))
    list(_backend(server, response_format="json_object", extra_body={"guided_decoding_backend": "xgrammar"}).propose([KeyframeRequest(["a"], 0)]))
    schema = server.bodies[0]["response_format"]["json_schema"]["schema"]
    inner = schema["properties"]["Keyframe_two"]
    assert inner["required"] == list(channels.NAMES)
    assert inner["properties"]["HeadYaw"]["minimum"] == -1.0 and inner["properties"]["JawOpen"]["minimum"] == 0.0
    assert server.bodies[1]["response_format"] == {"type": "json_object"}
    assert server.bodies[1]["guided_decoding_backend"] == "xgrammar"


def test_real_keyframeface_example_response(server, shared):
    responses = shared("keyframeface", "example_response.jsonl")
    csv = shared("keyframeface", "example_result.csv")
    texts = [json.loads(line)["response"] for line in responses.read_text().splitlines() if line.strip()]
    rows = np.loadtxt(csv, delimiter=",", skiprows=1, usecols=range(2, 2 + channels.NUM_CHANNELS), ndmin=2)
    server.actions = []

    def answer(handler, action, body, texts=texts):
        _, index, _, _ = keyframeface.parse_request(body)
        server.send(handler, 200, _completion(texts[index]))

    server.act = answer
    results = list(propose_script(_backend(server), ["lowered gaze", "rising gaze"]))
    for r, row in zip(results, rows):
        assert r.error is None
        # The CSV is in KeyframeFace's pitch convention; results are in Live Link Face's.
        np.testing.assert_allclose(r.values, keyframeface.from_kf_pitch(row))


@pytest.mark.parametrize(
    "options, message",
    [
        ({"model": "m"}, "needs option(s): base_url"),
        ({"base_url": "ftp://x/v1", "model": "m"}, "http(s) URL"),
        ({"base_url": "http://127.0.0.1:1/v1", "model": ""}, "'model'"),
        ({"base_url": "http://127.0.0.1:1/v1", "model": "m", "concurrency": 0}, "concurrency"),
        ({"base_url": "http://127.0.0.1:1/v1", "model": "m", "timeout": -1}, "timeout"),
        ({"base_url": "http://127.0.0.1:1/v1", "model": "m", "response_format": "xml"}, "response_format"),
        ({"base_url": "http://127.0.0.1:1/v1", "model": "m", "api_key": "x"}, "unknown option(s) 'api_key'"),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(BackendError, match=message.replace("(", r"\(").replace(")", r"\)")):
        create_backend("openai", **options)
