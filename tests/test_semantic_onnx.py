"""The sentence encoder's ONNX Runtime forward pass (kfstudio.generation.semantic.onnx_graph) against the
numpy one, and the graph's bytes against the ``onnx`` package's own reader and checker."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import skip_without_learned_layer

skip_without_learned_layer()
ort = pytest.importorskip("onnxruntime")

from kfstudio.generation.semantic.encoder import MiniLMEncoder  # noqa: E402
from kfstudio.generation.semantic.onnx_graph import OPSET, encoder_graph  # noqa: E402

TEXTS = [
    "a",
    "His face lights up when she walks in.",
    "The inner brows pull together and up, the mouth stretches sideways in fear, and the head pulls back a little.",
    "BROWS UP!!! :O",
    "she mouths 'no'",
]


@pytest.fixture(scope="module")
def numpy_encoder():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KFSTUDIO_ENCODER_RUNTIME", "numpy")
        enc = MiniLMEncoder()
        assert enc.runtime == "numpy"  # (decided once: it stays numpy)
    return enc


@pytest.fixture(scope="module")
def ort_encoder():
    enc = MiniLMEncoder()
    assert enc.runtime == "onnxruntime", enc._ort_failed
    return enc


def test_the_runtime_gives_the_numpy_vectors(numpy_encoder, ort_encoder):
    for text in TEXTS:  # one at a time, as the editor asks
        assert np.abs(ort_encoder._forward([text]) - numpy_encoder._forward([text])).max() < 1e-5, text
    batch = ort_encoder._forward(TEXTS)  # padded to the longest: the padding must not leak
    assert np.abs(batch - numpy_encoder._forward(TEXTS)).max() < 1e-5
    assert np.abs(batch - np.vstack([ort_encoder._forward([t]) for t in TEXTS])).max() < 1e-5


def test_a_process_first_pass_is_numpy_and_the_runtime_comes_for_the_second(numpy_encoder):
    enc = MiniLMEncoder()
    first = enc.encode(["she smiles"])
    assert enc._ort is None  # the session was not made for one pass
    second = enc.encode(["he frowns"])
    assert enc._ort is not None and enc.runtime == "onnxruntime"
    assert np.abs(first - numpy_encoder._forward(["she smiles"])).max() < 1e-5
    assert np.abs(second - numpy_encoder._forward(["he frowns"])).max() < 1e-5
    assert np.abs(enc.encode(["a third line"]) - numpy_encoder._forward(["a third line"])).max() < 1e-5


def test_a_runtime_that_cannot_load_the_graph_leaves_numpy(monkeypatch, numpy_encoder):
    import kfstudio.generation.semantic.onnx_graph as graph

    monkeypatch.setattr(graph, "encoder_graph", lambda *a, **k: b"not an onnx model")
    enc = MiniLMEncoder()
    assert enc.runtime == "numpy" and enc._ort_failed  # (why, kept for the diagnostics)
    assert np.abs(enc._forward(TEXTS[:2]) - numpy_encoder._forward(TEXTS[:2])).max() < 1e-6


def test_the_graph_is_valid_onnx_to_the_onnx_package(numpy_encoder):
    onnx = pytest.importorskip("onnx")
    from onnx import numpy_helper

    weights = numpy_encoder._onnx_weights()
    model = onnx.load_model_from_string(encoder_graph(weights, numpy_encoder.layers, numpy_encoder.heads,
                                                      numpy_encoder.dim, numpy_encoder.eps))
    assert model.opset_import[0].version == OPSET
    external = {t.name for t in model.graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL}
    assert external == set(weights)
    # the checker with full shape inference, the weights put in (it cannot follow the session's external data)
    kept = [t for t in model.graph.initializer if t.name not in external]
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept + [numpy_helper.from_array(w, name) for name, w in weights.items()])
    onnx.checker.check_model(model, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    out = inferred.graph.output[0].type.tensor_type
    assert out.elem_type == onnx.TensorProto.FLOAT
    assert [d.dim_param or d.dim_value for d in out.shape.dim] == ["batch", "length", numpy_encoder.dim]


def test_once_the_session_holds_the_weights_a_numpy_pass_hands_over_to_it(numpy_encoder):
    enc = MiniLMEncoder()
    assert enc.runtime == "onnxruntime"  # the session is made; the numpy weights are let go
    ids = np.array([[101, 2016, 102]], dtype=np.int64)
    assert enc._numpy_layers(ids, np.zeros_like(ids), np.zeros((1, 1, 1, 3), np.float32), 3) is None
    enc._passes = 0  # a "first" pass (as when another thread made the session meanwhile) runs in the session
    assert np.abs(enc._forward(["she smiles"]) - numpy_encoder._forward(["she smiles"])).max() < 1e-5
