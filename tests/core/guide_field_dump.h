// Every field of a Guide as text, one line each, named by its path ("classes[2].uses[0].alone"),
// through the list of fields itself (content/guide_fields.h): two Guides whose dumps are
// equal are equal in every field the list names.
#pragma once

#include "content/guide_fields.h"

#include <sstream>
#include <string>

namespace lungguide::testing {

class GuideFieldDump {
  public:
    explicit GuideFieldDump(std::ostringstream& out, std::string path = "")
        : out_(out), path_(std::move(path)) {}

    void text(const std::string& value, const fields::Field& field) { put(field, value); }
    void flag(bool value, const fields::Field& field) { put(field, value ? "true" : "false"); }
    template <typename Enum>
    void choice(Enum value, const fields::Field& field, fields::Choices<Enum> options) {
        put(field, fields::choice_id(value, options));
    }
    void texts(const std::vector<std::string>& values, const fields::Field& field,
               const fields::TextTable&) {
        out_ << path_ << field.name << " #" << values.size() << '\n';
        for (std::size_t index = 0; index < values.size(); ++index)
            out_ << path_ << field.name << '[' << index << "] = " << values[index] << '\n';
    }
    template <typename Item>
    void items(const std::vector<Item>& list, const fields::Field& field,
               const fields::ItemTable&) {
        out_ << path_ << field.name << " #" << list.size() << '\n';
        for (std::size_t index = 0; index < list.size(); ++index) {
            GuideFieldDump item(out_, path_ + field.name + "[" + std::to_string(index) + "].");
            fields::visit_fields(list[index], item);
        }
    }

  private:
    void put(const fields::Field& field, const std::string& value) {
        out_ << path_ << field.name << " = " << value << '\n';
    }
    std::ostringstream& out_;
    std::string path_;
};

inline std::string field_dump(const Guide& guide) {
    std::ostringstream out;
    GuideFieldDump dump(out);
    fields::visit_fields(guide, dump);
    return out.str();
}

} // namespace lungguide::testing
