"""The sentence encoder's forward pass as an ONNX graph, for ONNX Runtime (a faster CPU forward pass).

The graph is the same computation as :meth:`MiniLMEncoder._forward`'s numpy code (BERT: embeddings + LayerNorm,
then per layer fused-QKV self-attention, residual + LayerNorm, erf-GELU feed-forward, residual + LayerNorm); it
returns the last hidden states, which the encoder pools as before. It is written here as ONNX protobuf bytes by a
few lines of wire-format code rather than with the ``onnx`` package, whose import alone took two seconds, longer
than the whole cold start allows. The weights are not in those bytes: each large tensor is declared with
external data, and the session takes it from the encoder's numpy arrays while it loads
(``SessionOptions.add_external_initializers``), so the 90 MB of weights are neither copied into a protobuf nor parsed
back out of one.

References: the ONNX protobuf schema (``onnx.proto``: ModelProto, GraphProto, NodeProto, AttributeProto,
TensorProto, ValueInfoProto) and the operator specifications of opset 17 (``LayerNormalization`` is new in 17).
"""

from __future__ import annotations

import struct
from typing import Iterable, Sequence

import numpy as np

__all__ = ["encoder_graph", "OPSET"]

OPSET = 17
_IR_VERSION = 8
_FLOAT, _INT64 = 1, 7  # TensorProto.DataType
_ATTR_FLOAT, _ATTR_INT, _ATTR_INTS = 1, 2, 7  # AttributeProto.AttributeType


# --------------------------------------------------------------------------- protobuf wire format
def _varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative int64 values are ten bytes of two's complement
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _int(field: int, n: int) -> bytes:
    return _key(field, 0) + _varint(n)


def _bytes(field: int, data: bytes) -> bytes:
    return _key(field, 2) + _varint(len(data)) + data


def _str(field: int, s: str) -> bytes:
    return _bytes(field, s.encode("utf-8"))


def _float(field: int, x: float) -> bytes:
    return _key(field, 5) + struct.pack("<f", x)


# --------------------------------------------------------------------------- ONNX messages
def _attribute(name: str, value: float | int | Sequence[int]) -> bytes:
    if isinstance(value, float):
        return _str(1, name) + _float(2, value) + _int(20, _ATTR_FLOAT)
    if isinstance(value, int):
        return _str(1, name) + _int(3, value) + _int(20, _ATTR_INT)
    return _str(1, name) + b"".join(_int(8, v) for v in value) + _int(20, _ATTR_INTS)


def _node(op: str, inputs: Iterable[str], outputs: Iterable[str], **attrs) -> bytes:
    body = b"".join(_str(1, i) for i in inputs) + b"".join(_str(2, o) for o in outputs) + _str(4, op)
    return _bytes(1, body + b"".join(_bytes(5, _attribute(k, v)) for k, v in attrs.items()))


def _tensor(name: str, array: np.ndarray) -> bytes:
    """A small constant, its values in the graph."""
    kind = _INT64 if array.dtype == np.int64 else _FLOAT
    data = np.ascontiguousarray(array, dtype=np.int64 if kind == _INT64 else np.float32).tobytes()
    return b"".join(_int(1, d) for d in array.shape) + _int(2, kind) + _str(8, name) + _bytes(9, data)


def _external(name: str, shape: Sequence[int]) -> bytes:
    """A float weight declared with external data (the session is given it: ``add_external_initializers``)."""
    location = _bytes(13, _str(1, "location") + _str(2, "kfstudio-session-initializer"))
    return b"".join(_int(1, d) for d in shape) + _int(2, _FLOAT) + _str(8, name) + location + _int(14, 1)


def _value_info(name: str, elem: int, dims: Sequence[int | str]) -> bytes:
    shape = b"".join(_bytes(1, _int(1, d) if isinstance(d, int) else _str(2, d)) for d in dims)
    tensor_type = _int(1, elem) + _bytes(2, shape)
    return _str(1, name) + _bytes(2, _bytes(1, tensor_type))


# --------------------------------------------------------------------------- the encoder
def encoder_graph(weights: dict[str, np.ndarray], layers: int, heads: int, dim: int, eps: float) -> bytes:
    """ONNX model bytes of the encoder. ``weights`` maps each large initializer's name to its array (the names
    :meth:`MiniLMEncoder._onnx_weights` gives). Inputs: ``ids`` and ``types`` (int64, batch x length), ``positions``
    (int64, length) and ``bias`` (float, batch x 1 x 1 x length: 0 for a token, -1e9 for padding); output
    ``hidden`` (float, batch x length x dim)."""
    d = dim // heads
    nodes: list[bytes] = []
    consts: dict[str, np.ndarray] = {
        "c_qkv_shape": np.array([0, 0, 3, heads, d], dtype=np.int64),
        "c_ctx_shape": np.array([0, 0, dim], dtype=np.int64),
        "c_i0": np.array(0, dtype=np.int64), "c_i1": np.array(1, dtype=np.int64), "c_i2": np.array(2, dtype=np.int64),
        "c_scale": np.array(1.0 / np.sqrt(d), dtype=np.float32),
        "c_half": np.array(0.5, dtype=np.float32), "c_one": np.array(1.0, dtype=np.float32),
        "c_inv_sqrt2": np.array(1.0 / np.sqrt(2.0), dtype=np.float32),
    }

    def op(kind: str, inputs: list[str], out: str, **attrs) -> str:
        nodes.append(_node(kind, inputs, [out], **attrs))
        return out

    x = op("Add", [op("Add", [op("Gather", ["word_embeddings", "ids"], "e_word"),
                              op("Gather", ["position_embeddings", "positions"], "e_pos")], "e_sum"),
                   op("Gather", ["token_type_embeddings", "types"], "e_type")], "e_all")
    x = op("LayerNormalization", [x, "embeddings_ln_g", "embeddings_ln_b"], "e_ln", axis=-1, epsilon=float(eps))
    for i in range(layers):
        p = f"l{i}_"
        qkv = op("Add", [op("MatMul", [x, p + "qkv_w"], p + "qkv_mm"), p + "qkv_b"], p + "qkv")
        qkv = op("Reshape", [qkv, "c_qkv_shape"], p + "qkv_r")
        qkv = op("Transpose", [qkv], p + "qkv_t", perm=[2, 0, 3, 1, 4])  # (3, n, heads, L, d)
        q, k, v = (op("Gather", [qkv, f"c_i{j}"], p + name, axis=0) for j, name in enumerate("qkv"))
        kt = op("Transpose", [k], p + "kt", perm=[0, 1, 3, 2])
        scores = op("Add", [op("Mul", [op("MatMul", [q, kt], p + "qk"), "c_scale"], p + "qk_s"), "bias"], p + "scores")
        probs = op("Softmax", [scores], p + "probs", axis=-1)
        ctx = op("Transpose", [op("MatMul", [probs, v], p + "ctx")], p + "ctx_t", perm=[0, 2, 1, 3])
        ctx = op("Reshape", [ctx, "c_ctx_shape"], p + "ctx_r")
        attn = op("Add", [op("MatMul", [ctx, p + "o_w"], p + "o_mm"), p + "o_b"], p + "o")
        x = op("LayerNormalization", [op("Add", [x, attn], p + "res1"), p + "ln1_g", p + "ln1_b"], p + "ln1",
               axis=-1, epsilon=float(eps))
        h = op("Add", [op("MatMul", [x, p + "i_w"], p + "i_mm"), p + "i_b"], p + "i")
        erf = op("Erf", [op("Mul", [h, "c_inv_sqrt2"], p + "g_in")], p + "g_erf")
        gelu = op("Mul", [op("Mul", [h, "c_half"], p + "g_half"), op("Add", [erf, "c_one"], p + "g_1p")], p + "gelu")
        out = op("Add", [op("MatMul", [gelu, p + "f_w"], p + "f_mm"), p + "f_b"], p + "f")
        x = op("LayerNormalization", [op("Add", [x, out], p + "res2"), p + "ln2_g", p + "ln2_b"],
               "hidden" if i == layers - 1 else p + "ln2", axis=-1, epsilon=float(eps))

    graph = b"".join(nodes) + _str(2, "kfstudio_minilm")
    graph += b"".join(_bytes(5, _external(name, w.shape)) for name, w in weights.items())
    graph += b"".join(_bytes(5, _tensor(name, c)) for name, c in consts.items())
    graph += _bytes(11, _value_info("ids", _INT64, ["batch", "length"]))
    graph += _bytes(11, _value_info("types", _INT64, ["batch", "length"]))
    graph += _bytes(11, _value_info("positions", _INT64, ["length"]))
    graph += _bytes(11, _value_info("bias", _FLOAT, ["batch", 1, 1, "length"]))
    graph += _bytes(12, _value_info("hidden", _FLOAT, ["batch", "length", dim]))
    opset = _bytes(8, _str(1, "") + _int(2, OPSET))
    return _int(1, _IR_VERSION) + _str(2, "kfstudio") + opset + _bytes(7, graph)
