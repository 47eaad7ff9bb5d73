#include "common/edit_distance.h"

#include <algorithm>
#include <vector>

namespace lungguide {

namespace {

// Rows of the dynamic-programming table for a against b, stopping early. When
// prefix_of_b is true the answer is the best cell of the last row (any prefix of b),
// otherwise the last cell.
int optimal_string_alignment(std::u32string_view a, std::u32string_view b, int max_distance,
                             bool prefix_of_b) {
    if (max_distance < 0) return 0;
    const int too_far = max_distance + 1;
    const std::size_t a_length = a.size();
    const std::size_t b_length = b.size();
    if (!prefix_of_b) {
        const std::size_t length_gap =
            a_length > b_length ? a_length - b_length : b_length - a_length;
        if (length_gap > static_cast<std::size_t>(max_distance)) return too_far;
    } else if (b_length + static_cast<std::size_t>(max_distance) < a_length) {
        return too_far;
    }
    // Small words are the common case: keep the rows on the stack.
    constexpr std::size_t stack_columns = 64;
    int stack_rows[3][stack_columns + 1];
    std::vector<int> heap_rows;
    int* two_back = stack_rows[0];
    int* previous = stack_rows[1];
    int* current = stack_rows[2];
    if (b_length > stack_columns) {
        heap_rows.assign(3 * (b_length + 1), 0);
        two_back = heap_rows.data();
        previous = two_back + (b_length + 1);
        current = previous + (b_length + 1);
    }
    for (std::size_t column = 0; column <= b_length; ++column) {
        previous[column] = static_cast<int>(column);
    }
    if (a_length == 0) {
        return prefix_of_b ? 0 : std::min(static_cast<int>(b_length), too_far);
    }
    for (std::size_t row = 1; row <= a_length; ++row) {
        current[0] = static_cast<int>(row);
        int row_best = current[0];
        for (std::size_t column = 1; column <= b_length; ++column) {
            const int substitution_cost = a[row - 1] == b[column - 1] ? 0 : 1;
            int value = std::min({previous[column] + 1, current[column - 1] + 1,
                                  previous[column - 1] + substitution_cost});
            if (row > 1 && column > 1 && a[row - 1] == b[column - 2] &&
                a[row - 2] == b[column - 1]) {
                value = std::min(value, two_back[column - 2] + 1);
            }
            current[column] = value;
            row_best = std::min(row_best, value);
        }
        // Every later cell builds on this row; if all of it is too far, so is the answer.
        if (row_best > max_distance) return too_far;
        int* recycled = two_back;
        two_back = previous;
        previous = current;
        current = recycled;
    }
    int answer =
        prefix_of_b ? *std::min_element(previous, previous + b_length + 1) : previous[b_length];
    return std::min(answer, too_far);
}

} // namespace

int bounded_edit_distance(std::u32string_view a, std::u32string_view b, int max_distance) {
    return optimal_string_alignment(a, b, max_distance, false);
}

int bounded_prefix_edit_distance(std::u32string_view typed, std::u32string_view word,
                                 int max_distance) {
    return optimal_string_alignment(typed, word, max_distance, true);
}

} // namespace lungguide
