"""The Chinese texts of the exercise checker, read when ``exercises.check(..., lang="zh")`` is used.

``MISTAKES_ZH`` translates :data:`.mistakes.MISTAKES`, ``SECTIONS_ZH`` the chapter references
``SECTIONS`` of :mod:`cnnlib.exercises`, ``SUMMARY_ZH`` the success-line phrases
:data:`.cases.SUMMARY` ("从……到……"), and ``LABELS_ZH`` maps every English case label of
:mod:`.cases` to its Chinese. Same keys as the English dicts; formulas and symbols are kept as they are.
"""

__all__ = ["LABELS_ZH", "MISTAKES_ZH", "SECTIONS_ZH", "SUMMARY_ZH"]

MISTAKES_ZH = {
    # rot180
    "rot180_transposed": "卷积核被转置了（K.T），而不是旋转 180°：旋转 180° 会同时颠倒行和列的顺序，"
    "即 rot180(K)(u, v) = K(k₁−1−u, k₂−1−v)。",
    "rot180_rows_only": "只颠倒了行的顺序；旋转 180° 还要颠倒列的顺序。",
    "rot180_columns_only": "只颠倒了列的顺序；旋转 180° 还要颠倒行的顺序。",
    # correlate2d
    "correlate_turned_kernel": "卷积核被旋转了 180°：这样算出的是卷积（“valid”卷积）。互相关要让卷积核保持原样滑动，"
    "即 (I ⊗ K)(i, j) = Σ I(i+u, j+v) K(u, v)。",
    "correlate_full_output": "这是“full”互相关，是在四周填充了 k₁−1 行和 k₂−1 列的图像上计算的；"
    "“valid”互相关只保留完全落在图像内的窗口，共 (h−k₁+1) × (w−k₂+1) 个。",
    "correlate_extra_row": "多了一行和一列：输出的范围是 0 ≤ i ≤ h−k₁，而不是 h−k₁+1（原文也有同样的疏漏）。",
    # convolve2d
    "convolve_not_turned": "卷积核没有旋转：这样算出的是全互相关。卷积要倒着读卷积核，即 (I * K)(i, j) = Σ I(i−u, j−v) K(u, v)。",
    "convolve_valid_only": "只算了“valid”部分；全卷积有 (h+k₁−1) × (w+k₂−1) 个元素，读到图像以外的位置时取零。",
    "convolve_kernel_transposed": "卷积核被转置了（K.T），而这里应当将它旋转 180°（两个轴都颠倒）。",
    "convolve_extra_row": "多了一行和一列：范围是 0 ≤ i ≤ h+k₁−2，而不是 h+k₁−1；多出的那一行读到的全是填充"
    "（原文也有同样的疏漏）。",
    # output_size
    "size_no_floor": "缺少向下取整：当 s 不整除 n + 2p − f 时，(n + 2p − f)/s + 1 不是整数；放不下的窗口不算数。",
    "size_ceil": "向上取整了，应当向下取整：会越出填充后输入的最后一个窗口不算数，所以结果是 ⌊(n + 2p − f)/s⌋ + 1。",
    "size_no_plus_one": "缺少 +1：⌊(n + 2p − f)/s⌋ 数的是窗口之间移动的步数，窗口数比它多一个。",
    "size_one_p": "填充加在两侧，所以填充后的长度是 n + 2p，而不是 n + p。",
    # conv_forward
    "forward_turned_kernel": "卷积核被旋转了 180°（这是卷积）；卷积层计算的是互相关 "
    "z(i, j) = Σ a(i s + u − p, j s + v − p) w(u, v) + b。",
    "forward_no_bias": "没有把偏置 b(c) 加到滤波器 c 的输出上。",
    "forward_last_channel_only": "缺少对输入通道 c′ 的求和：只有一个输入通道有贡献（该用 `+=` 的地方用了 `=`？）。",
    "forward_window_not_strided": "窗口 (i, j) 必须从填充后输入的第 i·s₁ 行、第 j·s₂ 列开始，而不是从 (i, j) 开始："
    "窗口按步幅移动。",
    "forward_square_kernel": "卷积核是 k₁ × k₂ 的，而不是 f × f：宽度要用 k₂（原文也有同样的疏漏）。",
    "forward_pads_output": "填充属于输入 a⁽ˡ⁻¹⁾，而不属于输出：先填充，再滑动卷积核（原文也有同样的疏漏）。",
    # pool_forward
    "pool_stride_is_size": "窗口按窗口大小移动，而不是按步幅移动：窗口 (i, j) 从 (i s₁, j s₂) 开始，"
    "只有当 s = k 时它才等于 (i k₁, j k₂)（原文也有同样的疏漏）。",
    "avg_pool_no_divide": "平均池化必须把窗口内元素的和除以 k₁k₂。",
    "pool_mode_ignored": "mode='avg' 必须对窗口求平均；这里算的却是最大值。",
    # conv_backward
    "dW_from_output": "∂E/∂W 用本层的输出与 δ 做了互相关；应当用本层的输入 a⁽ˡ⁻¹⁾：∂E/∂W = a⁽ˡ⁻¹⁾ ⊗ δ"
    "（原文也有同样的疏漏）。",
    "db_missing": "∂E/∂b 仍然是零：b(c) 加到了滤波器 c 的每个输出上，所以 ∂E/∂b(c) 是 δ 在整个批量和所有位置上的和"
    "（原文从未推导过它）。",
    "dA_not_turned": "∂E/∂a⁽ˡ⁻¹⁾ 用了原样的卷积核：它是全卷积 δ * W，也就是说要用旋转 180° 后的卷积核。",
    "dA_kernel_transposed": "∂E/∂a⁽ˡ⁻¹⁾ 用了转置的卷积核；全卷积要将卷积核旋转 180°（两个轴都颠倒）。",
    "dA_valid_only": "∂E/∂a⁽ˡ⁻¹⁾ 是 δ 与卷积核的“full”卷积，与输入一样大，而不是“valid”卷积。",
    "dW_turned": "∂E/∂W 被旋转了 180°：它是互相关 a⁽ˡ⁻¹⁾ ⊗ δ，而不是卷积。",
    "db_mean": "∂E/∂b 是 δ 的和，而不是均值：滤波器 c 的每个输出都加了一次 b(c)。",
    "dA_no_channel_sum": "∂E/∂a⁽ˡ⁻¹⁾ 必须累加所有输出通道 c 的贡献；这里只留下了一个通道的（该用 `+=` 的地方用了 `=`？）。",
    "dW_no_batch_sum": "∂E/∂W 必须对批量中的所有样本求和；这里只有一个样本有贡献。",
    "db_no_batch_sum": "∂E/∂b 必须对批量中的所有样本求和；这里只有一个样本有贡献。",
    "dA_stride_ignored": "步幅为 s 时，δ(i, j) 要回到位于 (i s, j s) 的窗口，而不是 (i, j)：先按步幅将 δ 膨胀，"
    "再做全卷积（原文只推导了步幅为 1 的情形）。",
    "dW_stride_ignored": "步幅为 s 时，∂E/∂W 必须在 (i s + u, j s + v) 处读取输入，而不是 (i + u, j + v)："
    "要与膨胀后的 δ 做互相关。",
    "dA_padding_not_cropped": "没有裁掉填充：填充后输入的梯度在每一侧多出 p₁ 行和 p₂ 列，它们不属于 a⁽ˡ⁻¹⁾。",
    "dA_cropped_too_early": "在把全卷积的结果补足到 n + 2p 之前，就从两端裁掉了 p：有剩余的行时"
    "（s 不整除 n + 2p − f），这样会切掉一行真实的输入。",
    # pool_backward
    "max_grad_one": "最大值处得到的是 1；它应当得到所在窗口的上游梯度 δ(i, j)（原文也有同样的疏漏）。",
    "max_grad_empty": "没有任何梯度传到输入：每个窗口的最大值都应当得到 δ(i, j)（原文的窗口是一个空范围）。",
    "avg_grad_no_divide": "平均池化给窗口中每个元素传的是 δ(i, j)/(k₁k₂)，而不是 δ(i, j)。",
    "avg_grad_no_delta": "平均池化传的是 δ(i, j)/(k₁k₂)，而不是 1/(k₁k₂)：漏掉了上游梯度（原文也有同样的疏漏）。",
    "ties_split": "出现并列时，δ 被分给了各个并列的最大值；本书（与 numpy 的 argmax 和 PyTorch 一样）"
    "把它全部交给按行优先顺序的第一个最大值。",
    "ties_all_maxima": "出现并列时，每个并列的最大值都得到了完整的 δ，于是窗口传回的梯度比 δ 还多；"
    "它应当全部交给第一个最大值。",
    "ties_last": "出现并列时，δ 交给了最后一个最大值；本书的规则是交给按行优先顺序的第一个。",
    "overlap_assigned": "重叠的窗口必须累加（+=）各自的梯度；赋值（=）会让后一个窗口的梯度覆盖前一个窗口的梯度。",
}

# Where the book derives the right formula.
SECTIONS_ZH = {
    "rot180": "第 02 章（互相关与卷积）“卷积就是用旋转后的卷积核做互相关”一节",
    "correlate2d": "第 02 章（互相关与卷积）“定义”一节",
    "convolve2d": "第 02 章（互相关与卷积）“定义”和“卷积就是用旋转后的卷积核做互相关”两节",
    "output_size": "第 01 章（符号约定）“能放下多少个窗口？一个算例”一节",
    "conv_forward": "第 03 章（前向传播：卷积层）“逐步建立公式”一节",
    "pool_forward": "第 04 章（前向传播：池化层）“公式”一节",
    "conv_backward": "第 05 章（反向传播：卷积层）第 2 部分",
    "pool_backward": "第 06 章（反向传播：池化层）",
}

# How the success line describes the range of cases, "从……到……".
SUMMARY_ZH = {
    "rot180": "从 2x2 卷积核到非方形卷积核",
    "correlate2d": "从 3x3 图像到非方形卷积核",
    "convolve2d": "从 3x3 图像到非方形卷积核",
    "output_size": "从步幅 1 到会留下剩余行和窗口间隙的步幅",
    "conv_forward": "从单个通道到带多个通道、步幅和填充的批量",
    "pool_forward": "从不重叠的 2x2 窗口到重叠窗口和非方形窗口",
    "conv_backward": "从单个通道到带填充、步幅为 2 的批量",
    "pool_backward": "从不重叠的 2x2 窗口到并列最大值和重叠窗口",
}

# Every case label of cases.py, in the order they first appear.
LABELS_ZH = {
    # rot180
    "a 2x2 kernel": "2x2 卷积核",
    "a 3x3 kernel": "3x3 卷积核",
    "a non-square 2x3 kernel": "非方形的 2x3 卷积核",
    "a 1x4 kernel": "1x4 卷积核",
    "a 4x1 kernel": "4x1 卷积核",
    "a 3x2 kernel with negative entries": "含负数元素的 3x2 卷积核",
    # correlate2d, convolve2d
    "a 3x3 image, a 2x2 kernel": "3x3 图像，2x2 卷积核",
    "a 4x5 image, a 2x3 kernel": "4x5 图像，2x3 卷积核",
    "a 1x1 kernel": "1x1 卷积核",
    "a kernel as large as the image": "与图像一样大的卷积核",
    "random 5x4 image, 3x2 kernel": "随机的 5x4 图像，3x2 卷积核",
    # output_size
    "n=5, f=3": "n=5, f=3",
    "n=5, f=3, p=1": "n=5, f=3, p=1",
    "n=7, f=3, p=0, s=2 (s divides n + 2p - f)": "n=7, f=3, p=0, s=2（s 整除 n + 2p - f）",
    "n=8, f=3, p=0, s=2 (a leftover row)": "n=8, f=3, p=0, s=2（剩余一行）",
    "n=6, f=2, p=1, s=3": "n=6, f=2, p=1, s=3",
    "n=10, f=3, p=0, s=4 (gaps between windows)": "n=10, f=3, p=0, s=4（窗口之间有间隙）",
    "n=7, f=7 (one window)": "n=7, f=7（只有一个窗口）",
    "n=4, f=1, p=0, s=3": "n=4, f=1, p=0, s=3",
    "n=9, f=4, p=2, s=3": "n=9, f=4, p=2, s=3",
    # conv_forward
    "one 3x3 channel, a 2x2 kernel, no bias": "单个 3x3 通道，2x2 卷积核，无偏置",
    "the same with a bias of 1": "同上，偏置为 1",
    "two input channels, one filter": "两个输入通道，一个滤波器",
    "two input channels, three filters": "两个输入通道，三个滤波器",
    "stride 2": "步幅 2",
    "padding 1": "填充 1",
    "stride 2, padding 1, a leftover row": "步幅 2，填充 1，剩余一行",
    "a non-square 2x3 kernel on a 5x6 input": "5x6 输入上的非方形 2x3 卷积核",
    "a non-square 3x2 kernel, padding 1": "非方形的 3x2 卷积核，填充 1",
    "a batch of 3, stride (2, 1), padding (1, 0)": "3 个样本的批量，步幅 (2, 1)，填充 (1, 0)",
    # pool_forward
    "one 4x4 channel, 2x2 windows, max": "单个 4x4 通道，2x2 窗口，最大池化",
    "one 4x4 channel, 2x2 windows, avg": "单个 4x4 通道，2x2 窗口，平均池化",
    "a batch of 2, 2 channels, max": "2 个样本的批量，2 个通道，最大池化",
    "overlapping 3x3 windows, stride 1, max": "重叠的 3x3 窗口，步幅 1，最大池化",
    "a 5x5 input: a leftover row and column": "5x5 输入：剩余一行和一列",
    "non-square (2, 3) windows, stride (2, 1), avg": "非方形的 (2, 3) 窗口，步幅 (2, 1)，平均池化",
    "3x3 windows, stride 2 (as in AlexNet), max": "3x3 窗口，步幅 2（与 AlexNet 相同），最大池化",
    "3x3 windows, stride 2, avg": "3x3 窗口，步幅 2，平均池化",
    # conv_backward
    "one 3x3 channel, a 2x2 kernel": "单个 3x3 通道，2x2 卷积核",
    "two input channels, two filters": "两个输入通道，两个滤波器",
    "a batch of 2": "2 个样本的批量",
    "a non-square 2x3 kernel on a 4x5 input": "4x5 输入上的非方形 2x3 卷积核",
    "a batch of 2, 3 -> 2 channels, stride (2, 1), padding (1, 0)": "2 个样本的批量，3 -> 2 个通道，步幅 (2, 1)，"
    "填充 (1, 0)",
    # pool_backward
    "4x4, 2x2 windows, max, distinct values": "4x4 输入，2x2 窗口，最大池化，各值互不相同",
    "4x4, 2x2 windows, avg": "4x4 输入，2x2 窗口，平均池化",
    "ties inside the 2x2 windows, max": "2x2 窗口内有并列，最大池化",
    "overlapping 3x3 windows, stride 1, avg": "重叠的 3x3 窗口，步幅 1，平均池化",
    "3x3 windows, stride 2, ties, batch and channels": "3x3 窗口，步幅 2，有并列，多个样本和通道",
    "non-square (2, 3) windows, stride (1, 2), avg": "非方形的 (2, 3) 窗口，步幅 (1, 2)，平均池化",
}
