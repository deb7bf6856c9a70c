"""The exercise checker in Chinese, read when ``exercises.check(..., lang="zh")`` is used.

The same tables as :mod:`.en`, with the same keys, and each template with the same placeholders. The
terms are the book's (``glossary.md``): 卷积核, 步幅, 填充, 池化, 反向传播, 用例; a half-width space
separates Chinese from Latin letters, numbers and code, and Chinese sentences take full-width punctuation.
Formulas and symbols are kept as they are. Where the next line of a report cites chapter 7's entry, a
mistake's text does not also say that the source makes the same slip (:data:`.mistakes.SOURCE_SLIP`).
"""

from .practice import SPECS

__all__ = ["JOIN", "LABELS", "MESSAGES", "MISTAKES", "SECTIONS", "SUMMARY"]

MESSAGES = {
    # the report's frame (report.py)
    "passed": "{name}：{n} 个用例全部通过（{summary}）",
    "problem": "{name}：{problem}",
    "case": "第 {k} 个用例（共 {n} 个）：{label}，调用 {call}",
    "expected": "期望结果：",
    "got": "实际结果：",
    "diagnosis": "诊断：{mistake}",
    "diagnosis_two": "诊断：两处错误，合在一起重现了这个输出：",
    "one_of_two": "{k}. {mistake}",
    "source_slip": "（原文的这一疏漏收录在第 7 章第 {entry} 条。）",
    "several_mistakes": "这个输出与不止一种已知错误相符。可能是：{mistakes}",
    "unknown_mistake": "已知的错误都不会得出这个输出。差异在于：{facts}。",
    "formula": "正确的公式见{section}。",
    "differs": "与期望不同的元素（标为 x）：",
    "cases_right": "通过的用例：{right} 个（共 {n} 个）",
    "case_mark": "{mark} {k}. {label}",
    "case_mark_parts": "{mark} {k}. {label}：{parts}",
    "part_mark": "{part}\u00a0{mark}",
    "not_run": "从第 {start} 个用例起都没有运行：函数在第 {last} 个用例上没有返回",
    # what the function did instead of returning (check in __init__.py)
    "not_a_function": "应传入一个函数，实际传入的是 {type}",
    "timeout": "超过 {limit:g} 秒的时间限制仍未结束，已被中止（是不是陷入了死循环？）",
    "timeout_running": "超过 {limit:g} 秒的时间限制仍未结束，而且无法中止：它捕获了用来中止它的异常，或者卡在尚未返回的 C 代码里。"
    "在重启内核之前，它可能一直在后台运行（是不是陷入了死循环？）。",
    "crashed": "运行它的进程崩溃了（信号 {signal}）：它调用的 numpy 或 C 代码出了错",
    "not_written": "尚未实现（函数抛出了 NotImplementedError）。请先写好上面的函数，再重新运行这个单元格。",
    "exited": "在返回之前结束了运行它的进程（退出码 {code}）：是不是调用了 os._exit？",
    "raised": "抛出了 {error}：{message}",
    "raised_at": "出错的一行：{line}",
    "changed_input": "原地修改了输入 {arg}；层不应改动自己的输入",
    # what it returned (run.compare)
    "returned_none": "返回了 None（是不是漏了 `return`？）",
    "not_an_array": "返回了一个无法转换为数组的 {type}",
    "array_of": "返回的数组元素是 {type}，而不是数值",
    "array_of_bools": "返回的是布尔数组（dtype 为 bool），而不是数值",
    "not_real": "返回的数组 dtype 为 {dtype}，而不是实数",
    "not_a_tuple": "返回的是 {type}，应返回由 {n} 个数组组成的元组",
    "wrong_count": "返回了 {got} 个值，应为 {n} 个",
    "not_an_int": "返回了 {value!r}（类型为 {type}）；尺寸是整数，应返回 int",
    "wrong_size": "返回了 {got}，应为 {expected}",
    "wrong_shape": "返回的形状是 {got}，应为 {expected}",
    "integers": "结果应含有小数，却返回了整数（dtype 为 {dtype}）",
    "wrong_values_exact": "形状正确，但数值不同（输入都是整数，因此逐个元素精确比较）",
    "wrong_values_close": "形状正确，但数值不同（绝对误差和相对误差都超过 {tolerance:g}）",
    "in_part": "{part} {problem}",
    # how the values differ (run.differences); indices count from 0, as in numpy
    "entries_differ": "{total} 个元素中有 {n} 个不同",
    "only_in_example": "只出现在索引为 {which} 的样本中",
    "only_in_examples": "只出现在索引为 {which} 的样本中",
    "only_in_row": "只出现在索引为 {which} 的行中",
    "only_in_rows": "只出现在索引为 {which} 的行中",
    "only_in_column": "只出现在索引为 {which} 的列中",
    "only_in_columns": "只出现在索引为 {which} 的列中",
    "only_in_channel": "只出现在索引为 {which} 的通道中",
    "only_in_channels": "只出现在索引为 {which} 的通道中",
    "scaled": "每个元素都是期望值的 {ratio:g} 倍",
    "turned": "它是期望数组旋转 180° 后的结果",
    "transposed": "它是期望数组的转置",
    "misplaced": "总和正确，说明数值放错了位置",
    "shifted": "它是期望数组平移 Δr = {rows}、Δc = {columns} 后的结果（正数表示向下、向右）：在两者都有定义的位置上，"
    "它的元素 (r, q) 等于期望数组的 (r − Δr, q − Δc)",
    "border_only": "内部全都正确：出错的元素都落在沿边缘宽 {width} 的一圈之中（是不是填充出了错？）",
    "channels_swapped": "它的两个通道轴互换了：元素 [:, :, c′, c] 是期望数组的 [:, :, c, c′]",
    # an array too large to print (run.show), and one part of a result (conv_backward's dW)
    "array_of_shape": "形状为 {shape} 的数组",
    "part_value": "{part} {value}",
    # the catalogue as a table (report.mistakes_table)
    "table_key": "代号",
    "table_mistake": "错误",
    "table_source": "原文",
    "table_entry": "第 {entry} 条",
    "table_errors": "异常（任何练习都可能出现）",
}

# Several mistakes read "可能是：……。也可能是：……。"
JOIN = {
    "items": "、",
    "facts": "；",
    "mistakes": "也可能是：",
    "parts": "，",
}

MISTAKES = {
    # rot180
    "rot180_transposed": "这里把卷积核转置了（K.T），而不是旋转 180°。旋转 180° 要同时颠倒行和列的顺序，"
    "即 rot180(K)(u, v) = K(k₁−1−u, k₂−1−v)。",
    "rot180_rows_only": "只颠倒了行的顺序；旋转 180° 还要颠倒列的顺序。",
    "rot180_columns_only": "只颠倒了列的顺序；旋转 180° 还要颠倒行的顺序。",
    # correlate2d
    "correlate_turned_kernel": "卷积核被旋转了 180°，这样算出的是“valid”卷积。互相关让卷积核保持原样在图像上滑动，"
    "即 (I ⊗ K)(i, j) = Σ I(i+u, j+v) K(u, v)。",
    "correlate_full_output": "这算的是“full”互相关，即在四周各填充 k₁−1 行、k₂−1 列的图像上做互相关；"
    "而“valid”互相关只保留完全落在图像内的窗口，共 (h−k₁+1) × (w−k₂+1) 个。",
    "correlate_extra_row": "多算了一行和一列。输出的范围是 0 ≤ i ≤ h−k₁，而不是到 h−k₁+1。",
    # convolve2d
    "convolve_not_turned": "卷积核没有旋转，这样算出的是“full”互相关。卷积要倒着读卷积核，"
    "即 (I * K)(i, j) = Σ I(i−u, j−v) K(u, v)。",
    "convolve_valid_only": "只算了“valid”部分；全卷积有 (h+k₁−1) × (w+k₂−1) 个元素，读到图像以外的位置时取零。",
    "convolve_kernel_transposed": "卷积核被转置了（K.T），而这里应当将它旋转 180°（两个轴都颠倒）。",
    "convolve_extra_row": "多算了一行和一列。输出的范围是 0 ≤ i ≤ h+k₁−2，而不是到 h+k₁−1；多出的那一行读到的全是填充的零。",
    # output_size
    "size_no_floor": "漏了向下取整。当 s 不能整除 n + 2p − f 时，(n + 2p − f)/s + 1 不是整数；放不下的窗口不算数。",
    "size_ceil": "应当向下取整，这里却向上取整了。最后一个窗口若会越出填充后的输入，就不算数，"
    "所以结果是 ⌊(n + 2p − f)/s⌋ + 1。",
    "size_no_plus_one": "漏了 +1。⌊(n + 2p − f)/s⌋ 数的是窗口移动的步数，窗口数比步数多一个。",
    "size_one_p": "填充加在两侧，所以填充后的长度是 n + 2p，而不是 n + p。",
    "size_rounded": "尺寸被四舍五入成了最接近的整数。最后一个放不下的窗口不算数，所以应当向下取整："
    "⌊(n + 2p − f)/s⌋ + 1。",
    "size_same_padding": "这是“same”填充下的尺寸 ⌈n/s⌉；填充为 p、窗口为 f 时，尺寸是 ⌊(n + 2p − f)/s⌋ + 1。",
    # conv_forward
    "forward_turned_kernel": "卷积核被旋转了 180°，这样算的是卷积；而卷积层计算的是互相关 "
    "z(i, j) = Σ a(i s + u − p, j s + v − p) w(u, v) + b。",
    "forward_no_bias": "没有把偏置 b(c) 加到滤波器 c 的输出上。",
    "forward_last_channel_only": "漏了对输入通道 c′ 的求和，只有一个输入通道起了作用（是不是把 `+=` 写成了 `=`？）。",
    "forward_window_not_strided": "窗口按步幅移动，所以窗口 (i, j) 从填充后输入的第 i·s₁ 行、第 j·s₂ 列开始，"
    "而不是从 (i, j) 开始。",
    "forward_square_kernel": "窗口取成了 f × f，而卷积核是 k₁ × k₂：`f, f, ... = W.shape` 只留下了一边的长度，"
    "所以非方形卷积核与窗口的形状对不上。",
    "forward_bias_every_product": "偏置加到了窗口里的每一个乘积上，即 Σ(a·w + b)，相当于加了 k₁k₂n_C′ 次；"
    "每个输出只应加一次偏置：z = Σ a·w + b。",
    "forward_one_filter": "所有输出通道都用了同一个滤波器 W[:, :, :, 0]；输出通道 c 应当用自己的滤波器 W[:, :, :, c]。",
    "forward_first_example_only": "只算了批量中的第一个样本；循环要遍历全部 m 个样本。",
    "forward_output_axes_swapped": "输出的行和列弄反了：n_H 数的是竖直方向的窗口个数（由输入的高度和 k₁ 决定），"
    "n_W 数的是水平方向的窗口个数。",
    "forward_int_output": "输出数组沿用了输入的整数 dtype（是不是用了 np.zeros_like(A_prev)？），"
    "浮点权重带来的小数部分被截掉了；应当把它创建为浮点数组。",
    "forward_pads_output": "填充加在输入 A_prev 上，而不是输出上。应当先填充，再滑动卷积核。",
    # pool_forward
    "pool_stride_is_size": "窗口每次移动了一个窗口的大小，而不是一个步幅。窗口 (i, j) 从 (i s₁, j s₂) 开始，"
    "只有当 s = k 时才等于 (i k₁, j k₂)。",
    "avg_pool_no_divide": "平均池化要把窗口内元素的和除以 k₁k₂。",
    "pool_mode_ignored": "mode='avg' 时应对窗口求平均，这里算的却是最大值。",
    "pool_window_not_strided": "窗口 (i, j) 应当从 (i s₁, j s₂) 开始，而不是从 (i, j) 开始：窗口按步幅移动。",
    "pool_stride_on_output": "步幅作用在输入的索引上，而不是输出的索引上：输出 (i, j) 对应的是从输入第 i s₁ 行、"
    "第 j s₂ 列开始的窗口。",
    "pool_all_channels": "窗口一次取了所有通道（A_prev[e, r:r+k₁, q:q+k₂, :]）；池化对每个通道 c 分别进行。",
    "pool_whole_batch": "窗口取了所有样本和所有通道（A_prev[:, r:r+k₁, q:q+k₂, :]）；池化每次只处理一个样本的一个通道。",
    "pool_size_other_side": "两个方向的输出尺寸用反了窗口的边长：n_H = ⌊(n_H_prev − k₁)/s₁⌋ + 1 要用 k₁ 和 s₁，"
    "n_W 要用 k₂ 和 s₂。",
    "pool_size_one_side": "两个方向的输出尺寸都用了窗口同一边的长度；窗口是 k₁ × k₂，"
    "所以 n_H = ⌊(n_H_prev − k₁)/s₁⌋ + 1，n_W = ⌊(n_W_prev − k₂)/s₂⌋ + 1。",
    "avg_pool_divided_wrongly": "平均池化要把窗口内元素的和除以元素个数 k₁k₂，而不是除以 k₁²、k₂² 或窗口的个数。",
    "pool_int_output": "输出数组沿用了输入的整数 dtype，平均值的小数部分被截掉了；应当把它创建为浮点数组。",
    # conv_backward
    "dW_from_output": "∂E/∂W 用本层的输出与 δ 做了互相关，应当用本层的输入 A_prev，即 ∂E/∂W = A_prev ⊗ δ。",
    "db_missing": "∂E/∂b 仍然是零。b(c) 加到了滤波器 c 的每个输出上，所以 ∂E/∂b(c) 是 δ 在整个批量和所有位置上的和"
    "（原文从未推导过它）。",
    "dA_not_turned": "dA_prev 中卷积核的方向与所用的写法不符：分散累加把原样的卷积核乘以 δ(i, j) "
    "加到窗口 (i, j) 上；收集的写法则是 δ 与旋转 180° 的卷积核做“full”互相关，即全卷积 δ * W。"
    "这里的结果是把旋转后的卷积核分散累加，或是与未旋转的卷积核做“full”互相关。",
    "dA_kernel_transposed": "dA_prev 用了转置的卷积核；全卷积要将卷积核旋转 180°（两个轴都颠倒）。",
    "dA_valid_only": "dA_prev 是 δ 与卷积核的“full”卷积，与输入一样大，而不是“valid”卷积。",
    "dW_turned": "∂E/∂W 被旋转了 180°。它是互相关 A_prev ⊗ δ，而不是卷积。",
    "db_mean": "∂E/∂b 是 δ 的和，而不是均值，因为滤波器 c 的每个输出都加了一次 b(c)。",
    "dA_no_channel_sum": "dA_prev 要累加所有输出通道 c 的贡献，这里只留下了一个通道的贡献"
    "（是不是把 `+=` 写成了 `=`？）。",
    "dW_no_batch_sum": "∂E/∂W 要对批量中的所有样本求和，这里只有一个样本起了作用。",
    "db_no_batch_sum": "∂E/∂b 要对批量中的所有样本求和，这里只有一个样本起了作用。",
    "dA_stride_ignored": "步幅为 s 时，δ(i, j) 要回到从 (i s₁, j s₂) 开始的窗口，而不是 (i, j)：把它分散累加到那里。"
    "（若写成全卷积，相应的改法是先按步幅膨胀 δ；原文只推导了步幅为 1 的情形。）",
    "dW_stride_ignored": "步幅为 s 时，∂E/∂W 要在 (i s + u, j s + v) 处读取输入，而不是 (i + u, j + v)，"
    "也就是要与膨胀后的 δ 做互相关。",
    "dA_padding_not_cropped": "没有裁掉填充。填充后输入的梯度在每一侧多出 p₁ 行和 p₂ 列，它们不属于 A_prev。",
    "dA_cropped_too_early": "在把全卷积的结果补足到 n + 2p 之前，就从两端各裁掉了 p。有剩余行时"
    "（s 不能整除 n + 2p − f），这样会切掉一行真实的输入。",
    "crop_empty_at_zero_padding": "用 X[p:-p] 裁掉填充，而 p = 0 时它是空的（−0 就是 0，所以 0:-0 什么也选不到）；"
    "应当写成 X[p:p + n]。",
    "backward_square_kernel": "窗口取成了 f × f，而卷积核是 k₁ × k₂：`f, f, ... = W.shape` 只留下了一边的长度，"
    "所以非方形卷积核与窗口的形状对不上。",
    "dA_crop_fixed": "裁剪固定为每侧一行一列（[1:-1]）；应当按这个用例的填充 p₁、p₂ 裁剪，它们也可能是 0。",
    "dA_last_example_only": "dA_prev 只填入了最后一个样本的值（是不是把裁剪写在了遍历样本的循环之后？）；每个样本都有自己的梯度。",
    "dW_divided_by_m": "∂E/∂W 被除以了批量大小 m；这一层的梯度是整个批量上的和。",
    "db_batch_axis_kept": "∂E/∂b 保留了批量这一维，形状为 (m, n_C)；还应对批量求和，得到形状 (n_C,)。",
    "db_one_number": "∂E/∂b 成了一个数，即整个 δ 的和；它应当对每个滤波器 c 各有一个元素，即 δ(·, ·, ·, c) 的和。",
    "gradient_int_dtype": "梯度数组沿用了输入的整数 dtype（是不是用了 np.zeros_like(A_prev)？），存不下小数："
    "numpy 要么拒绝把它们加进去（UFuncTypeError），要么截掉小数部分；应当把它创建为浮点数组。",
    "input_not_padded": "窗口是从未填充的输入中切出来的：输出尺寸算上了填充 p，窗口 (i, j) 却是在 A_prev 本身的 "
    "(i s₁, j s₂) 处读取的，而这里该用的是填充后的 A_pad。应当先填充，再从填充后的输入中切出窗口。",
    "dA_channels_not_swapped": "dA_prev 用的卷积核没有交换两个通道轴：输入梯度的通道 c′ 通过 W[:, :, c′, c] "
    "收集每个输出通道 c 的 δ，所以写成全卷积时，卷积核既要旋转 180°，也要交换两个通道轴。",
    "return_order": "三个梯度的返回顺序不对；conv_backward 应返回 (dA_prev, dW, db)。",
    # pool_backward
    "max_grad_one": "最大值处得到的是 1，而它应当得到所在窗口的上游梯度 δ(i, j)。",
    "max_grad_empty": "没有任何梯度传回输入。每个窗口的最大值都应当得到 δ(i, j)（原文的窗口是一个空范围）。",
    "avg_grad_no_divide": "平均池化给窗口中每个元素传回的是 δ(i, j)/(k₁k₂)，而不是 δ(i, j)。",
    "avg_grad_no_delta": "平均池化传回的是 δ(i, j)/(k₁k₂)，而不是 1/(k₁k₂)，这里漏掉了上游梯度。",
    "ties_split": "出现并列时，δ 被分给了各个并列的最大值；本书（与 numpy 的 argmax 和 PyTorch 一样）"
    "把它全部交给按行优先顺序的第一个最大值。",
    "ties_all_maxima": "出现并列时，每个并列的最大值都得到了完整的 δ，于是窗口传回的梯度比 δ 还多；"
    "它应当全部交给第一个最大值。（deeplearning.ai 课程作业中 create_mask_from_window 的掩码 x == np.max(x) "
    "正是这样。）",
    "ties_last": "出现并列时，δ 交给了最后一个最大值；本书的规则是交给按行优先顺序的第一个。",
    "overlap_assigned": "重叠的窗口要累加（+=）各自的梯度；赋值（=）会让后一个窗口的梯度覆盖前一个窗口的梯度。",
    "ties_column_major": "出现并列时，δ 交给了按列优先顺序（先沿列向下）的第一个最大值；本书的规则是按行优先顺序的第一个，"
    "即把窗口展平后 np.argmax 给出的位置。",
    "pool_grad_stride_ignored": "输出 (i, j) 的梯度传回了位于 (i, j) 的窗口；步幅为 s 时，它属于位于 (i s₁, j s₂) 的窗口。",
    "grad_read_at_input_position": "上游梯度是按最大值在输入中的位置读取的；而窗口的 δ 是 dA(i, j)，要按输出的位置读取。",
    "argmax_unravel_wrong_side": "把最大值的展平索引 t 还原成行号和列号时用错了边长：在 k₁ × k₂ 的窗口里，它在第 t // k₂ 行、"
    "第 t % k₂ 列，即 np.unravel_index(t, (k₁, k₂))。",
    "avg_grad_divided_wrongly": "平均池化给每个元素传回 δ(i, j)/(k₁k₂)：要除以窗口的元素个数 k₁k₂，"
    "而不是除以 k₁² 或 k₂²，也不是乘以它们。",
    "mask_is_max_value": "掩码取成了窗口的最大值本身 max(x)，而不是 x == max(x)，于是每个元素都得到了 max(x)·δ。",
    "pool_grad_all_channels": "在窗口的所有通道中一起寻找最大值；每个通道 c 有自己的最大值。",
    # 不止一个练习
    "pad_all_axes": "np.pad(A, p) 会填充每一个轴，连批量轴和通道轴也一起填充了；只应填充行和列："
    "np.pad(A, ((0, 0), (p, p), (p, p), (0, 0)))。",
    "stride_one_number": "步幅只用了第一个数，两个方向都用它：步幅 (s₁, s₂) 让窗口每次向下移动 s₁ 行、向右移动 s₂ 列。",
    # 异常，任何练习都可能出现（errors.py）
    "ragged_array": "要求 numpy 用形状不同的几部分拼成一个数组，例如对一个数和一个 (1, 1, 1) 数组做 np.sum([z, b])；"
    "应当直接相加：z + b。",
    "array_into_scalar_entry": "把一个至少有一维的数组（例如 b 的 (1, 1, 1) 切片）存进了 Z[e, i, j, c] 这样的单个元素；"
    "NumPy 2 在这里只接受一个数；应当用索引取出其中的那个数（b[c]），或者用 .item()。",
    "float_of_array": "把一个至少有一维的数组（例如 b 的 (1, 1, 1) 切片）交给了 float() 或 int()，而 NumPy 2 不再接受这种写法；"
    "应当用索引取出其中的那个数（b[c]），或者用 .item()。",
    "pair_hparameters_unsupported": "步幅、填充或窗口可以是一对数（竖直方向，水平方向），本书就是这样用的；"
    "这个函数却把它当成一个数。应当先拆开：stride 是元组时 s1, s2 = stride，否则 s1, s2 = stride, stride。",
    "name_undefined": "函数用到了一个它从未定义的名字（另一个单元格里的变量，或者只在 if 的某一个分支里赋值的变量）；"
    "请在函数内部定义它。",
    "leftover_rows_refused": "函数用 assert 拒绝了这个用例：这个用例的窗口会留下剩余的行或列（s 不能整除 n + 2p − f）。"
    "本书的层接受这样的输入，并舍去没有窗口覆盖的部分：n_H = ⌊(n + 2p − f)/s⌋ + 1。",
}

SECTIONS = {
    "rot180": "第 2 章（互相关与卷积）“卷积就是用旋转后的卷积核做互相关”一节的式 (2.5)",
    "correlate2d": "第 2 章（互相关与卷积）“定义”一节的式 (2.3)",
    "convolve2d": "第 2 章（互相关与卷积）的式 (2.4) 和式 (2.5)",
    "output_size": "第 1 章（符号约定）“能放下多少个窗口？一个算例”一节的式 (1.4)",
    "conv_forward": "第 3 章（前向传播：卷积层）的式 (3.4)",
    "pool_forward": "第 4 章（前向传播：池化层）的式 (4.1) 和式 (4.2)",
    "conv_backward": "第 5 章（反向传播：卷积层）的式 (5.6) 至式 (5.8)",
    "pool_backward": "第 6 章（反向传播：池化层）的式 (6.2) 和式 (6.3)",
}

SUMMARY = {
    "rot180": "从 2×2 卷积核到非方形卷积核",
    "correlate2d": "从 3×3 图像到非方形卷积核",
    "convolve2d": "从 3×3 图像到非方形卷积核",
    "output_size": "从步幅 1 到会留下剩余行和窗口间隙的步幅",
    "conv_forward": "从单个通道到带多个通道、步幅和填充的批量",
    "pool_forward": "从不重叠的 2×2 窗口到重叠窗口和非方形窗口",
    "conv_backward": "从单个通道到带填充、步幅为 2 的批量",
    "pool_backward": "从不重叠的 2×2 窗口到并列最大值和重叠窗口",
}

# Every case label of cases.py, in the order they first appear.
LABELS = {
    # rot180
    "a 2x2 kernel": "2×2 卷积核",
    "a 3x3 kernel": "3×3 卷积核",
    "a non-square 2x3 kernel": "非方形的 2×3 卷积核",
    "a 1x4 kernel": "1×4 卷积核",
    "a 4x1 kernel": "4×1 卷积核",
    "a 3x2 kernel with negative entries": "含负数元素的 3×2 卷积核",
    # correlate2d, convolve2d
    "a 3x3 image, a 2x2 kernel": "3×3 图像，2×2 卷积核",
    "a 4x5 image, a 2x3 kernel": "4×5 图像，2×3 卷积核",
    "a 1x1 kernel": "1×1 卷积核",
    "a kernel as large as the image": "与图像一样大的卷积核",
    "random 5x4 image, 3x2 kernel": "随机的 5×4 图像，3×2 卷积核",
    # output_size
    "n=5, f=3": "n=5, f=3",
    "n=5, f=3, p=1": "n=5, f=3, p=1",
    "n=7, f=3, p=0, s=2 (s divides n + 2p - f)": "n=7, f=3, p=0, s=2（s 能整除 n + 2p − f）",
    "n=8, f=3, p=0, s=2 (a leftover row)": "n=8, f=3, p=0, s=2（剩余一行）",
    "n=6, f=2, p=1, s=3": "n=6, f=2, p=1, s=3",
    "n=10, f=3, p=0, s=4 (gaps between windows)": "n=10, f=3, p=0, s=4（窗口之间有间隙）",
    "n=7, f=7 (one window)": "n=7, f=7（只有一个窗口）",
    "n=4, f=1, p=0, s=3": "n=4, f=1, p=0, s=3",
    "n=9, f=4, p=2, s=3": "n=9, f=4, p=2, s=3",
    # conv_forward
    "one 3x3 channel, a 2x2 kernel, no bias": "单个 3×3 通道，2×2 卷积核，无偏置",
    "the same with a bias of 1": "同上，偏置为 1",
    "two input channels, one filter": "两个输入通道，一个滤波器",
    "two input channels, three filters": "两个输入通道，三个滤波器",
    "stride 2": "步幅 2",
    "padding 1": "填充 1",
    "stride 2, padding 1, a leftover row": "步幅 2，填充 1，剩余一行",
    "a non-square 2x3 kernel on a 5x6 input": "5×6 输入上的非方形 2×3 卷积核",
    "a non-square 3x2 kernel, padding 1": "非方形的 3×2 卷积核，填充 1",
    "a batch of 3, stride (2, 1), padding (1, 0)": "3 个样本的批量，步幅 (2, 1)，填充 (1, 0)",
    # pool_forward
    "one 4x4 channel, 2x2 windows, max": "单个 4×4 通道，2×2 窗口，最大池化",
    "one 4x4 channel, 2x2 windows, avg": "单个 4×4 通道，2×2 窗口，平均池化",
    "a batch of 2, 2 channels, max": "2 个样本的批量，2 个通道，最大池化",
    "overlapping 3x3 windows, stride 1, max": "重叠的 3×3 窗口，步幅 1，最大池化",
    "a 5x5 input: a leftover row and column": "5×5 输入，剩余一行和一列",
    "non-square (2, 3) windows, stride (2, 1), avg": "非方形的 (2, 3) 窗口，步幅 (2, 1)，平均池化",
    "3x3 windows, stride 2 (as in AlexNet), max": "3×3 窗口，步幅 2（与 AlexNet 相同），最大池化",
    "3x3 windows, stride 2, avg": "3×3 窗口，步幅 2，平均池化",
    # conv_backward
    "one 3x3 channel, a 2x2 kernel": "单个 3×3 通道，2×2 卷积核",
    "two input channels, two filters": "两个输入通道，两个滤波器",
    "a batch of 2": "2 个样本的批量",
    "a non-square 2x3 kernel on a 4x5 input": "4×5 输入上的非方形 2×3 卷积核",
    "a batch of 2, 3 -> 2 channels, stride (2, 1), padding (1, 0)": "2 个样本的批量，通道数从 3 变为 2，"
    "步幅 (2, 1)，填充 (1, 0)",
    # pool_backward
    "4x4, 2x2 windows, max, distinct values": "4×4 输入，2×2 窗口，最大池化，各值互不相同",
    "4x4, 2x2 windows, avg": "4×4 输入，2×2 窗口，平均池化",
    "ties inside the 2x2 windows, max": "2×2 窗口内有并列，最大池化",
    "overlapping 3x3 windows, stride 1, avg": "重叠的 3×3 窗口，步幅 1，平均池化",
    "3x3 windows, stride 2, ties, batch and channels": "3×3 窗口，步幅 2，有并列，多个样本和通道",
    "non-square (2, 3) windows, stride (1, 2), avg": "非方形的 (2, 3) 窗口，步幅 (1, 2)，平均池化",
    # added in the second round of cases: floats, non-square outputs and windows, a pair stride alone
    "float image and kernel": "浮点图像和卷积核",
    "stride (1, 2), no padding": "步幅 (1, 2)，无填充",
    "integer input, float weights, padding 1": "整数输入，浮点权重，填充 1",
    "integer input, float weights and gradient, padding 1": "整数输入，浮点权重和梯度，填充 1",
    "non-square (3, 2) windows, stride 1, max, maxima in different places per channel": "非方形的 (3, 2) 窗口，"
    "步幅 1，最大池化，各通道的最大值位置不同",
    "a 6x4 input, 2x2 windows: more rows of windows than columns, max": "6×4 输入，2×2 窗口，窗口的行数多于列数，最大池化",
    "float inputs, overlapping 3x3 windows, stride 1, avg": "浮点输入，重叠的 3×3 窗口，步幅 1，平均池化",
    "float upstream gradient, overlapping 3x3 windows, stride 1, max": "浮点上游梯度，重叠的 3×3 窗口，步幅 1，最大池化",
}

# the second round of exercises (:mod:`.practice`) brings its own texts
for _spec in SPECS.values():
    MISTAKES.update(_spec.zh["mistakes"])
    SECTIONS[_spec.name] = _spec.zh["section"]
    SUMMARY[_spec.name] = _spec.zh["summary"]
    LABELS.update(_spec.zh["labels"])
