#include "content/guide_json.h"

#include "content/guide_fields.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace lungguide {

using nlohmann::json;

namespace {

// Thrown only inside this file and turned into a failed Status.
struct FieldError {
    std::string message;
};

const json& require(const json& object, const char* key, const std::string& where) {
    if (!object.is_object() || !object.contains(key))
        throw FieldError{where + ": missing \"" + key + "\""};
    return object.at(key);
}

std::string text(const json& object, const char* key, const std::string& where) {
    const json& value = require(object, key, where);
    if (!value.is_string()) throw FieldError{where + ": \"" + key + "\" must be text"};
    return value.get<std::string>();
}

std::string optional_text(const json& object, const char* key, const std::string& where) {
    if (!object.contains(key)) return {};
    return text(object, key, where);
}

bool optional_flag(const json& object, const char* key, bool fallback, const std::string& where) {
    if (!object.contains(key)) return fallback;
    const json& value = object.at(key);
    if (!value.is_boolean()) throw FieldError{where + ": \"" + key + "\" must be true or false"};
    return value.get<bool>();
}

std::vector<std::string> text_list(const json& object, const char* key, const std::string& where,
                                   bool required = false) {
    if (!object.contains(key)) {
        if (required) throw FieldError{where + ": missing \"" + key + "\""};
        return {};
    }
    const json& value = object.at(key);
    if (!value.is_array()) throw FieldError{where + ": \"" + key + "\" must be a list"};
    std::vector<std::string> items;
    for (const json& item : value) {
        if (!item.is_string()) throw FieldError{where + ": \"" + key + "\" must hold text"};
        items.push_back(item.get<std::string>());
    }
    return items;
}

const json& list(const json& object, const char* key, const std::string& where) {
    const json& value = require(object, key, where);
    if (!value.is_array()) throw FieldError{where + ": \"" + key + "\" must be a list"};
    return value;
}

// Finds the options of an item's key choice.
struct KeyOptions {
    std::vector<std::string> ids;
    void text(std::string&, const fields::Field&) {}
    void flag(bool&, const fields::Field&) {}
    template <typename Enum>
    void choice(Enum&, const fields::Field& field, fields::Choices<Enum> options) {
        if (field.has(fields::key))
            for (const auto& option : options)
                ids.push_back(option.id);
    }
    void texts(std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {}
    template <typename Item>
    void items(std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {}
};

// Fills an item from its JSON object, field by field in the list's order (guide_fields.h),
// so the first problem found is the first field in that order that is wrong.
class JsonFieldReader {
  public:
    // The authored files: guide.json, and symptom-concepts.json (read when first needed,
    // so that a problem in guide.json is named first). `file` names the one being read.
    struct Sources {
        const json& guide;
        const std::string& concepts_text;
        std::string& file;
        json concepts;
        bool concepts_read = false;
    };

    JsonFieldReader(const json& object, std::string where, Sources* sources = nullptr)
        : object_(object), where_(std::move(where)), sources_(sources) {}

    void text(std::string& value, const fields::Field& field) {
        const json* object = source(field);
        if (!object) return;
        const char* name = field.has(fields::json_under_tag) && tag_ ? tag_ : field.name;
        value = field.has(fields::required) ? lungguide::text(*object, name, where_)
                                            : optional_text(*object, name, where_);
        if (field.has(fields::key) && label_) where_ = std::string(label_) + " " + value;
    }

    void flag(bool& value, const fields::Field& field) {
        value = optional_flag(object_, field.name, value, where_);
    }

    template <typename Enum>
    void choice(Enum& value, const fields::Field& field, fields::Choices<Enum> options) {
        if (forced_choice_) return set_choice(value, field, options, forced_choice_);
        if (field.has(fields::json_tag)) {
            // The first option unless the object holds the key of another.
            tag_ = options.begin()->id;
            for (const auto& option : options)
                if (object_.contains(option.id)) tag_ = option.id;
            return set_choice(value, field, options, tag_);
        }
        set_choice(value, field, options, lungguide::text(object_, field.name, where_));
    }

    void texts(std::vector<std::string>& values, const fields::Field& field,
               const fields::TextTable&) {
        if (const json* object = source(field))
            values = text_list(*object, field.name, where_, field.has(fields::required));
    }

    template <typename Item>
    void items(std::vector<Item>& list, const fields::Field& field,
               const fields::ItemTable& table) {
        const json* object = source(field);
        if (!object) return;
        if (field.has(fields::json_per_choice)) {
            for (const std::string& option : key_options<Item>()) {
                JsonFieldReader reader(require(*object, option.c_str(), where_),
                                       where_ + " " + option);
                reader.forced_choice_ = option.c_str();
                list.push_back(reader.read<Item>());
            }
            return;
        }
        for (const json& element : lungguide::list(*object, field.name, where_)) {
            JsonFieldReader reader(element, table.where ? table.where : where_);
            reader.label_ = table.where;
            list.push_back(reader.read<Item>());
        }
    }

  private:
    template <typename Item> Item read() {
        Item item;
        fields::visit_fields(item, *this);
        return item;
    }

    // The object a field is read from; null for one of symptom-concepts.json when there is none.
    const json* source(const fields::Field& field) {
        if (!sources_ || !field.has(fields::concepts_file)) return &object_;
        if (sources_->concepts_text.empty()) return nullptr;
        if (!sources_->concepts_read) {
            sources_->file = "symptom-concepts.json";
            sources_->concepts = json::parse(sources_->concepts_text);
            sources_->concepts_read = true;
        }
        where_ = sources_->file;
        return &sources_->concepts;
    }

    template <typename Enum>
    void set_choice(Enum& value, const fields::Field& field, fields::Choices<Enum> options,
                    const std::string& id) {
        for (const auto& option : options)
            if (id == option.id) {
                value = option.value;
                return;
            }
        throw FieldError{where_ + ": unknown " + field.name + " \"" + id + "\""};
    }

    // The ids of the options of an item's key choice (the severities of a side-effect group).
    template <typename Item> static std::vector<std::string> key_options() {
        KeyOptions options;
        Item item;
        fields::visit_fields(item, options);
        return options.ids;
    }

    const json& object_;
    std::string where_;
    Sources* sources_;
    const char* label_ = nullptr;         // the item's name in errors, before its id
    const char* tag_ = nullptr;           // the key a json_tag choice found
    const char* forced_choice_ = nullptr; // a json_per_choice item's key, from its object's name
};

void add_unique(std::vector<std::string>& ids, const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// Indexes of the items with each id, in order (ids are unique in valid content; a
// repeated id links every item that has it, as a search through the list would).
template <typename Item>
std::unordered_map<std::string, std::vector<Item*>> items_by_id(std::vector<Item>& items) {
    std::unordered_map<std::string, std::vector<Item*>> by_id;
    for (Item& item : items)
        by_id[item.id].push_back(&item);
    return by_id;
}

} // namespace

void derive_links(Guide& guide) {
    for (Drug& drug : guide.drugs) {
        drug.class_ids.clear();
        drug.partner_class_ids.clear();
    }
    for (Biomarker& biomarker : guide.biomarkers) {
        biomarker.class_ids.clear();
        biomarker.drug_ids.clear();
    }
    // By id, so that linking stays linear in the size of the content.
    const auto drugs = items_by_id(guide.drugs);
    const auto biomarkers = items_by_id(guide.biomarkers);
    auto each = [](const auto& by_id, const std::string& id, auto&& action) {
        auto found = by_id.find(id);
        if (found == by_id.end()) return;
        for (auto* item : found->second)
            action(*item);
    };
    for (const DrugClass& drug_class : guide.classes) {
        for (const std::string& drug_id : drug_class.drug_ids)
            each(drugs, drug_id, [&](Drug& drug) { add_unique(drug.class_ids, drug_class.id); });
    }
    for (const DrugClass& drug_class : guide.classes) {
        for (const DrugUse& use : drug_class.uses) {
            for (const std::string& partner : use.combined_with) {
                each(drugs, partner, [&](Drug& drug) {
                    if (std::find(drug.class_ids.begin(), drug.class_ids.end(), drug_class.id) ==
                        drug.class_ids.end())
                        add_unique(drug.partner_class_ids, drug_class.id);
                });
            }
            each(biomarkers, use.biomarker_id, [&](Biomarker& biomarker) {
                add_unique(biomarker.class_ids, drug_class.id);
                for (const std::string& drug_id : use.drug_ids)
                    add_unique(biomarker.drug_ids, drug_id);
                for (const std::string& partner : use.combined_with)
                    if (drugs.count(partner)) add_unique(biomarker.drug_ids, partner);
            });
        }
    }
}

Status parse_wordnet_review(const std::string& json_text, WordNetReview& review) {
    try {
        const json root = json::parse(json_text);
        for (const auto& [id, decision] : root.at("concepts").items()) {
            review.accepted[id] = decision.at("accepted").get<std::vector<std::string>>();
            review.rejected[id] = decision.at("rejected").get<std::vector<std::string>>();
        }
        return Status::success();
    } catch (const json::exception& error) {
        return Status::failure(Problem::invalid_input,
                               std::string("wordnet-review.json: ") + error.what());
    }
}

Status parse_guide_json(const std::string& guide_json_text,
                        const std::string& symptom_concepts_json_text, Guide& guide) {
    std::string file = "guide.json";
    try {
        const json root = json::parse(guide_json_text);
        guide = Guide{};
        JsonFieldReader::Sources sources{root, symptom_concepts_json_text, file, {}};
        JsonFieldReader reader(root, file, &sources);
        fields::visit_fields(guide, reader);
        derive_links(guide);
        return Status::success();
    } catch (const json::exception& error) {
        return Status::failure(Problem::invalid_input, file + ": " + error.what());
    } catch (const FieldError& error) {
        return Status::failure(Problem::invalid_input, file + ": " + error.message);
    }
}

} // namespace lungguide
