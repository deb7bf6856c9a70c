"""The exercise checker in English: every sentence a report can print, by key, and the catalogue's texts.

:mod:`.zh` has the same tables with the same keys, and each template there uses the same placeholders
(tests/test_exercises.py checks both). A report is assembled from these keys (:mod:`.report`); nothing
is translated from the English after the fact.

- ``MESSAGES``: the report's sentences, ``key -> str.format template``;
- ``MISTAKES``: each catalogued mistake (:mod:`.mistakes`) as a sentence;
- ``SECTIONS``: where the book derives each exercise's right formula;
- ``SUMMARY``: how the success line describes the range of cases, "from ... to ...";
- ``LABELS``: each case of :mod:`.cases` by its label (in English, the label itself);
- ``JOIN``: how lists are joined: ``items`` (indices), ``facts`` and ``mistakes``.
"""

from .cases import CASES
from .practice import SPECS

__all__ = ["JOIN", "LABELS", "MESSAGES", "MISTAKES", "SECTIONS", "SUMMARY"]

MESSAGES = {
    # the report's frame (report.py)
    "passed": "{name}: {n} cases passed, {summary}",
    "problem": "{name}: {problem}",
    "case": "case {k} of {n}: {label}: {call}",
    "expected": "expected:",
    "got": "got:",
    "diagnosis": "Diagnosis: {mistake}",
    "diagnosis_two": "Diagnosis: two mistakes, which together reproduce this output:",
    "one_of_two": "{k}. {mistake}",
    "source_slip": "(Chapter 07, entry {entry}, collects the source's version.)",
    "several_mistakes": "The output matches more than one known mistake: {mistakes}",
    "unknown_mistake": "No known mistake reproduces this output. What differs: {facts}.",
    "formula": "The right formula: {section}.",
    "differs": "entries that differ (x):",
    "cases_right": "Cases right: {right} of {n}",
    "case_mark": "{mark} {k}. {label}",
    "case_mark_parts": "{mark} {k}. {label}: {parts}",
    "part_mark": "{part}\u00a0{mark}",
    "not_run": "the cases from {start} on were not run: the function did not return from case {last}",
    # what the function did instead of returning (check in __init__.py)
    "not_a_function": "expected a function, got {type}",
    "timeout": "still running after the time limit of {limit:g} s, so it was stopped (an endless loop?)",
    "timeout_running": "still running after the time limit of {limit:g} s, and it could not be stopped: it "
    "catches the interruption, or sits in C code that has not returned. It may go on in the background "
    "until you restart the kernel (an endless loop?)",
    "crashed": "crashed the process it ran in (signal {signal}): numpy or C code it called failed",
    "not_written": "not written yet (it raises NotImplementedError): write the function above, then run this cell again",
    "exited": "ended the process it ran in (exit code {code}) before returning: os._exit?",
    "raised": "raised {error}: {message}",
    "raised_at": "in the line: {line}",
    "changed_input": "changed its input {arg} in place; a layer must leave its inputs alone",
    # what it returned (run.compare)
    "returned_none": "returned None (is the `return` missing?)",
    "not_an_array": "returned a {type} that is not an array",
    "array_of": "returned an array of {type}, not numbers",
    "array_of_bools": "returned an array of booleans (dtype bool), not numbers",
    "not_real": "returned an array of dtype {dtype}, not real numbers",
    "not_a_tuple": "returned a {type}; expected a tuple of {n} arrays",
    "wrong_count": "returned {got} values; expected {n}",
    "not_an_int": "returned {value!r}, a {type}; a size is a whole number, an int",
    "wrong_size": "returned {got}, expected {expected}",
    "wrong_shape": "returned shape {got}, expected {expected}",
    "integers": "returned integers (dtype {dtype}) where the result has fractions",
    "wrong_values_exact": "returned the right shape but different values (compared exactly: the inputs are integers)",
    "wrong_values_close": "returned the right shape but different values (off by more than {tolerance:g}, "
    "both absolutely and relatively)",
    "in_part": "{part}: {problem}",
    # how the values differ (run.differences)
    "entries_differ": "{n} of {total} entries differ",
    "only_in_example": "only in example {which}",
    "only_in_examples": "only in examples {which}",
    "only_in_row": "only in row {which}",
    "only_in_rows": "only in rows {which}",
    "only_in_column": "only in column {which}",
    "only_in_columns": "only in columns {which}",
    "only_in_channel": "only in channel {which}",
    "only_in_channels": "only in channels {which}",
    "scaled": "every entry is {ratio:g} times the expected one",
    "turned": "it is the expected array turned by 180°",
    "transposed": "it is the expected array transposed",
    "misplaced": "the total is right, so the values are in the wrong places",
    "shifted": "it is the expected array shifted by Δr = {rows}, Δc = {columns} (down and to the right when "
    "positive): its entry (r, q) is the expected (r − Δr, q − Δc), wherever both exist",
    "border_only": "the interior is right: every wrong entry lies in a frame {width} wide along the edges "
    "(a padding bug?)",
    "channels_swapped": "its two channel axes are swapped: entry [:, :, c′, c] holds the expected [:, :, c, c′]",
    # an array too large to print (run.show), and one part of a result (conv_backward's dW)
    "array_of_shape": "an array of shape {shape}",
    "part_value": "{part} {value}",
    # the catalogue as a table (report.mistakes_table)
    "table_key": "key",
    "table_mistake": "the mistake",
    "table_source": "source",
    "table_entry": "entry {entry}",
    "table_errors": "exceptions, in any exercise",
}

JOIN = {"items": ", ", "facts": "; ", "mistakes": "; ", "parts": ", "}

MISTAKES = {
    # rot180
    "rot180_transposed": "The kernel is transposed (K.T), not turned by 180°: turning reverses both the rows and "
    "the columns, rot180(K)(u, v) = K(k₁−1−u, k₂−1−v).",
    "rot180_rows_only": "Only the order of the rows is reversed; turning by 180° reverses the columns too.",
    "rot180_columns_only": "Only the order of the columns is reversed; turning by 180° reverses the rows too.",
    # correlate2d
    "correlate_turned_kernel": "The kernel is turned by 180°: that is the (valid) convolution. Cross-correlation "
    "slides the kernel as it is, (I ⊗ K)(i, j) = Σ I(i+u, j+v) K(u, v).",
    "correlate_full_output": "This is the 'full' correlation, over the image padded by k₁−1 rows and k₂−1 columns; "
    "the 'valid' one keeps only the windows inside the image, (h−k₁+1) × (w−k₂+1) of them.",
    "correlate_extra_row": "One row and one column too many: the output range is 0 ≤ i ≤ h−k₁, not h−k₁+1 (the "
    "source makes the same slip).",
    # convolve2d
    "convolve_not_turned": "The kernel is not turned: this is the full cross-correlation. Convolution reads the "
    "kernel backwards, (I * K)(i, j) = Σ I(i−u, j−v) K(u, v).",
    "convolve_valid_only": "Only the 'valid' part is computed; the full convolution has (h+k₁−1) × (w+k₂−1) "
    "entries, reading zeros off the image.",
    "convolve_kernel_transposed": "The kernel is transposed (K.T) where it must be turned by 180° (both axes "
    "reversed).",
    "convolve_extra_row": "One row and one column too many: the range is 0 ≤ i ≤ h+k₁−2, not h+k₁−1; the extra "
    "row reads only padding (the source makes the same slip).",
    # output_size
    "size_no_floor": "The floor is missing: (n + 2p − f)/s + 1 is not a whole number when s does not divide "
    "n + 2p − f; a window that does not fit does not count.",
    "size_ceil": "Rounded up instead of down: a last window that would run past the padded input does not count, "
    "so it is ⌊(n + 2p − f)/s⌋ + 1.",
    "size_no_plus_one": "The +1 is missing: ⌊(n + 2p − f)/s⌋ counts the steps between windows; the windows are "
    "one more.",
    "size_one_p": "Padding is added on both sides, so the padded length is n + 2p, not n + p.",
    "size_rounded": "The size is rounded to the nearest whole number; a last window that does not fit does not "
    "count, so it is rounded down: ⌊(n + 2p − f)/s⌋ + 1.",
    "size_same_padding": "This is the size under 'same' padding, ⌈n/s⌉; with padding p and a window f it is "
    "⌊(n + 2p − f)/s⌋ + 1.",
    # conv_forward
    "forward_turned_kernel": "The kernel is turned by 180° (convolution); a convolution layer computes the "
    "cross-correlation z(i, j) = Σ a(i s + u − p, j s + v − p) w(u, v) + b.",
    "forward_no_bias": "The bias b(c) is not added to the output of filter c.",
    "forward_last_channel_only": "The sum over the input channels c′ is missing: only one input channel "
    "contributes (`=` where `+=` belongs?).",
    "forward_window_not_strided": "Window (i, j) must start at row i·s₁ and column j·s₂ of the padded input, "
    "not at (i, j): the stride moves the windows.",
    "forward_square_kernel": "The window is f × f, but the kernel is k₁ × k₂: `f, f, ... = W.shape` keeps one "
    "side only, so a non-square kernel does not fit its window (the source makes the same slip).",
    "forward_pads_output": "The padding belongs to the input A_prev, not to the output: pad first, then slide the "
    "kernel (the source makes the same slip).",
    "forward_bias_every_product": "The bias is added to every product of the window, Σ(a·w + b), which adds it "
    "k₁k₂n_C′ times; it is added once to each output: z = Σ a·w + b.",
    "forward_one_filter": "Every output channel uses the same filter, W[:, :, :, 0]; output channel c uses its "
    "own filter W[:, :, :, c].",
    "forward_first_example_only": "Only the first example of the batch is computed; the loop must run over all m "
    "examples.",
    "forward_output_axes_swapped": "The output's rows and columns are swapped: n_H counts the windows down the "
    "rows (from the input's height and k₁), n_W across the columns.",
    "forward_int_output": "The output was allocated with the input's integer dtype (np.zeros_like(A_prev)?), so "
    "the fractions that float weights give are cut off; allocate it as float.",
    # pool_forward
    "pool_stride_is_size": "The windows step by the window size instead of the stride: window (i, j) starts at "
    "(i s₁, j s₂), which is (i k₁, j k₂) only when s = k (the source makes the same slip).",
    "avg_pool_no_divide": "Average pooling must divide the window's sum by k₁k₂.",
    "pool_mode_ignored": "mode='avg' must average the window; this computes the maximum.",
    "pool_window_not_strided": "Window (i, j) must start at (i s₁, j s₂), not at (i, j): the stride moves the windows.",
    "pool_stride_on_output": "The stride belongs to the input's index, not the output's: output (i, j) is the "
    "window that starts at row i s₁ and column j s₂ of the input.",
    "pool_all_channels": "The window takes all the channels at once (A_prev[e, r:r+k₁, q:q+k₂, :]); pooling works "
    "on each channel c by itself.",
    "pool_whole_batch": "The window takes every example and every channel (A_prev[:, r:r+k₁, q:q+k₂, :]); pooling "
    "works on one example and one channel at a time.",
    "pool_size_other_side": "The output size uses the window's other side: n_H = ⌊(n_H_prev − k₁)/s₁⌋ + 1 goes "
    "with k₁ and s₁, and n_W with k₂ and s₂.",
    "pool_size_one_side": "The output size uses one side of the window for both axes; the window is k₁ × k₂, "
    "so n_H = ⌊(n_H_prev − k₁)/s₁⌋ + 1 and n_W = ⌊(n_W_prev − k₂)/s₂⌋ + 1.",
    "avg_pool_divided_wrongly": "Average pooling divides the window's sum by the number of its entries, k₁k₂, "
    "not by k₁², k₂² or the number of windows.",
    "pool_int_output": "The output was allocated with the input's integer dtype, so the averages lose their "
    "fractions; allocate it as float.",
    # conv_backward
    "dW_from_output": "∂E/∂W correlates the layer's output with δ; it must be its input A_prev: "
    "∂E/∂W = A_prev ⊗ δ (the source makes the same slip).",
    "db_missing": "∂E/∂b is left at zero: b(c) is added to every output of filter c, so ∂E/∂b(c) is the sum of "
    "δ over the batch and all positions (the source never derives it).",
    "dA_not_turned": "dA_prev has the kernel the wrong way round for the form used: a scatter adds "
    "δ(i, j)·W, the kernel as it is, onto window (i, j); a gather is the full correlation of δ with the kernel "
    "turned by 180° (the full convolution δ * W). This output is a scatter of the turned kernel, or the full "
    "correlation with the kernel as it is.",
    "dA_kernel_transposed": "dA_prev uses the transposed kernel; the full convolution turns it by 180° "
    "(both axes reversed).",
    "dA_valid_only": "dA_prev is the 'full' convolution of δ with the kernel, as large as the input, not the "
    "'valid' one.",
    "dW_turned": "∂E/∂W is turned by 180°: it is the cross-correlation A_prev ⊗ δ, not a convolution.",
    "db_mean": "∂E/∂b is the sum of δ, not its mean: every output of filter c adds b(c) once.",
    "dA_no_channel_sum": "dA_prev must add the contributions of all output channels c; only one survives "
    "(`=` where `+=` belongs?).",
    "dW_no_batch_sum": "∂E/∂W must be summed over the examples of the batch; only one example contributes.",
    "db_no_batch_sum": "∂E/∂b must be summed over the examples of the batch; only one example contributes.",
    "dA_stride_ignored": "With stride s, δ(i, j) goes back to the window that starts at (i s₁, j s₂), not at "
    "(i, j): scatter it there. (In the full-convolution form the same fix is to dilate δ by the stride first; "
    "the source derives only stride 1.)",
    "dW_stride_ignored": "With stride s, ∂E/∂W must read the input at (i s + u, j s + v), not (i + u, j + v): "
    "correlate with the dilated δ.",
    "dA_padding_not_cropped": "The padding is not cropped: the gradient of the padded input has p₁ rows and p₂ "
    "columns more on each side, which are not part of A_prev.",
    "dA_cropped_too_early": "p was cropped from both ends of the full convolution before growing it to n + 2p: "
    "with leftover rows (s not dividing n + 2p − f) that cuts off a real input row.",
    "crop_empty_at_zero_padding": "The padding is cropped with X[p:-p], which is empty when p = 0 (−0 is 0, so "
    "0:-0 selects nothing); crop with X[p:p + n] instead.",
    "backward_square_kernel": "The window is f × f, but the kernel is k₁ × k₂: `f, f, ... = W.shape` keeps one "
    "side only, so a non-square kernel does not fit its window.",
    "dA_crop_fixed": "The crop is fixed at one row and one column on each side ([1:-1]); it must take off the "
    "case's padding p₁, p₂, which may be 0.",
    "dA_last_example_only": "dA_prev is filled in for the last example only (the crop sits after the loop "
    "over the examples?); every example gets its own.",
    "dW_divided_by_m": "∂E/∂W is divided by the batch size m; the layer's gradient is the sum over the batch.",
    "db_batch_axis_kept": "∂E/∂b keeps the batch axis, shape (m, n_C); it is summed over the batch too, shape (n_C,).",
    "db_one_number": "∂E/∂b is one number, the sum of all of δ; it has one entry per filter c, the sum of "
    "δ(·, ·, ·, c).",
    "gradient_int_dtype": "The gradient was allocated with the input's integer dtype (np.zeros_like(A_prev)?), "
    "so it cannot hold fractions: numpy refuses to add them (UFuncTypeError) or cuts them off; allocate "
    "it as float.",
    "input_not_padded": "The windows are sliced from the unpadded input: the output size counts the padding p, "
    "but window (i, j) is read at (i s₁, j s₂) of A_prev itself, where the padded A_pad belongs. Pad "
    "first, then slice the padded input.",
    "dA_channels_not_swapped": "dA_prev is built with the kernel's channel axes as they are: channel c′ of "
    "the input gradient collects the δ of every output channel c through W[:, :, c′, c], so in the "
    "full-convolution form the kernel is turned by 180° and its two channel axes are swapped.",
    "return_order": "The three gradients are returned in another order; conv_backward returns (dA_prev, dW, db).",
    # pool_backward
    "max_grad_one": "The maximum receives 1; it must receive the upstream gradient δ(i, j) of its window "
    "(the source makes the same slip).",
    "max_grad_empty": "Nothing reaches the input: each window's maximum must receive δ(i, j) (the source's "
    "window is an empty range).",
    "avg_grad_no_divide": "Average pooling sends δ(i, j)/(k₁k₂) to each entry of the window, not δ(i, j).",
    "avg_grad_no_delta": "Average pooling sends δ(i, j)/(k₁k₂), not 1/(k₁k₂): the upstream gradient is missing "
    "(the source makes the same slip).",
    "ties_split": "At a tie, δ is split among the tied maxima; the book (like numpy's argmax and PyTorch) sends "
    "all of it to the first maximum in row-major order.",
    "ties_all_maxima": "At a tie, every tied maximum receives the whole δ, so the window sends back more than δ; "
    "all of it must go to the first maximum. (This is the mask x == np.max(x) of create_mask_from_window in "
    "the deeplearning.ai assignment.)",
    "ties_last": "At a tie, δ goes to the last maximum; the book's rule is the first one in row-major order.",
    "overlap_assigned": "Overlapping windows must add (+=) their gradients; assigning (=) lets a later window "
    "overwrite an earlier one's.",
    "ties_column_major": "At a tie, δ goes to the first maximum down the columns (column-major); the book's rule "
    "is the first in row-major order, as np.argmax of the flattened window.",
    "pool_grad_stride_ignored": "The gradient of output (i, j) goes back to the window at (i, j); with stride s "
    "it belongs to the window at (i s₁, j s₂).",
    "grad_read_at_input_position": "The upstream gradient is read at the maximum's position in the input; the "
    "window's δ is dA(i, j), at the output's position.",
    "argmax_unravel_wrong_side": "The flat index t of the maximum is unravelled with the wrong side: in a "
    "k₁ × k₂ window it is row t // k₂, column t % k₂, i.e. np.unravel_index(t, (k₁, k₂)).",
    "avg_grad_divided_wrongly": "Average pooling sends δ(i, j)/(k₁k₂) to each entry: divided by the window's "
    "k₁k₂ entries, not by k₁² or k₂², nor multiplied by them.",
    "mask_is_max_value": "The mask is the window's maximum itself, max(x), not x == max(x): every entry "
    "receives max(x)·δ.",
    "pool_grad_all_channels": "The maximum is searched over all the channels of the window at once; each "
    "channel c has its own maximum.",
    # more than one exercise
    "pad_all_axes": "np.pad(A, p) pads every axis, the batch and the channels too; pad only the rows and the "
    "columns: np.pad(A, ((0, 0), (p, p), (p, p), (0, 0))).",
    "stride_one_number": "Only the first number of the stride is used, for both axes: a stride (s₁, s₂) moves the "
    "windows s₁ rows down and s₂ columns across.",
    # exceptions, in any exercise (errors.py)
    "ragged_array": "numpy was asked for one array made of pieces of different shapes, such as np.sum([z, b]) of "
    "a number and a (1, 1, 1) array; add them instead, z + b.",
    "array_into_scalar_entry": "An array with dimensions (a (1, 1, 1) slice of b, say) was stored in one entry "
    "such as Z[e, i, j, c]; NumPy 2 stores only a number there: index it down to one (b[c]) or use .item().",
    "float_of_array": "float() or int() was given an array with dimensions (a (1, 1, 1) slice of b, say), which "
    "NumPy 2 refuses; index it down to a number (b[c]) or use .item().",
    "pair_hparameters_unsupported": "The stride, padding or window may be a pair (vertical, horizontal), as in "
    "the book; the function uses it as one number. Unpack it first: s1, s2 = stride if it is a tuple, else "
    "stride, stride.",
    "leftover_rows_refused": "The function refuses this case with an assert: its windows leave rows or columns "
    "over (s does not divide n + 2p − f). The book's layers take such inputs and leave out what no window "
    "reaches: n_H = ⌊(n + 2p − f)/s⌋ + 1.",
    "name_undefined": "The function uses a name it never defines (a variable of another cell, or one set in only "
    "one branch of an if); define it inside the function.",
}

SECTIONS = {
    "rot180": "chapter 02 (Cross-correlation and convolution), equation (2.5), in 'Convolution is correlation "
    "with a turned kernel'",
    "correlate2d": "chapter 02 (Cross-correlation and convolution), equation (2.3), in 'Definitions'",
    "convolve2d": "chapter 02 (Cross-correlation and convolution), equations (2.4) and (2.5)",
    "output_size": "chapter 01 (Notation), equation (1.4), in 'How many windows fit? A worked example'",
    "conv_forward": "chapter 03 (Forward propagation: the convolution layer), equation (3.4)",
    "pool_forward": "chapter 04 (Forward propagation: pooling), equations (4.1) and (4.2)",
    "conv_backward": "chapter 05 (Backward propagation: the convolution layer), equations (5.6) to (5.8)",
    "pool_backward": "chapter 06 (Backward propagation: pooling), equations (6.2) and (6.3)",
}

SUMMARY = {
    "rot180": "from a 2x2 kernel to non-square ones",
    "correlate2d": "from a 3x3 image to non-square kernels",
    "convolve2d": "from a 3x3 image to non-square kernels",
    "output_size": "from stride 1 to strides with leftover rows and gaps",
    "conv_forward": "from one channel to a batch with channels, stride and padding",
    "pool_forward": "from 2x2 tiles to overlapping and non-square windows",
    "conv_backward": "from one channel to stride 2 with padding and a batch",
    "pool_backward": "from 2x2 tiles to ties and overlapping windows",
}

LABELS = {
    case.label: case.label for cases in CASES.values() for case in cases
}

# the second round of exercises (:mod:`.practice`) brings its own texts
for _spec in SPECS.values():
    MISTAKES.update(_spec.en["mistakes"])
    SECTIONS[_spec.name] = _spec.en["section"]
    SUMMARY[_spec.name] = _spec.en["summary"]
