// Idioms of complaints (complaint_idioms.h): comparisons, absent sensation, perceptions of
// what is not there, slowness said with time. Each reads a few words of one part of the
// query as another word, or marks them; the complaint reader does the rest.
#include "search/complaint_idioms.h"

#include "search/complaint_lexicon.h"
#include "search/search_index_data.h"
#include "search/word_lists.h"

#include <string_view>

namespace lungguide {

namespace {

// The end of the part a word is in: the next word that joins parts, or the end.
std::size_t part_end(const std::vector<std::string>& words, std::size_t from) {
    std::size_t end = from;
    while (end < words.size() && !is_part_joiner(words[end]))
        ++end;
    return end;
}

bool is_grammar(std::string_view word) {
    const WordRole role = complaint_word_role(word);
    return is_search_stop_word(word) || role == WordRole::person || role == WordRole::filler;
}

// ---- comparisons ----------------------------------------------------------------------

// "like" compares unless a person likes something ("I like", "would like").
bool compares(const std::vector<std::string>& words, std::size_t index) {
    static const WordSet likers("idiom-likers");
    if (words[index] == "like" || words[index] == "resembling" || words[index] == "resembles")
        return index == 0 || !likers.contains(words[index - 1]);
    // "as if", "as though"; "(as) hard as rocks", "dry as a bone": after a word that says
    // how, not "such as", "known as", "as well as".
    static const WordSet not_how("idiom-not-how");
    if (words[index] != "as" || index + 1 >= words.size() || words[index + 1] == "well")
        return false;
    if (words[index + 1] == "if" || words[index + 1] == "though") return true;
    return index >= 1 && complaint_word_role(words[index - 1]) == WordRole::none &&
           !is_search_stop_word(words[index - 1]) && !not_how.contains(words[index - 1]);
}

void mark_comparisons(IdiomReading& reading) {
    const std::vector<std::string>& words = reading.words;
    for (std::size_t index = 0; index < words.size(); ++index) {
        if (!compares(words, index)) continue;
        const std::size_t end = part_end(words, index + 1);
        reading.quiet[index] = true; // "as", "like": grammar of the comparison
        if (words[index] == "as" && index + 1 < words.size() &&
            (words[index + 1] == "if" || words[index + 1] == "though"))
            reading.quiet[index + 1] = true;
        if (words[index] == "as" && index >= 2 && words[index - 2] == "as")
            reading.quiet[index - 2] = true; // "as hard as rocks"

        for (std::size_t next = index + 1; next < end; ++next)
            // A place stays a place of the part: "burning like fire in my feet".
            if (complaint_word_role(words[next]) != WordRole::site) reading.compared[next] = true;
        index = end;
    }
}

// ---- an absence of sensation ----------------------------------------------------------

bool is_sensation(std::string_view word) {
    static const WordSet words("idiom-sensation");
    return words.contains(word);
}

bool takes_away(std::string_view word) {
    static const WordSet words("idiom-takes-away");
    return complaint_word_role(word) == WordRole::negation || words.contains(word);
}

// "no feeling in my feet", "can't feel my toes", "lost all feeling", "don't have any
// feeling in my fingers": nothing but places, the person and grammar after the sensation
// ("not feeling well", "don't feel sick", "can't feel the floor" are something else).
void read_absent_sensation(IdiomReading& reading) {
    std::vector<std::string>& words = reading.words;
    for (std::size_t index = 1; index < words.size(); ++index) {
        if (!is_sensation(words[index])) continue;
        std::size_t trigger = index;
        for (std::size_t back = index; back-- > 0 && index - back <= 3;) {
            if (takes_away(words[back])) {
                trigger = back;
                break;
            }
            if (!is_grammar(words[back]) && words[back] != "any") break;
        }
        if (trigger == index) continue;
        const std::size_t end = part_end(words, index + 1);
        bool only_places = true;
        for (std::size_t next = index + 1; next < end && only_places; ++next) {
            const WordRole role = complaint_word_role(words[next]);
            only_places =
                role == WordRole::site || role == WordRole::time ||
                (is_grammar(words[next]) && !is_sensation(words[next]) && words[next] != "like");
        }
        if (!only_places) continue;
        words[index] = "numbness";
        for (std::size_t word = trigger; word < index; ++word) {
            reading.quiet[word] = true;
            reading.head[word] = static_cast<int>(index);
        }
    }
}

// ---- a perception of what is not there ------------------------------------------------

bool is_perception(std::string_view word) {
    static const WordSet words("idiom-perception");
    return words.contains(word);
}

// "that aren't there", "which isn't really there", "not there": from `from` on.
std::size_t not_there_end(const std::vector<std::string>& words, std::size_t from,
                          std::size_t end) {
    bool negated = false;
    for (std::size_t index = from; index < end; ++index) {
        const std::string& word = words[index];
        if (complaint_word_role(word) == WordRole::negation || word == "nobody" ||
            word == "noone") {
            negated = true;
        } else if ((word == "there" || is_perception(word)) && negated) {
            return index + 1; // "that aren't there", "that nobody else hears"
        } else if (word != "that" && word != "which" && word != "who" && word != "really" &&
                   word != "actually" && word != "one" && word != "around" && !is_grammar(word)) {
            return 0;
        }
    }
    return 0;
}

// "seeing things", "hearing voices", "seeing people that aren't there", "smelling things
// that aren't there": hallucinations. Not "trouble seeing things", "can't see things
// clearly" (sight), "seeing double" or "seeing flashes" (the page's vision changes).
void read_perceptions(IdiomReading& reading) {
    static const WordSet unreal("idiom-unreal");
    static const WordSet difficulty("idiom-sight-difficulty");
    std::vector<std::string>& words = reading.words;
    for (std::size_t index = 0; index + 1 < words.size(); ++index) {
        if (!is_perception(words[index]) || !unreal.contains(words[index + 1])) continue;
        const std::size_t end = part_end(words, index);
        bool sight_trouble = false;
        for (std::size_t back = index; back-- > 0 && !is_part_joiner(words[back]);)
            sight_trouble = sight_trouble || difficulty.contains(words[back]) ||
                            complaint_word_role(words[back]) == WordRole::negation;
        std::size_t last = not_there_end(words, index + 2, end);
        const bool voices = words[index + 1] == "voices" || words[index + 1] == "voice";
        if (last == 0 && (index + 2 == end || voices)) last = index + 2;
        if (sight_trouble || last == 0) continue;
        words[index] = "hallucinations";
        for (std::size_t word = index + 1; word < last; ++word) {
            reading.quiet[word] = true;
            reading.head[word] = static_cast<int>(index);
        }
    }
}

// ---- slowness said with time ----------------------------------------------------------

// "taking ages to heal", "takes longer to heal", "took forever to heal": heal slowly.
void read_slowness(IdiomReading& reading) {
    static const WordSet takes("idiom-takes");
    static const WordSet long_times("idiom-long-time");
    std::vector<std::string>& words = reading.words;
    for (std::size_t index = 0; index + 2 < words.size(); ++index) {
        if (!takes.contains(words[index])) continue;
        std::size_t next = index + 1;
        while (next < words.size() && long_times.contains(words[next]))
            ++next;
        if (next == index + 1 || next >= words.size() || words[next] != "to") continue;
        words[index] = "slowly"; // "cuts heal slowly"
        for (std::size_t word = index + 1; word < next; ++word) {
            reading.quiet[word] = true;
            reading.head[word] = static_cast<int>(index);
        }
    }
}

} // namespace

IdiomReading read_idioms(std::vector<std::string> words) {
    IdiomReading reading;
    const std::size_t count = words.size();
    reading.words = std::move(words);
    reading.quiet.assign(count, false);
    reading.compared.assign(count, false);
    reading.head.assign(count, -1);
    read_absent_sensation(reading);
    read_perceptions(reading);
    read_slowness(reading);
    mark_comparisons(reading);
    return reading;
}

} // namespace lungguide
