"""Hostile inputs at random, for every public function of cnnlib.

Each call gets arrays of a random dtype (integers, uint8, bool, float16/32/64,
object), memory layout (Fortran order, strided, negative strides, read-only,
broadcast views) and values (NaN and infinities among floats), and arguments
of random types (numpy scalars and arrays, tuples, lists), sometimes a bad
one. The outcome must be **either** the result of the reference loops on the
same numbers computed exactly (Python integers, or float64), rounded to the
dtype of :mod:`cnnlib.dtypes`, **or** a ``ValueError``/``TypeError`` whose
message names the argument at fault -- never another exception, never a
warning, never a changed input, never a result sharing an input's memory.
"""

import re
import warnings

import numpy as np
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import cnnlib
from cnnlib import reference

NUMERIC = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint64, np.bool_]
NUMERIC += [np.float16, np.float32, np.float64, object]
REFUSED = [np.complex128, np.str_, "datetime64[s]", "object-with-None"]  # dtypes no layer computes with
LAYOUTS = ["C", "F", "strided", "reversed", "read-only", "broadcast"]

BAD = {  # values each scalar argument must refuse by name
    "stride": [0, -1, 1.5, "2", None, True, (1,), (1, 2, 3), (0, 1), np.array([1.0, 2.0])],
    "padding": [-1, "same", 1.5, None, 10**30, (1, -1)],
    "dilation": [0, 1.5, "1", None],
    "groups": [0, 1.5, "1", None, np.array([1, 1]), 5],
    "size": [0, 2.5, "2", None, (100, 1)],
    "mode": ["mean", None, 1, "MAX"],
    "output_padding": ["1", None, -1, 1.5, 50],
}


def _pair(draw, value):
    """``value``, an int pair, in one of the forms a caller may write it."""
    a, b = value
    forms = [(a, b), [a, b], np.array([a, b]), (np.int64(a), np.uint8(b))]
    if a == b:
        forms += [a, np.int32(a), np.array(a)]
    return draw(st.sampled_from(forms))


@st.composite
def arrays(draw, shape, *, name):
    """An array of ``shape``: random dtype, layout and small values (so that every exact sum fits any dtype's range)."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if draw(st.integers(0, 24)) == 0:  # now and then a dtype that must be refused
        kind = draw(st.sampled_from(REFUSED))
        if kind == "object-with-None" and 0 not in shape:
            out = np.ones(shape, dtype=object)
            out.flat[0] = None
            return out
        return np.zeros(shape, dtype=np.complex128 if kind == "object-with-None" else kind)
    dtype = np.dtype(draw(st.sampled_from(NUMERIC)))
    layout = draw(st.sampled_from(LAYOUTS))
    base = list(shape)
    if layout == "broadcast":  # a size-1 axis stretched by a zero stride
        axes = [k for k, n in enumerate(shape) if n > 1]
        if axes:
            base[draw(st.sampled_from(axes))] = 1
    values = rng.integers(-3, 4, size=base) / draw(st.sampled_from([1, 2]))
    python_ints = dtype.kind == "O" and draw(st.booleans())  # an object array of Python ints, else of floats
    if dtype.kind in "iub" or python_ints:
        values = np.round(values)
    if dtype.kind == "u":
        values = np.abs(values)
    if dtype.kind == "b":
        values = values > 0
    if (dtype.kind == "f" or (dtype.kind == "O" and not python_ints)) and values.size and draw(st.integers(0, 3)) == 0:
        for _ in range(draw(st.integers(1, 3))):  # a NaN or an infinity, or a few
            values.flat[rng.integers(values.size)] = draw(st.sampled_from([np.nan, np.inf, -np.inf]))
    if dtype.kind == "O":
        data = np.array([int(v) if python_ints else float(v) for v in values.flat], dtype=object).reshape(base)
    else:
        data = values.astype(dtype)
    if layout == "F":
        return np.asfortranarray(data)
    if layout == "strided" and data.ndim:
        big = np.zeros((*data.shape[:-1], 2 * data.shape[-1]), dtype=data.dtype)
        big[..., ::2] = data
        return big[..., ::2]
    if layout == "reversed" and data.ndim:
        return data[::-1].copy()[::-1]
    if layout == "read-only":
        data.flags.writeable = False
    if layout == "broadcast":
        return np.broadcast_to(data, shape)
    return data


def _computable(a):
    """An array of numbers (not of complex numbers, strings, dates or None)."""
    return a.dtype.kind in "biuf" or (a.dtype == object and all(v is not None for v in a.flat))


def exact(a):
    """The numbers of ``a`` as an object array, exactly: Python ints for integers, Python floats for floats."""
    a = np.asarray(a)
    if a.dtype.kind in "iub":
        return np.array([int(v) for v in a.flat], dtype=object).reshape(a.shape)
    return np.array([float(v) for v in a.flat], dtype=object).reshape(a.shape)


def assert_same_numbers(got, want, result_dtype):
    """``got`` equals the exact ``want`` rounded to ``result_dtype`` (means and float16 may differ by rounding twice)."""
    assert got.shape == want.shape
    if result_dtype.kind in "iub":
        assert [int(v) for v in got.flat] == [int(v) for v in want.flat]
        return
    got64 = np.array([float(v) for v in np.asarray(got).flat]).reshape(got.shape)
    with np.errstate(all="ignore"):
        want_r = np.array([float(v) for v in want.flat]).reshape(want.shape)
        if result_dtype.kind != "O":
            want_r = want_r.astype(result_dtype).astype(np.float64)
    eps = np.finfo(result_dtype).eps if result_dtype.kind != "O" else 1e-15
    finite = want_r[np.isfinite(want_r)]
    scale = max(1.0, float(np.abs(finite).max())) if finite.size else 1.0
    np.testing.assert_allclose(got64, want_r, rtol=4 * eps, atol=4 * eps * scale, equal_nan=True)


def expected_dtype(arrays, mean=False):
    """The README's rule, written out independently of cnnlib.dtypes."""
    kinds = {a.dtype.kind for a in arrays if a is not None}
    if "O" in kinds:
        return np.dtype(object)
    floats = [a.dtype for a in arrays if a is not None and a.dtype.kind == "f"]
    if floats:
        return np.result_type(*[a.dtype for a in arrays if a is not None])
    return np.dtype(np.float64 if mean else np.int64)


def run(fn, ref, args, arrays_in, *, mean=False, keep_dtype=None):
    """Call ``fn(**args)`` and check the outcome against ``ref`` on the exact numbers."""
    args = dict(args)
    culprits = [args.pop("_bad")] if "_bad" in args else []  # a scalar argument given a bad value
    culprits += [k for k, v in arrays_in.items() if v is not None and not _computable(v)]
    snapshot = {k: (np.array(v, copy=True), v.flags.writeable) for k, v in arrays_in.items() if v is not None}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            out = fn(**args)
        except (ValueError, TypeError) as err:
            named = [k for k in culprits if re.search(rf"(?<![\w.]){re.escape(k)}(?!\w)", str(err))]
            assert named, f"{type(err).__name__} does not name the argument at fault, one of {culprits}: {err}"
            event(f"{type(err).__name__} naming {named[0]}")
            return err
    assert not culprits, f"accepted a bad {culprits}"
    for k, (before, writeable) in snapshot.items():  # inputs untouched
        after = arrays_in[k]
        assert after.dtype == before.dtype and after.shape == before.shape
        assert all(a == b or (a != a and b != b) for a, b in zip(after.flat, before.flat)), f"{k} was changed"
        assert after.flags.writeable == writeable
    outs = out if isinstance(out, tuple) else (out,)
    for o in outs:
        assert isinstance(o, np.ndarray)
        for v in arrays_in.values():
            assert v is None or not np.shares_memory(o, v), "a result shares memory with an input"
    dtype = keep_dtype if keep_dtype is not None else expected_dtype(list(arrays_in.values()), mean)
    assert all(o.dtype == dtype for o in outs), ([o.dtype for o in outs], dtype)
    event(f"a result in {dtype}")
    ref_args = {k: exact(v) if k in arrays_in and v is not None else v for k, v in args.items()}
    want = ref(**ref_args)
    for o, w in zip(outs, want if isinstance(want, tuple) else (want,), strict=True):
        assert_same_numbers(o, np.asarray(w), dtype)
    return out


def maybe_bad(draw, args, names, *, valid=()):
    """With probability 1/4, replace one of the scalar arguments ``names`` by a value it must refuse.

    ``valid`` lists values of BAD that this function accepts (``stride=None`` in pooling).
    """
    if draw(st.integers(0, 3)):
        return args
    name = draw(st.sampled_from(names))
    bad = [v for v in BAD[name] if not any(v is ok for ok in valid)]
    return args | {name: draw(st.sampled_from(bad)), "_bad": name}


# -- the convolution, forward and backward -------------------------------------------------------


@st.composite
def conv_case(draw, backward):
    groups = draw(st.sampled_from([1, 1, 2]))
    c_prev, c = groups * draw(st.integers(1, 2)), groups * draw(st.integers(1, 2))
    k1, k2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    d1, d2 = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    p1, p2 = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    s1, s2 = draw(st.sampled_from([1, 2, 3, 2**62])), draw(st.integers(1, 3))
    h = draw(st.integers(max(1, d1 * (k1 - 1) + 1 - 2 * p1), 5))
    w = draw(st.integers(max(1, d2 * (k2 - 1) + 1 - 2 * p2), 5))
    m = draw(st.integers(0, 2))
    A = draw(arrays((m, h, w, c_prev), name="A_prev"))
    W = draw(arrays((k1, k2, c_prev // groups, c), name="W"))
    args = dict(A_prev=A, W=W, stride=_pair(draw, (s1, s2)), padding=_pair(draw, (p1, p2)))
    args |= dict(dilation=_pair(draw, (d1, d2)), groups=draw(st.sampled_from([groups, np.int8(groups)])))
    if backward:
        n_H = (h + 2 * p1 - d1 * (k1 - 1) - 1) // s1 + 1
        n_W = (w + 2 * p2 - d2 * (k2 - 1) - 1) // s2 + 1
        args = dict(dZ=draw(arrays((m, n_H, n_W, c), name="dZ"))) | args
    else:
        args["b"] = draw(st.one_of(st.none(), arrays((c,), name="b")))
    return maybe_bad(draw, args, ["stride", "padding", "dilation", "groups"])


@given(conv_case(backward=False))
def test_conv_forward(args):
    run(cnnlib.conv_forward, reference.conv_forward, args, {k: args[k] for k in ("A_prev", "W", "b")})


@given(conv_case(backward=True))
def test_conv_backward(args):
    run(cnnlib.conv_backward, reference.conv_backward, args, {k: args[k] for k in ("dZ", "A_prev", "W")})


# -- pooling ---------------------------------------------------------------------------------------


@st.composite
def pool_case(draw, backward):
    k1, k2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h, w, m, c = draw(st.integers(k1, 6)), draw(st.integers(k2, 6)), draw(st.integers(0, 2)), draw(st.integers(1, 2))
    stride = draw(st.sampled_from([None, (1, 1), (2, 1), (k1, k2), (3, 2), (2**62, 1)]))
    mode = draw(st.sampled_from(["max", "avg"]))
    args = dict(A_prev=draw(arrays((m, h, w, c), name="A_prev")), size=_pair(draw, (k1, k2)), mode=mode)
    args["stride"] = stride if stride is None else _pair(draw, stride)
    if backward:
        s1, s2 = stride or (k1, k2)
        args = dict(dA=draw(arrays((m, (h - k1) // s1 + 1, (w - k2) // s2 + 1, c), name="dA"))) | args
    return maybe_bad(draw, args, ["size", "stride", "mode"], valid=[None])


@given(pool_case(backward=False))
def test_pool_forward(args):
    keep = args["A_prev"].dtype if args["mode"] == "max" and args["A_prev"].dtype.kind in "biufO" else None
    run(cnnlib.pool_forward, reference.pool_forward, args, {"A_prev": args["A_prev"]}, mean=True, keep_dtype=keep)


@given(pool_case(backward=True))
def test_pool_backward(args):
    arrays_in = {"dA": args["dA"], "A_prev": args["A_prev"]}
    run(cnnlib.pool_backward, reference.pool_backward, args, arrays_in, mean=args["mode"] == "avg")


@st.composite
def global_case(draw, backward):
    m, h, w, c = draw(st.integers(0, 2)), draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
    args = dict(A_prev=draw(arrays((m, h, w, c), name="A_prev")))
    if backward:
        args = dict(dA=draw(arrays((m, c), name="dA"))) | args
    return args


@given(global_case(backward=False))
def test_global_avg_pool_forward(args):
    run(cnnlib.global_avg_pool_forward, reference.global_avg_pool_forward, args, args, mean=True)


@given(global_case(backward=True))
def test_global_avg_pool_backward(args):
    run(cnnlib.global_avg_pool_backward, reference.global_avg_pool_backward, args, args, mean=True)


# -- transposed convolution ----------------------------------------------------------------------


@st.composite
def transpose_case(draw, backward):
    groups = draw(st.sampled_from([1, 1, 2]))
    c_out, c = groups * draw(st.integers(1, 2)), groups * draw(st.integers(1, 2))
    k1, k2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    s, d = (draw(st.integers(1, 2)), draw(st.integers(1, 2))), (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    op = tuple(draw(st.integers(0, max(s[a], d[a]) - 1)) for a in (0, 1))
    n_H, n_W, m = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(0, 2))
    full = ((n_H - 1) * s[0] + d[0] * (k1 - 1) + 1 + op[0], (n_W - 1) * s[1] + d[1] * (k2 - 1) + 1 + op[1])
    p = tuple(draw(st.integers(0, (full[a] - 1) // 2)) for a in (0, 1))
    X = draw(arrays((m, n_H, n_W, c), name="X"))
    args = dict(X=X, W=draw(arrays((k1, k2, c_out // groups, c), name="W")), stride=_pair(draw, s))
    args |= dict(padding=_pair(draw, p), output_padding=_pair(draw, op), dilation=_pair(draw, d), groups=groups)
    if backward:
        out = (m, full[0] - 2 * p[0], full[1] - 2 * p[1], c_out)
        args = dict(dY=draw(arrays(out, name="dY"))) | args
    else:
        args["b"] = draw(st.one_of(st.none(), arrays((c_out,), name="b")))
    return maybe_bad(draw, args, ["stride", "padding", "output_padding", "dilation", "groups"])


@given(transpose_case(backward=False))
def test_conv_transpose_forward(args):
    arrays_in = {k: args[k] for k in ("X", "W", "b")}
    run(cnnlib.conv_transpose_forward, reference.conv_transpose_forward, args, arrays_in)


@given(transpose_case(backward=True))
def test_conv_transpose_backward(args):
    arrays_in = {k: args[k] for k in ("dY", "X", "W")}
    run(cnnlib.conv_transpose_backward, reference.conv_transpose_backward, args, arrays_in)


# -- plain 2-D and 1-D correlation and convolution, rot180, pad ------------------------------------


@st.composite
def pair_case(draw, ndim):
    shape_K = tuple(draw(st.integers(1, 3)) for _ in range(ndim))
    shape_I = tuple(draw(st.integers(k, 5)) for k in shape_K)
    return dict(I=draw(arrays(shape_I, name="I")), K=draw(arrays(shape_K, name="K")))


def _numpy_1d(I, K, mode):
    I, K = np.asarray(I, dtype=object), np.asarray(K, dtype=object)
    n, k = len(I), len(K)
    if mode == "valid":
        return np.array([sum(I[i + m] * K[m] for m in range(k)) for i in range(n - k + 1)], dtype=object)
    return np.array([sum(I[i - m] * K[m] for m in range(k) if 0 <= i - m < n) for i in range(n + k - 1)], dtype=object)


@given(pair_case(2), st.sampled_from(["correlate2d", "convolve2d"]))
def test_correlate2d_and_convolve2d(args, name):
    run(getattr(cnnlib, name), getattr(reference, name), args, args)


@given(pair_case(1), st.sampled_from(["valid", "full"]))
def test_correlate1d_and_convolve1d(args, mode):
    fn = cnnlib.correlate1d if mode == "valid" else cnnlib.convolve1d
    run(fn, lambda I, K: _numpy_1d(I, K, mode), args, args)


@given(st.data())
def test_rot180_and_pad(data):
    K = data.draw(arrays((data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)), 2), name="K"))
    run(
        cnnlib.rot180,
        lambda K: K[::-1, ::-1],
        dict(K=K),
        dict(K=K),
        keep_dtype=K.dtype if K.dtype.kind in "biufO" else None,
    )
    A = data.draw(arrays((1, 2, 3, 2), name="A"))
    padding = data.draw(st.sampled_from([0, 1, (0, 2), np.array([1, 0]), -1, "1", 10**30]))
    p1, p2 = (padding, padding) if np.ndim(padding) == 0 else padding
    p1, p2 = (0, 0) if isinstance(padding, str) or min(p1, p2) < 0 or p1 > 99 else (int(p1), int(p2))
    want = lambda A, padding: np.pad(A, ((0, 0), (p1, p1), (p2, p2), (0, 0)))
    args = dict(A=A, padding=padding) | ({"_bad": "padding"} if (p1, p2) == (0, 0) and padding != 0 else {})
    run(cnnlib.pad, want, args, dict(A=A), keep_dtype=A.dtype if A.dtype.kind in "biufO" else None)


# -- activations and sizes -----------------------------------------------------------------------


def _sigmoid(z):
    z = float(z)
    return 1 / (1 + np.exp(-z)) if z >= 0 else np.exp(z) / (1 + np.exp(z))  # (NaN takes the second branch)


@given(st.data(), st.sampled_from(sorted(cnnlib.ACTIVATIONS)))
def test_activations(data, name):
    Z = data.draw(arrays((2, 3), name="Z"))
    g, g_prime = cnnlib.ACTIVATIONS[name]
    formulas = {
        "relu": (lambda z: max(z, 0) if z == z else z, lambda z: float(z > 0)),
        "sigmoid": (_sigmoid, lambda z: _sigmoid(z) * (1 - _sigmoid(z))),
        "tanh": (lambda z: np.tanh(float(z)), lambda z: 1 - np.tanh(float(z)) ** 2),
        "identity": (lambda z: z, lambda z: 1.0),
    }
    f, f_prime = formulas[name]
    entrywise = lambda fn: lambda Z: np.array([fn(z) for z in Z.flat], dtype=object).reshape(Z.shape)
    float_out = Z.dtype if Z.dtype.kind == "f" else np.dtype(np.float64)
    if Z.dtype.kind not in "biufO" or (Z.dtype == object and any(v is None for v in Z.flat)):
        with pytest.raises(TypeError, match=r"^Z (must hold|is an object array)"):
            g(Z)
        return
    keep = Z.dtype if name in ("relu", "identity") else float_out
    with np.errstate(all="ignore"):
        run(g, entrywise(f), dict(Z=Z), dict(Z=Z), keep_dtype=keep)
        run(g_prime, entrywise(f_prime), dict(Z=Z), dict(Z=Z), keep_dtype=float_out)


@given(
    st.one_of(st.integers(1, 9), st.sampled_from([np.int16(5), np.uint8(4), 0, -1, 2.0, "3", True, None, 10**30])),
    st.one_of(st.integers(1, 4), st.sampled_from([0, 1.5, np.int64(2)])),
    st.one_of(st.integers(0, 2), st.sampled_from([-1, np.uint8(1), 0.5])),
    st.one_of(st.integers(1, 3), st.sampled_from([0, np.int8(2), "2", 2**62])),
)
def test_output_sizes(n, f, p, s):
    for fn, formula in [
        (cnnlib.output_size, lambda n, f, p, s: (int(n) + 2 * int(p) - int(f)) // int(s) + 1),
        (cnnlib.conv_transpose_output_size, lambda n, f, p, s: (int(n) - 1) * int(s) - 2 * int(p) + int(f)),
    ]:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                got = fn(n, f, p, s)
            except (ValueError, TypeError) as err:
                assert any(name in str(err) for name in ("n ", "f ", "f=", "p ", "p=", "s ", "window", "crops")), err
                continue
        assert type(got) is int and got == formula(n, f, p, s) and got >= 1


# -- im2col and col2im -----------------------------------------------------------------------------


@st.composite
def window_case(draw):
    k1, k2, s1, s2 = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 2))
    d1, d2 = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    n_H, n_W, m, c = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 2)), draw(st.integers(1, 3))
    H, W = (n_H - 1) * s1 + d1 * (k1 - 1) + 1 + draw(st.integers(0, 1)), (n_W - 1) * s2 + d2 * (k2 - 1) + 1
    args = dict(k1=k1, k2=k2, stride=_pair(draw, (s1, s2)), n_H=n_H, n_W=n_W, dilation=_pair(draw, (d1, d2)))
    if draw(st.integers(0, 5)) == 0:  # a geometry that does not fit
        args |= {"n_H": n_H + 1 + (H - 1) // s1, "_bad": "n_H"}
    return args, (m, H, W, c)


def _two(v):
    return (int(v), int(v)) if np.ndim(v) == 0 else (int(v[0]), int(v[1]))


def _im2col_loops(A_pad, k1, k2, stride, n_H, n_W, dilation):
    (s1, s2), (d1, d2) = _two(stride), _two(dilation)
    rows = [
        [
            A_pad[e, i * s1 + m * d1, j * s2 + n * d2, c]
            for m in range(k1)
            for n in range(k2)
            for c in range(A_pad.shape[3])
        ]
        for e in range(A_pad.shape[0])
        for i in range(n_H)
        for j in range(n_W)
    ]
    return np.array(rows, dtype=object)


@given(window_case(), st.data())
def test_im2col_and_col2im(case, data):
    args, shape = case
    A_pad = data.draw(arrays(shape, name="A_pad"))
    keep = A_pad.dtype if _computable(A_pad) else None
    run(cnnlib.im2col, _im2col_loops, dict(A_pad=A_pad) | args, dict(A_pad=A_pad), keep_dtype=keep)
    if "_bad" in args:
        return
    rows, cols = shape[0] * args["n_H"] * args["n_W"], args["k1"] * args["k2"] * shape[3]
    dcols = data.draw(arrays((rows, cols), name="dcols"))

    def adjoint(dcols, padded_shape, **geometry):  # scatter-add each row back where im2col read it
        index = np.arange(int(np.prod(padded_shape))).reshape(padded_shape)
        where = _im2col_loops(index, **geometry)
        out = np.zeros(int(np.prod(padded_shape)), dtype=object)
        for r, c in np.ndindex(*where.shape):
            out[where[r, c]] += dcols[r, c]
        return out.reshape(padded_shape)

    run(cnnlib.col2im, adjoint, dict(dcols=dcols, padded_shape=shape) | args, dict(dcols=dcols))
