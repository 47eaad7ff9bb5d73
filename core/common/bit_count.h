// Counting set bits, inline. std::popcount is C++20 and the project is C++17;
// __builtin_popcount and std::bitset::count are calls into libgcc on the baseline x86-64
// target (no POPCNT instruction), which showed in search's profile.
#pragma once

#include <cstdint>

namespace lungguide {

inline int popcount(std::uint32_t value) {
    value = value - ((value >> 1) & 0x55555555u);
    value = (value & 0x33333333u) + ((value >> 2) & 0x33333333u);
    return static_cast<int>((((value + (value >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

} // namespace lungguide
