// A synthetic guide many times larger than the page, for measuring search at scale.
//
// Every class, drug, gene change and section is copied `factor` times with its own ids
// and made-up names (pseudo-words, so the vocabulary grows too), and each class copy
// gains one made-up side effect. The symptom concepts stay as they are, so the lay
// words keep working over the bigger lists. Never shipped: benchmarks only.
#pragma once

#include "common/result.h"
#include "content/guide.h"

#include <string>

namespace lungguide::bench {

Guide make_synthetic_guide(const Guide& base, int factor);

// Builds make_synthetic_guide(base, factor) into a pack at output_path, signed with this
// build's key (cmake/pack_signing.cmake).
Status write_synthetic_pack(const Guide& base, int factor, const std::string& output_path);

} // namespace lungguide::bench
