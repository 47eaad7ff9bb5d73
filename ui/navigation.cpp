#include "navigation.h"

#include <cstdio>

namespace lungguide::ui {

namespace {

int hex_value(char character) {
    if (character >= '0' && character <= '9') return character - '0';
    if (character >= 'a' && character <= 'f') return character - 'a' + 10;
    if (character >= 'A' && character <= 'F') return character - 'A' + 10;
    return -1;
}

bool is_plain_id(const std::string& id) {
    if (id.empty()) return false;
    for (char character : id) {
        bool ok = (character >= 'a' && character <= 'z') ||
                  (character >= '0' && character <= '9') || character == '-' || character == '_';
        if (!ok) return false;
    }
    return true;
}

bool is_plain_anchor(const std::string& anchor) {
    for (char character : anchor) {
        bool ok = (character >= 'a' && character <= 'z') ||
                  (character >= '0' && character <= '9') || character == '-' || character == '_' ||
                  character == '=';
        if (!ok) return false;
    }
    return true;
}

} // namespace

std::string decode_query(const std::string& text) {
    std::string decoded;
    for (std::size_t index = 0; index < text.size(); ++index) {
        char character = text[index];
        if (character == '+') {
            decoded += ' ';
        } else if (character == '%' && index + 2 < text.size() && hex_value(text[index + 1]) >= 0 &&
                   hex_value(text[index + 2]) >= 0) {
            decoded +=
                static_cast<char>(hex_value(text[index + 1]) * 16 + hex_value(text[index + 2]));
            index += 2;
        } else {
            decoded += character;
        }
    }
    return decoded;
}

std::string encode_query(const std::string& text) {
    std::string encoded;
    for (unsigned char character : text) {
        bool plain = (character >= 'a' && character <= 'z') ||
                     (character >= 'A' && character <= 'Z') ||
                     (character >= '0' && character <= '9') || character == '-' ||
                     character == '_' || character == '.';
        if (plain) {
            encoded += static_cast<char>(character);
        } else if (character == ' ') {
            encoded += '+';
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", character);
            encoded += buffer;
        }
    }
    return encoded;
}

std::string normalize_anchor(const std::string& anchor) {
    if (anchor == "side-effects" || anchor == "uses") return "section=" + anchor;
    return anchor;
}

bool parse_route(const std::string& full_text, Route& route) {
    Route parsed;
    std::string text = full_text;
    if (const auto hash = text.find('#'); hash != std::string::npos) {
        parsed.anchor = normalize_anchor(text.substr(hash + 1));
        text.erase(hash);
        if (!is_plain_anchor(parsed.anchor)) return false;
    }
    auto starts_with = [&](const char* prefix) { return text.rfind(prefix, 0) == 0; };
    if (text.empty() || text == "home") {
        parsed.screen = Screen::home;
    } else if (text == "bookmarks") {
        parsed.screen = Screen::bookmarks;
    } else if (text == "settings") {
        parsed.screen = Screen::settings;
    } else if (text == "about") {
        parsed.screen = Screen::about;
    } else if (text == "search") {
        parsed.screen = Screen::search;
    } else if (text == "summary") {
        parsed.screen = Screen::summary;
    } else if (starts_with("summary?for=")) {
        parsed.screen = Screen::summary;
        parsed.query = decode_query(text.substr(12));
    } else if (text == "diary") {
        parsed.screen = Screen::diary;
    } else if (starts_with("diary?for=")) {
        parsed.screen = Screen::diary;
        parsed.query = decode_query(text.substr(10));
    } else if (starts_with("search?q=")) {
        parsed.screen = Screen::search;
        parsed.query = decode_query(text.substr(9));
    } else if (starts_with("class/")) {
        parsed.screen = Screen::drug_class;
        parsed.id = text.substr(6);
        if (!is_plain_id(parsed.id)) return false;
    } else if (starts_with("drug/")) {
        parsed.screen = Screen::drug;
        parsed.id = text.substr(5);
        if (!is_plain_id(parsed.id)) return false;
    } else {
        return false;
    }
    route = parsed;
    return true;
}

std::string format_route(const Route& route) {
    const std::string page = page_route_text(route);
    return route.anchor.empty() ? page : page + "#" + route.anchor;
}

std::string page_route_text(const Route& route) {
    switch (route.screen) {
    case Screen::home:
        return "home";
    case Screen::drug_class:
        return "class/" + route.id;
    case Screen::drug:
        return "drug/" + route.id;
    case Screen::search:
        return route.query.empty() ? "search" : "search?q=" + encode_query(route.query);
    case Screen::bookmarks:
        return "bookmarks";
    case Screen::settings:
        return "settings";
    case Screen::about:
        return "about";
    case Screen::summary:
        return route.query.empty() ? "summary" : "summary?for=" + encode_query(route.query);
    case Screen::diary:
        return route.query.empty() ? "diary" : "diary?for=" + encode_query(route.query);
    }
    return "home";
}

void Navigator::go(const Route& route) {
    if (route == current_) return;
    back_stack_.push_back(current_);
    current_ = route;
    changed_ = true;
    went_back_ = false;
}

void Navigator::replace(const Route& route) {
    current_ = route;
}

bool Navigator::back() {
    if (back_stack_.empty()) return false;
    current_ = back_stack_.back();
    back_stack_.pop_back();
    changed_ = true;
    went_back_ = true;
    return true;
}

void Navigator::reset(const Route& route) {
    back_stack_.clear();
    current_ = route;
    changed_ = true;
    went_back_ = false;
}

bool Navigator::take_changed() {
    bool changed = changed_;
    changed_ = false;
    return changed;
}

} // namespace lungguide::ui
