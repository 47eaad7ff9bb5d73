#include "content/html_export.h"

#include "content/markdown_export.h"

#include <sstream>

namespace lungguide {

namespace {

std::string escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char character : text) {
        switch (character) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += character;
        }
    }
    return out;
}

// Escaped, with **bold** as <strong>.
std::string inline_html(const std::string& text) {
    std::string out;
    bool strong = false;
    std::size_t start = 0;
    for (std::size_t at = text.find("**"); at != std::string::npos; at = text.find("**", start)) {
        out += escaped(text.substr(start, at - start));
        out += strong ? "</strong>" : "<strong>";
        strong = !strong;
        start = at + 2;
    }
    out += escaped(text.substr(start));
    if (strong) out += "</strong>";
    return out;
}

// Open blocks, closed when a line of another kind (or a blank line) comes.
class HtmlWriter {
  public:
    void line(const std::string& text) {
        if (text.empty()) return close();
        int level = 0;
        while (level < 3 && level < static_cast<int>(text.size()) && text[level] == '#')
            ++level;
        if (level > 0 && text.size() > static_cast<std::size_t>(level) && text[level] == ' ') {
            close();
            const std::string tag = "h" + std::to_string(level);
            out_ += "<" + tag + ">" + inline_html(text.substr(level + 1)) + "</" + tag + ">\n";
        } else if (text.rfind("- ", 0) == 0) {
            open(Block::list);
            out_ += "<li>" + inline_html(text.substr(2)) + "</li>\n";
        } else if (text.rfind("> ", 0) == 0 || text == ">") {
            open(Block::quote);
            out_ += "<p>" + inline_html(text.size() > 2 ? text.substr(2) : "") + "</p>\n";
        } else {
            if (block_ == Block::paragraph) {
                out_ += " ";
            } else {
                open(Block::paragraph);
            }
            out_ += inline_html(text);
        }
    }
    std::string finish() {
        close();
        return out_;
    }

  private:
    enum class Block { none, paragraph, list, quote };
    void open(Block block) {
        if (block_ == block) return;
        close();
        block_ = block;
        out_ += block == Block::paragraph ? "<p>"
                : block == Block::list    ? "<ul>\n"
                                          : "<blockquote class=\"serious\">\n";
    }
    void close() {
        if (block_ == Block::paragraph) out_ += "</p>\n";
        if (block_ == Block::list) out_ += "</ul>\n";
        if (block_ == Block::quote) out_ += "</blockquote>\n";
        block_ = Block::none;
    }
    std::string out_;
    Block block_ = Block::none;
};

} // namespace

std::string markdown_to_html(const std::string& markdown) {
    HtmlWriter writer;
    std::istringstream lines(markdown);
    std::string line;
    while (std::getline(lines, line))
        writer.line(line);
    return writer.finish();
}

std::string export_guide_html(const Guide& guide, const std::string& stylesheet) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'\">\n"
           "<title>" +
           escaped(guide.title) + "</title>\n<link rel=\"stylesheet\" href=\"" +
           escaped(stylesheet) + "\">\n</head>\n<body>\n<main>\n" +
           markdown_to_html(export_guide_markdown(guide)) + "</main>\n</body>\n</html>\n";
}

} // namespace lungguide
