#include "bookmarks/visit_summary.h"

#include "bookmarks/bookmark_targets.h"
#include "bookmarks/diary_findings.h"

#include <algorithm>
#include <ctime>

namespace lungguide {
namespace {

// Writes the same structure as Markdown or as a printable HTML page, escaping all text:
// notes are the person's own words and must never turn into markup.
class SummaryWriter {
  public:
    explicit SummaryWriter(SummaryFormat format) : format_(format) {}

    void write(const SummaryBlock& block) {
        switch (block.kind) {
        case SummaryBlock::Kind::heading:
            if (block.level == 1)
                begin(block.text);
            else
                heading(block.level, block.text);
            return;
        case SummaryBlock::Kind::paragraph:
            paragraph(block.text);
            return;
        case SummaryBlock::Kind::labelled:
            labelled(block.label, block.text);
            return;
        case SummaryBlock::Kind::note:
            paragraph("Note:");
            quote(block.text);
            return;
        case SummaryBlock::Kind::own_words:
            own_words(block.label, block.text);
            return;
        case SummaryBlock::Kind::set_apart:
            set_apart(block.label, block.text);
            return;
        case SummaryBlock::Kind::rule:
            rule();
            return;
        }
    }

  private:
    void begin(const std::string& title) {
        if (html()) {
            out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    escape(title) +
                    "</title>\n<style>\n"
                    "body { font-family: sans-serif; font-size: 1.25rem; line-height: 1.5; "
                    "max-width: 44rem; margin: 1.5rem auto; padding: 0 1rem; color: #111; }\n"
                    "h1 { font-size: 1.9rem; } h2 { font-size: 1.5rem; margin-top: 2rem; "
                    "border-bottom: 2px solid #444; } h3 { font-size: 1.25rem; }\n"
                    "blockquote { margin: 0.5rem 0; padding: 0.25rem 1rem; "
                    "border-left: 6px solid #888; white-space: pre-wrap; }\n"
                    ".rare { border: 3px solid #000; padding: 0 1rem; margin: 1rem 0; }\n"
                    "@media print { body { font-size: 12pt; } h2 { break-after: avoid; } }\n"
                    "</style>\n</head>\n<body>\n";
        }
        heading(1, title);
    }

  public:
    std::string finish() {
        if (html()) out_ += "</body>\n</html>\n";
        return out_;
    }

  private:
    void heading(int level, const std::string& text) {
        if (html()) {
            const std::string tag = "h" + std::to_string(level);
            out_ += "<" + tag + ">" + escape(text) + "</" + tag + ">\n";
        } else {
            out_ += std::string(static_cast<std::size_t>(level), '#') + " " + escape(text) + "\n\n";
        }
    }
    void paragraph(const std::string& text) {
        out_ += html() ? "<p>" + escape(text) + "</p>\n" : escape(text) + "\n\n";
    }
    // "**Label:** text": a short label of ours before the guide's or the person's words.
    void labelled(const std::string& label, const std::string& text) {
        out_ += html() ? "<p><strong>" + escape(label) + ":</strong> " + escape(text) + "</p>\n"
                       : "**" + escape(label) + ":** " + escape(text) + "\n\n";
    }
    // "**Mum's words:** “the runs”": a label of ours, then the person's words, escaped as a
    // note is (they must never turn into markup or a link).
    void own_words(const std::string& label, const std::string& text) {
        out_ += html() ? "<p><strong>" + escape(label) + ":</strong> \u201C" + escape(text) +
                             "\u201D</p>\n"
                       : "**" + escape(label) + ":** \u201C" + escape(text, true) + "\u201D\n\n";
    }
    // The person's own note, quoted line by line.
    void quote(const std::string& text) {
        if (html()) {
            out_ += "<blockquote>" + escape(text) + "</blockquote>\n";
            return;
        }
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string line = text.substr(start, end - start);
            out_ += line.empty() ? ">\n" : "> " + escape(line, true) + "\n";
            start = end + 1;
        }
        out_ += "\n";
    }
    // Rare but serious side effects, boxed apart from the common ones.
    void set_apart(const std::string& heading_text, const std::string& text) {
        if (html()) {
            out_ += "<div class=\"rare\">\n";
            heading(3, heading_text);
            paragraph(text);
            out_ += "</div>\n";
        } else {
            heading(3, heading_text);
            out_ += "> **" + escape(text) + "**\n\n";
        }
    }
    void rule() { out_ += html() ? "<hr>\n" : "---\n\n"; }

    bool html() const { return format_ == SummaryFormat::html; }

    // person_text: a note, which gets the stricter Markdown rules below.
    std::string escape(const std::string& text, bool person_text = false) const {
        std::string escaped;
        escaped.reserve(text.size());
        if (html()) {
            for (char character : text) {
                switch (character) {
                case '&':
                    escaped += "&amp;";
                    break;
                case '<':
                    escaped += "&lt;";
                    break;
                case '>':
                    escaped += "&gt;";
                    break;
                case '"':
                    escaped += "&quot;";
                    break;
                case '\'':
                    escaped += "&#39;";
                    break;
                default:
                    escaped += character;
                }
            }
            return escaped;
        }
        // Markdown, a line at a time: characters that format anywhere get a backslash, and
        // so do list and heading markers at the start of a line ("- ", "+ ", "1. ", "1) ").
        // In a person's note also: "&" (entities), leading spaces go (no marker hides behind
        // them, no line turns into code), and web addresses lose their link ("https\://",
        // "www\."), so a note can't carry a link that looks like the guide's.
        const std::string anywhere = person_text ? "\\`*_[]<>#|!~&" : "\\`*_[]<>#|!~";
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::string line = text.substr(start, end - start);
            if (person_text) line.erase(0, std::min(line.find_first_not_of(" \t"), line.size()));
            const std::size_t digits = line.find_first_not_of("0123456789");
            const bool numbered = digits != std::string::npos && digits > 0 &&
                                  (line[digits] == '.' || line[digits] == ')');
            if (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '='))
                escaped += '\\';
            for (std::size_t index = 0; index < line.size(); ++index) {
                const bool link = person_text && ((line.compare(index, 3, "://") == 0) ||
                                                  (line[index] == '.' && index >= 3 &&
                                                   (line.compare(index - 3, 3, "www") == 0 ||
                                                    line.compare(index - 3, 3, "WWW") == 0)));
                if (anywhere.find(line[index]) != std::string::npos ||
                    (numbered && index == digits) || link)
                    escaped += '\\';
                escaped += line[index];
            }
            if (end < text.size()) escaped += '\n';
            start = end + 1;
        }
        return escaped;
    }

    SummaryFormat format_;
    std::string out_;
};

// Collects the summary's blocks in order.
class SummaryBuilder {
  public:
    void heading(int level, const std::string& text) {
        blocks_.push_back({SummaryBlock::Kind::heading, level, "", text});
    }
    void paragraph(const std::string& text) {
        blocks_.push_back({SummaryBlock::Kind::paragraph, 0, "", text});
    }
    void labelled(const std::string& label, const std::string& text) {
        blocks_.push_back({SummaryBlock::Kind::labelled, 0, label, text});
    }
    void note(const std::string& text) {
        blocks_.push_back({SummaryBlock::Kind::note, 0, "", text});
    }
    void own_words(const std::string& label, const std::string& text) {
        blocks_.push_back({SummaryBlock::Kind::own_words, 0, label, text});
    }
    void set_apart(const std::string& label, const std::string& text) {
        blocks_.push_back({SummaryBlock::Kind::set_apart, 0, label, text});
    }
    void rule() { blocks_.push_back({SummaryBlock::Kind::rule, 0, "", ""}); }
    std::vector<SummaryBlock> take() { return std::move(blocks_); }

  private:
    std::vector<SummaryBlock> blocks_;
};

std::string joined_names(const Guide& guide, const std::vector<std::string>& class_ids) {
    std::string names;
    for (const std::string& id : class_ids)
        if (const DrugClass* drug_class = guide.find_class(id))
            names += (names.empty() ? "" : ", ") + drug_class->name;
    return names;
}

// The classes whose page text applies to a drug: those that list it among their examples.
// A drug only used alongside a class (chemotherapy with an EGFR inhibitor) gets none: that
// class's side effects are not the drug's.
const std::vector<std::string>& classes_describing(const Drug& drug) {
    return drug.class_ids;
}

// The diary by day, oldest first: each entry in the person's words, its severity and note,
// then what the page says about it; rare but serious set apart, with the page's advice.
void diary_blocks(SummaryBuilder& writer, const Guide& guide,
                  const std::vector<Bookmark>& bookmarks, const std::string& person,
                  std::vector<DiaryEntry> diary) {
    if (diary.empty()) return;
    std::stable_sort(diary.begin(), diary.end(), [](const DiaryEntry& a, const DiaryEntry& b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    writer.heading(2, "Symptom diary");
    std::string day;
    for (const DiaryEntry& entry : diary) {
        if (entry.date != day) writer.heading(3, entry.date);
        day = entry.date;
        const std::string whose = person.empty() ? "Your" : person + "'s";
        writer.own_words(whose + " words", entry.text);
        if (entry.severity != DiarySeverity::none)
            writer.labelled("How bad", diary_severity_label(entry.severity));
        if (!entry.note.empty()) writer.note(entry.note);
        if (entry.damaged)
            writer.paragraph("This entry was damaged on the device since it was saved; it is "
                             "shown as it reads now.");
        for (const DiaryFinding& finding : diary_findings(guide, entry, bookmarks)) {
            if (!finding.rare_serious) {
                writer.paragraph(finding.text);
                continue;
            }
            writer.set_apart("Rare but serious", finding.text);
            writer.labelled("The page's advice", guide.doctor_advice);
        }
    }
}

} // namespace

std::vector<SummaryBlock> visit_summary_blocks(const Guide& guide,
                                               const std::vector<Bookmark>& bookmarks,
                                               const std::string& person,
                                               const std::string& prepared_on,
                                               const std::vector<DiaryEntry>& diary) {
    std::vector<Bookmark> marked = bookmarks;
    mark_missing_targets(guide, marked);

    SummaryBuilder writer;
    writer.heading(1,
                   person.empty() ? "For the doctor's visit" : "For the doctor's visit: " + person);
    writer.paragraph("Prepared with LungGuide on " + prepared_on + " from \"" + guide.title +
                     "\" (" + guide.source + "), last revised " + guide.revision_date +
                     ". The notes" + std::string(diary.empty() ? "" : " and the diary's words") +
                     " are " + (person.empty() ? "your" : person + "'s") +
                     " own; everything else is the page's text.");

    // 1. What is bookmarked, with the notes, drugs first.
    writer.heading(2, "Bookmarked drugs and notes");
    std::vector<std::string> class_ids_shown;
    const auto want_class = [&](const std::string& id) {
        if (guide.find_class(id) &&
            std::find(class_ids_shown.begin(), class_ids_shown.end(), id) == class_ids_shown.end())
            class_ids_shown.push_back(id);
    };
    for (const char* kind : {"drug", "class"}) {
        for (const Bookmark& bookmark : marked) {
            if (bookmark.kind != kind || bookmark.missing) continue;
            const std::string name = bookmark_target_name(guide, bookmark);
            if (bookmark.kind == "drug") {
                const Drug& drug = *guide.find_drug(bookmark.target);
                const std::string classes = joined_names(guide, classes_describing(drug));
                const std::string used_with = joined_names(guide, drug.partner_class_ids);
                writer.heading(3, name);
                if (!classes.empty())
                    writer.labelled("Drug class", classes);
                else if (!used_with.empty())
                    writer.labelled("Used together with", used_with);
                if (!drug.description.empty()) writer.paragraph(drug.description);
                for (const std::string& id : classes_describing(drug))
                    want_class(id);
            } else {
                writer.heading(3, name + " (drug class)");
                want_class(bookmark.target);
            }
            if (!bookmark.note.empty()) writer.note(bookmark.note);
        }
    }

    if (std::none_of(marked.begin(), marked.end(),
                     [](const Bookmark& bookmark) { return !bookmark.missing; }))
        writer.paragraph("Nothing is bookmarked.");

    // 1b. The symptom diary, with what the page says about each entry.
    diary_blocks(writer, guide, marked, person, diary);

    // 2. For each class involved, in page order: how given, side effects, cautions.
    std::vector<std::string> in_page_order;
    for (const DrugClass& drug_class : guide.classes)
        if (std::find(class_ids_shown.begin(), class_ids_shown.end(), drug_class.id) !=
            class_ids_shown.end())
            in_page_order.push_back(drug_class.id);
    for (const std::string& id : in_page_order) {
        const DrugClass& drug_class = *guide.find_class(id);
        writer.heading(2, drug_class.heading);
        writer.labelled("How they are given", drug_class.how_given.empty()
                                                  ? "The page does not say."
                                                  : drug_class.how_given);
        for (const SideEffectGroup& group : drug_class.side_effect_groups)
            if (group.severity == Severity::common) writer.labelled(group.label, group.text);
        for (const SideEffectGroup& group : drug_class.side_effect_groups)
            if (group.severity == Severity::rare_serious) writer.set_apart(group.label, group.text);
        for (const std::string& caution : drug_class.cautions)
            writer.paragraph(caution);
    }

    // 3. Bookmarks to pages a newer guide no longer has: shown, never dropped.
    bool any_missing = false;
    for (const Bookmark& bookmark : marked) {
        if (!bookmark.missing) continue;
        if (!any_missing) {
            writer.heading(2, "Bookmarks this version of the guide no longer has");
            any_missing = true;
        }
        writer.heading(3, bookmark.kind + " \"" + bookmark.target + "\"");
        if (!bookmark.note.empty()) writer.note(bookmark.note);
    }

    writer.rule();
    writer.paragraph(guide.doctor_advice);
    writer.labelled("Source", guide.source + ", \"" + guide.title + "\". Last revised " +
                                  guide.revision_date + ".");
    return writer.take();
}

std::string visit_summary(const Guide& guide, const std::vector<Bookmark>& bookmarks,
                          const std::string& person, const std::string& prepared_on,
                          SummaryFormat format, const std::vector<DiaryEntry>& diary) {
    SummaryWriter writer(format);
    for (const SummaryBlock& block :
         visit_summary_blocks(guide, bookmarks, person, prepared_on, diary))
        writer.write(block);
    return writer.finish();
}

} // namespace lungguide
