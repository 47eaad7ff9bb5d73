// The CLI's JSON shapes for classes and drugs (documented in README.md).
#pragma once

#include "content/guide.h"

#include <nlohmann/json.hpp>

namespace lungguide::cli {

nlohmann::json drug_to_json(const Guide& guide, const Drug& drug);
nlohmann::json class_to_json(const Guide& guide, const DrugClass& drug_class);

} // namespace lungguide::cli
