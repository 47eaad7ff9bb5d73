// Ways of saying a complaint that its words alone do not say (docs/search.md, rules 23-26).
//
// - A comparison ("stools hard as rocks", "skin like sandpaper", "like I've been hit by a
//   bus"): the thing compared to is not a complaint of its own. Its words are marked
//   `compared`; the reader leaves them out of the complaint when the part says one outside
//   them ("hard" of "stools hard as rocks"), and answers them only when it does not.
// - An absence of sensation ("no feeling in my feet", "can't feel my toes", "lost all
//   feeling"): a complaint, numbness, not the absence of one.
// - A perception of what is not there ("seeing things", "hearing voices", "seeing people
//   that aren't there"): hallucinations, which the page does not list.
// - Slowness said with time ("cuts taking ages to heal", "takes longer to heal"): slowly.
//
// Language, not content: nothing here is shown or says what a side effect is.
#pragma once

#include <string>
#include <vector>

namespace lungguide {

struct IdiomReading {
    std::vector<std::string> words; // the folded words, some read as another ("numbness")
    std::vector<bool> quiet;        // said only as part of an idiom: not looked up, decides nothing
    std::vector<bool> compared;     // the thing a comparison compares to
    std::vector<int> head;          // a quiet word's idiom word (said with it), or -1
};

// `words`: a query's folded words, after canonical_inability ("unable to" → "cant").
IdiomReading read_idioms(std::vector<std::string> words);

} // namespace lungguide
