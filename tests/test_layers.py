"""cnnlib.layers: every backward pass against central differences, the optimiser, a training smoke test."""

import numpy as np
import pytest

import cnnlib
from cnnlib import layers as L


def tiny_net(rng, dtype=np.float64):
    """conv 3x3 pad 1 -> ReLU -> max pool 2 -> conv 2x2 stride 2 pad 1 -> ReLU -> flatten -> dense."""
    return L.Sequential(
        L.Conv(3, 3, 2, 3, padding=1, rng=rng, dtype=dtype),
        L.ReLU(),
        L.MaxPool(2),
        L.Conv(2, 2, 3, 4, stride=2, padding=1, rng=rng, dtype=dtype),
        L.ReLU(),
        L.Flatten(),
        L.Dense(4 * 2 * 2, 5, rng=rng, dtype=dtype),
    )


def check_layer(layer, x, rng):
    """Input and parameter gradients of ``sum(G * layer(x))`` against central differences."""
    G = rng.standard_normal(layer.predict(x).shape)
    loss = lambda: float(np.sum(G * layer.predict(x)))
    layer.forward(x)
    dx = layer.backward(G)
    assert cnnlib.gradcheck(lambda v: np.sum(G * layer.predict(v)), x, dx) < 1e-8
    for p, g in zip(layer.params(), layer.grads(), strict=True):
        assert cnnlib.gradcheck(lambda v, p=p: _set(p, v) or loss(), p.copy(), g) < 1e-8


def _set(p, v):
    p[...] = v


@pytest.mark.parametrize("stride, padding", [(1, 0), (1, 1), (2, 1), ((2, 1), (0, 2))])
def test_conv_backward_matches_finite_differences(stride, padding):
    rng = np.random.default_rng(0)
    layer = L.Conv(3, 2, 2, 3, stride, padding, rng=rng, dtype=np.float64)
    layer.b[:] = rng.standard_normal(3)
    check_layer(layer, rng.standard_normal((2, 5, 6, 2)), rng)


@pytest.mark.parametrize(
    "layer, shape",
    [
        (L.ReLU(), (2, 3, 3, 2)),
        (L.MaxPool(2), (2, 4, 5, 3)),
        (L.MaxPool(3, 2), (1, 7, 7, 2)),
        (L.Flatten(), (2, 2, 3, 2)),
    ],
)
def test_parameterless_layers_match_finite_differences(layer, shape):
    rng = np.random.default_rng(1)
    check_layer(layer, rng.standard_normal(shape), rng)


def test_dense_backward_matches_finite_differences():
    rng = np.random.default_rng(2)
    layer = L.Dense(4, 3, rng=rng, dtype=np.float64)
    layer.b[:] = rng.standard_normal(3)
    check_layer(layer, rng.standard_normal((5, 4)), rng)


def test_softmax_cross_entropy_value_and_gradient():
    rng = np.random.default_rng(3)
    logits, y = rng.standard_normal((4, 5)), np.array([0, 4, 2, 2])
    loss, dlogits = L.softmax_cross_entropy(logits, y)
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert loss == pytest.approx(-np.mean(np.log(p[np.arange(4), y])), rel=1e-12)
    assert cnnlib.gradcheck(lambda v: L.softmax_cross_entropy(v, y)[0], logits, dlogits) < 1e-8
    # stable for huge logits, and uniform logits give log K
    big, _ = L.softmax_cross_entropy(np.array([[1000.0, 0.0], [0.0, 1000.0]]), np.array([0, 1]))
    assert big == 0.0
    assert L.softmax_cross_entropy(np.zeros((3, 10)), np.array([1, 2, 3]))[0] == pytest.approx(np.log(10))


def test_whole_network_gradient_check():
    rng = np.random.default_rng(4)
    net = tiny_net(rng)
    x, y = rng.standard_normal((3, 6, 6, 2)), np.array([0, 3, 4])
    loss = lambda: L.softmax_cross_entropy(net.predict(x), y)[0]
    dx = net.backward(L.softmax_cross_entropy(net.forward(x), y)[1])
    assert cnnlib.gradcheck(lambda v: L.softmax_cross_entropy(net.predict(v), y)[0], x, dx) < 1e-6
    for p, g in zip(net.params(), net.grads(), strict=True):
        assert cnnlib.gradcheck(lambda v, p=p: _set(p, v) or loss(), p.copy(), g) < 1e-6


def test_a_wrong_backward_is_caught():
    rng = np.random.default_rng(5)
    layer = L.Conv(2, 2, 1, 2, rng=rng, dtype=np.float64)
    x, G = rng.standard_normal((1, 4, 4, 1)), rng.standard_normal((1, 3, 3, 2))
    layer.forward(x)
    dx = layer.backward(G)
    assert cnnlib.gradcheck(lambda v: np.sum(G * layer.predict(v)), x, dx[:, ::-1]) > 0.1


def test_sgd_momentum_update_rule():
    p = np.array([1.0, -2.0])
    opt = L.SGD([p], lr=0.1, momentum=0.5)
    opt.step([np.array([1.0, 2.0])])  # v = g = (1, 2);  p = (0.9, -2.2)
    np.testing.assert_allclose(p, [0.9, -2.2])
    opt.step([np.array([1.0, 0.0])])  # v = 0.5 * (1, 2) + (1, 0) = (1.5, 1);  p = (0.75, -2.3)
    np.testing.assert_allclose(p, [0.75, -2.3])
    np.testing.assert_allclose(opt.velocity[0], [1.5, 1.0])


def test_float32_stays_float32():
    rng = np.random.default_rng(6)
    net = tiny_net(rng, np.float32)
    x = rng.standard_normal((2, 6, 6, 2)).astype(np.float32)
    logits = net.forward(x)
    net.backward(L.softmax_cross_entropy(logits, np.array([1, 2]))[1])
    assert logits.dtype == np.float32
    assert all(g.dtype == np.float32 for g in net.grads())


def test_validation_errors():
    rng = np.random.default_rng(7)
    with pytest.raises(ValueError, match="k1 must be a positive int"):
        L.Conv(0, 3, 1, 1, rng=rng)
    with pytest.raises(ValueError, match="stride must be a positive int"):
        L.Conv(3, 3, 1, 1, stride=0, rng=rng)
    with pytest.raises(ValueError, match=r"Dense expects input of shape \(m, 4\)"):
        L.Dense(4, 2, rng=rng).forward(np.zeros((3, 5)))
    with pytest.raises(ValueError, match="W has 2 input channels"):
        L.Conv(3, 3, 2, 1, rng=rng).forward(np.zeros((1, 4, 4, 3)))
    with pytest.raises(ValueError, match=r"integer labels in 0\.\.2"):
        L.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match=r"logits must be \(m, K\)"):
        L.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2]))
    with pytest.raises(RuntimeError, match="before forward"):
        L.ReLU().backward(np.zeros(3))
    with pytest.raises(ValueError, match="momentum"):
        L.SGD([], lr=0.1, momentum=1.0)


def test_training_reduces_the_loss():
    rng = np.random.default_rng(8)
    X = rng.standard_normal((64, 6, 6, 2)).astype(np.float32)
    y = (X[:, :3].sum(axis=(1, 2, 3)) > X[:, 3:].sum(axis=(1, 2, 3))).astype(int)  # top half vs bottom half
    net = tiny_net(rng, np.float32)
    opt = L.SGD(net.params(), lr=0.05, momentum=0.9)
    first = L.softmax_cross_entropy(net.predict(X), y)[0]
    for _ in range(60):
        loss, d = L.softmax_cross_entropy(net.forward(X), y)
        net.backward(d)
        opt.step(net.grads())
    assert loss < 0.5 * first
