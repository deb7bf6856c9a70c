"""Students of transposed_output_size (chapter 03)."""

NAME = "transposed_output_size"


def formula(n, f, p=0, s=1):
    return (n - 1) * s - 2 * p + f


def search(n, f, p=0, s=1):
    size = 1
    while (size + 2 * p - f) // s + 1 < n or size + 2 * p < f:
        size += 1
    return size


def from_the_padded_input(n, f, p=0, s=1):
    last_window_start = (n - 1) * s
    padded = last_window_start + f
    return padded - 2 * p


def n_steps(n, f, p=0, s=1):
    return n * s + f - 2 * p


def padding_wrong_sign(n, f, p=0, s=1):
    return (n - 1) * s + f + 2 * p


def one_side(n, f, p=0, s=1):
    return s * (n - 1) + f - p


def up_to_the_next_window(n, f, p=0, s=1):
    return n * s - 2 * p + f - 1


def divides(n, f, p=0, s=1):
    return (n - 1) // s + f - 2 * p


def without_f(n, f, p=0, s=1):
    return s * (n - 1) - 2 * p


def last_index(n, f, p=0, s=1):
    return (n - 1) * s + (f - 1) - 2 * p


CORRECT = [formula, search, from_the_padded_input]
WRONG = {
    "tsize_n_not_minus_one": n_steps,
    "tsize_padding_added": padding_wrong_sign,
    "tsize_padding_once": one_side,
    "tsize_largest_input": up_to_the_next_window,
    "tsize_divided_by_s": divides,
    "tsize_no_window": without_f,
    "tsize_last_row_index": last_index,
}
