#include "speech/pronunciations.h"

#include <nlohmann/json.hpp>

namespace lungguide {

// Written by the build from assets/content/pronunciations.json (cmake/embed_text.cmake).
extern const char lungguide_pronunciations_json[];

namespace {

bool has_capital_after_first(const std::string& text) {
    for (std::size_t index = 1; index < text.size(); ++index)
        if (text[index] >= 'A' && text[index] <= 'Z') return true;
    return false;
}

Status invalid(const std::string& what) {
    return Status::failure(Problem::invalid_input, "The pronunciation list is not valid: " + what);
}

Result<Pronunciations> parse_list(std::string_view json) {
    const nlohmann::json document = nlohmann::json::parse(json, nullptr, false);
    if (document.is_discarded() || !document.is_object()) return invalid("it is not JSON.");
    Pronunciations list;
    for (const auto& entry : document.value("words", nlohmann::json::array())) {
        if (!entry.is_object() || !entry.contains("written") || !entry["written"].is_string())
            return invalid("a word has no \"written\".");
        Pronunciation word;
        word.written = entry["written"].get<std::string>();
        word.espeak = entry.value("espeak", "");
        word.say = entry.value("say", "");
        word.case_sensitive = has_capital_after_first(word.written);
        if (word.written.empty() || (word.espeak.empty() && word.say.empty()))
            return invalid("\"" + word.written + "\" says nothing about how it sounds.");
        list.words.push_back(std::move(word));
    }
    for (const auto& entry : document.value("abbreviations", nlohmann::json::array())) {
        if (!entry.is_object() || !entry.contains("written") || !entry.contains("expansion") ||
            !entry["written"].is_string() || !entry["expansion"].is_string())
            return invalid("an abbreviation lacks \"written\" or \"expansion\".");
        list.abbreviations.push_back(
            {entry["written"].get<std::string>(), entry["expansion"].get<std::string>()});
    }
    return list;
}

} // namespace

Result<Pronunciations> parse_pronunciations(std::string_view json) {
    try {
        return parse_list(json);
    } catch (const nlohmann::json::exception&) { // a field of the wrong type
        return invalid("a field has the wrong type.");
    }
}

std::string_view built_in_pronunciations_json() {
    return lungguide_pronunciations_json;
}

const Pronunciations& built_in_pronunciations() {
    static const Pronunciations list = [] {
        Result<Pronunciations> parsed = parse_pronunciations(built_in_pronunciations_json());
        return parsed.ok() ? std::move(parsed.value()) : Pronunciations{};
    }();
    return list;
}

} // namespace lungguide
