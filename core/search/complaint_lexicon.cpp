// The complaint reader's word lists (see complaint_lexicon.h). Folded words: lower case,
// apostrophes dropped ("can't" → "cant"). Plurals are listed where people use them.
#include "search/complaint_lexicon.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace lungguide {

namespace {

constexpr std::string_view negation_words[] = {
    "no", "not", "without", "never", "stopped", "none", "nor", "isnt", "arent", "wasnt", "werent",
    "doesnt", "didnt", "dont", "hasnt", "havent", "hadnt", "cant", "cannot", "couldnt", "wont",
    "gone", "neither", "unable",
    // Said after the complaint: "the rash has cleared up", "the diarrhoea went away".
    "cleared", "disappeared", "resolved", "subsided", "vanished", "away"};

// After a negation these make a complaint, not its absence: "can't sleep", "not eating".
constexpr std::string_view function_words[] = {
    "sleep",      "sleeping", "slept",     "eat",   "eating",   "ate",         "taste",
    "tasting",    "see",      "seeing",    "think", "thinking", "concentrate", "focus",
    "remember",   "poo",      "pooing",    "pooed", "pee",      "peeing",      "wee",
    "weeing",     "breathe",  "breathing", "walk",  "hear",     "hearing",     "swallow",
    "swallowing", "stop",     "stopping",  "keep",  "heal",     "healing",     "go",
    "going",      "drink",    "drinking",  "move",  "moving",   "smell"};

constexpr std::string_view filler_words[] = {
    "just",      "like",      "kind",         "sort",       "literally", "actually",  "honestly",
    "basically", "pretty",    "stuff",        "thing",      "things",    "something", "anything",
    "want",      "wants",     "able",         "manage",     "seem",      "seems",     "seemed",
    "please",    "help",      "why",          "hi",         "hello",     "thanks",    "anyone",
    "else",      "normal",    "experiencing", "suffering",  "suffer",    "having",    "noticed",
    "notice",    "developed", "getting",      "started",    "starting",  "keeps",     "there",
    "any",       "who",       "which",        "should",     "could",     "would",     "will",
    "might",     "may",       "worried",      "worry",      "okay",      "ok",        "dr",
    "doctor",    "nurse",     "tell",         "call",       "ask",       "normally",  "usual",
    "food",      "anymore",   "over",         "everywhere", "across",    "whole",     "entire",
    "area",      "areas",     "went",         "get",        "got"};

// Fillers of how people report a complaint: a carer passing it on ("my mum says everything
// tastes like metal"), how it looks ("rash looks like acne"), what brings it on ("makes me
// feel queasy").
constexpr std::string_view reporting_words[] = {"says",  "said",  "saying", "everything",
                                                "look",  "looks", "looked", "looking",
                                                "makes", "make",  "made"};

constexpr std::string_view person_words[] = {
    "my",     "mum",     "mom",     "mother",  "mam",     "mummy",     "dad",        "father",
    "daddy",  "husband", "hubby",   "wife",    "partner", "son",       "daughter",   "brother",
    "sister", "grandma", "grandad", "grandpa", "granny",  "nan",       "nana",       "friend",
    "aunt",   "uncle",   "he",      "she",     "his",     "her",       "him",        "they",
    "their",  "them",    "patient", "child",   "kid",     "boyfriend", "girlfriend", "spouse",
    "i",      "im",      "me",      "we",      "our",     "us",        "mums",       "dads",
    "hes",    "shes",    "theyre",  "youre",   "you",     "your"};

constexpr std::string_view intensity_words[] = {
    "very",       "really",    "severe",     "severely",   "mild",      "mildly",     "slight",
    "slightly",   "bad",       "badly",      "terrible",   "terribly",  "awful",      "horrible",
    "extreme",    "extremely", "little",     "bit",        "lot",       "lots",       "massive",
    "huge",       "worse",     "worst",      "serious",    "seriously", "intense",    "unbearable",
    "sudden",     "suddenly",  "sharp",      "dull",       "moderate",  "major",      "minor",
    "super",      "so",        "too",        "much",       "quite",     "awfully",    "proper",
    "mega",       "crazy",     "insane",     "horrendous", "dreadful",  "nasty",      "painfully",
    "incredibly", "totally",   "completely", "absolutely", "constant",  "persistent", "occasional",
    "odd",        "weird",     "strange",    "new",        "tiny",      "small",      "big",
    "large",      "extra",     "easily",     "well",       "deep"};

constexpr std::string_view time_words[] = {
    "night",    "nights",    "nighttime", "overnight",  "morning",   "mornings", "evening",
    "evenings", "afternoon", "day",       "days",       "daily",     "week",     "weeks",
    "month",    "months",    "always",    "constantly", "sometimes", "often",    "every",
    "everyday", "after",     "before",    "during",     "when",      "while",    "meals",
    "meal",     "walking",   "exercise",  "exercising", "stairs",    "climbing", "standing",
    "lying",    "bed",       "bedtime",   "lately",     "recently",  "today",    "yesterday",
    "tonight",  "still",     "again",     "since",      "now",       "forever",  "ages",
    "hours",    "hour",      "later",     "first",      "wake",      "waking",   "woke",
    "outside",  "summer",    "winter",    "weekend",    "then",      "time",     "times"};

constexpr std::string_view colour_words[] = {
    "red",       "white",    "yellow", "green",  "blue",  "purple",   "black",  "brown",
    "pink",      "dark",     "pale",   "grey",   "gray",  "orange",   "bright", "reddish",
    "yellowish", "greenish", "bluish", "colour", "color", "coloured", "colored"};

constexpr std::string_view site_words[] = {
    "head",        "face",      "forehead",      "scalp",       "neck",     "throat",   "chest",
    "back",        "shoulder",  "shoulders",     "arm",         "arms",     "elbow",    "elbows",
    "wrist",       "wrists",    "hand",          "hands",       "palm",     "palms",    "finger",
    "fingers",     "fingertip", "fingertips",    "thumb",       "thumbs",   "knuckle",  "knuckles",
    "nail",        "nails",     "fingernail",    "fingernails", "toenail",  "toenails", "belly",
    "tummy",       "stomach",   "abdomen",       "gut",         "bowel",    "bowels",   "side",
    "hip",         "hips",      "groin",         "bottom",      "bum",      "leg",      "legs",
    "thigh",       "thighs",    "knee",          "knees",       "shin",     "shins",    "calf",
    "calves",      "ankle",     "ankles",        "foot",        "feet",     "toe",      "toes",
    "heel",        "heels",     "sole",          "soles",       "skin",     "mouth",    "lip",
    "lips",        "tongue",    "gum",           "gums",        "teeth",    "tooth",    "nose",
    "eye",         "eyes",      "eyelid",        "eyelids",     "ear",      "ears",     "heart",
    "lung",        "lungs",     "liver",         "kidney",      "kidneys",  "muscle",   "muscles",
    "joint",       "joints",    "body",          "armpit",      "armpits",  "breast",   "breasts",
    "bone",        "bones",     "spine",         "brain",       "jaw",      "cheek",    "cheeks",
    "stool",       "stools",    "urine",         "poop",        "hair",     "limbs",    "limb",
    "extremities", "torso",     "shoulderblade", "nostril",     "nostrils", "abdominal"};

constexpr std::string_view generic_words[] = {
    "problem",   "problems", "issue",     "issues",     "trouble",      "troubles",  "change",
    "changes",   "changed",  "changing",  "damage",     "damaged",      "condition", "conditions",
    "disease",   "symptom",  "symptoms",  "difficulty", "difficulties", "disorder",  "reaction",
    "reactions", "count",    "counts",    "level",      "levels",       "value",     "values",
    "other",     "called",   "including", "such",       "formation"};

// Which way a complaint goes. A query must match its own ("low blood pressure" is not
// "high blood pressure"); a phrase's may be left out ("appetite" finds "loss of appetite").
constexpr std::string_view direction_words[] = {
    "low",       "lower",    "high",     "higher", "raised",  "increased", "increase",
    "decreased", "decrease", "reduced",  "loss",   "losing",  "lost",      "poor",
    "gain",      "gaining",  "growth",   "more",   "less",    "fast",      "slow",
    "rapid",     "quick",    "elevated", "drop",   "dropped", "fewer"};

struct RoleList {
    WordRole role;
    const std::string_view* first;
    std::size_t count;
};

// One list per role. A word has one role only (a test checks it).
const RoleList role_lists[] = {
    {WordRole::negation, negation_words, std::size(negation_words)},
    {WordRole::function, function_words, std::size(function_words)},
    {WordRole::filler, filler_words, std::size(filler_words)},
    {WordRole::filler, reporting_words, std::size(reporting_words)},
    {WordRole::person, person_words, std::size(person_words)},
    {WordRole::intensity, intensity_words, std::size(intensity_words)},
    {WordRole::time, time_words, std::size(time_words)},
    {WordRole::colour, colour_words, std::size(colour_words)},
    {WordRole::site, site_words, std::size(site_words)},
    {WordRole::generic, generic_words, std::size(generic_words)},
    {WordRole::direction, direction_words, std::size(direction_words)},
};

struct RoleEntry {
    std::string_view word;
    WordRole role;
};

const std::vector<RoleEntry>& role_table() {
    static const std::vector<RoleEntry> table = [] {
        std::vector<RoleEntry> entries;
        for (const RoleList& list : role_lists)
            for (std::size_t index = 0; index < list.count; ++index)
                entries.push_back({list.first[index], list.role});
        std::stable_sort(entries.begin(), entries.end(),
                         [](const RoleEntry& a, const RoleEntry& b) { return a.word < b.word; });
        return entries;
    }();
    return table;
}

// A smaller part and the word phrases use for it.
constexpr std::pair<std::string_view, std::string_view> site_groups[] = {
    {"abdomen", "stomach"},  {"abdominal", "stomach"}, {"ankle", "joints"},  {"ankles", "joints"},
    {"belly", "stomach"},    {"elbow", "joints"},      {"elbows", "joints"}, {"finger", "hands"},
    {"fingernail", "nails"}, {"fingernails", "nails"}, {"fingers", "hands"}, {"fingertip", "hands"},
    {"fingertips", "hands"}, {"heel", "feet"},         {"heels", "feet"},    {"hip", "joints"},
    {"hips", "joints"},      {"knee", "joints"},       {"knees", "joints"},  {"knuckle", "joints"},
    {"knuckles", "joints"},  {"palm", "hands"},        {"palms", "hands"},   {"shoulder", "joints"},
    {"shoulders", "joints"}, {"sole", "feet"},         {"soles", "feet"},    {"thumb", "hands"},
    {"thumbs", "hands"},     {"toe", "feet"},          {"toenail", "nails"}, {"toenails", "nails"},
    {"toes", "feet"},        {"tummy", "stomach"},     {"wrist", "joints"},  {"wrists", "joints"},
};

} // namespace

namespace {

WordRole listed_role(std::string_view folded_word) {
    const std::vector<RoleEntry>& table = role_table();
    auto found = std::lower_bound(
        table.begin(), table.end(), folded_word,
        [](const RoleEntry& entry, std::string_view word) { return entry.word < word; });
    return found != table.end() && found->word == folded_word ? found->role : WordRole::none;
}

} // namespace

WordRole complaint_word_role(std::string_view folded_word) {
    const WordRole role = listed_role(folded_word);
    if (role != WordRole::none || folded_word.size() < 4 || folded_word.back() != 's') return role;
    // "my wife's nose", folded "wifes": a person's, as the person.
    const std::string_view owner = folded_word.substr(0, folded_word.size() - 1);
    return listed_role(owner) == WordRole::person ? WordRole::person : WordRole::none;
}

bool is_unspecific_complaint(std::string_view folded_word) {
    // That something hurts or is wrong, not what: "painful" of "painful urination", "down"
    // of "can't keep anything down". Alone, or with a word the page lacks, never full.
    static constexpr std::string_view words[] = {
        "ache", "aches",    "aching", "achy",       "discomfort",   "down",
        "hurt", "hurting",  "hurts",  "pain",       "painful",      "pains",
        "sore", "soreness", "tender", "tenderness", "uncomfortable"};
    return std::find(std::begin(words), std::end(words), folded_word) != std::end(words);
}

bool is_said_of_a_name(std::string_view folded_word) {
    static constexpr std::string_view words[] = {
        "adenocarcinoma", "alteration", "alterations",   "amplification",  "amplified", "cancer",
        "carcinoma",      "driver",     "fusion",        "fusions",        "gene",      "genes",
        "metastatic",     "mutant",     "mutated",       "mutation",       "mutations", "nsclc",
        "positive",       "rearranged", "rearrangement", "rearrangements", "tumor",     "tumors",
        "tumour",         "tumours",    "variant"};
    return std::find(std::begin(words), std::end(words), folded_word) != std::end(words);
}

bool is_weak_head(std::string_view folded_word) {
    static constexpr std::string_view words[] = {
        "came", "come", "comes", "coming", "drop", "dropped", "dropping", "drops", "fall",
        "falling", "falls", "fell", "gets", "getting", "go", "goes", "going", "gone", "got", "off",
        "out", "turn", "turned", "turning", "turns", "went", "becoming", "become", "became", "up",
        // "eye infection", "infected nail": an infection there, not the page's low white
        // blood cells (whose lay words say "infections" alone).
        "infection", "infections", "infected"};
    return std::find(std::begin(words), std::end(words), folded_word) != std::end(words);
}

std::uint8_t site_region_of(std::string_view folded_word) {
    static constexpr std::string_view head[] = {
        "head",    "face", "forehead", "scalp", "neck",  "throat", "mouth", "lip",     "lips",
        "tongue",  "gum",  "gums",     "teeth", "tooth", "nose",   "eye",   "eyes",    "eyelid",
        "eyelids", "ear",  "ears",     "jaw",   "cheek", "cheeks", "brain", "nostril", "nostrils"};
    static constexpr std::string_view trunk[] = {
        "chest",     "back",    "belly",  "tummy",   "stomach", "abdomen",
        "abdominal", "side",    "groin",  "bottom",  "bum",     "torso",
        "breast",    "breasts", "armpit", "armpits", "spine",   "shoulderblade"};
    static constexpr std::string_view limbs[] = {
        "shoulder",  "shoulders",  "arm",         "arms",    "elbow",    "elbows",   "wrist",
        "wrists",    "hand",       "hands",       "palm",    "palms",    "finger",   "fingers",
        "fingertip", "fingertips", "thumb",       "thumbs",  "knuckle",  "knuckles", "nail",
        "nails",     "fingernail", "fingernails", "toenail", "toenails", "hip",      "hips",
        "leg",       "legs",       "thigh",       "thighs",  "knee",     "knees",    "shin",
        "shins",     "calf",       "calves",      "ankle",   "ankles",   "foot",     "feet",
        "toe",       "toes",       "heel",        "heels",   "sole",     "soles",    "limbs",
        "limb",      "extremities"};
    static constexpr std::string_view inside[] = {"heart",   "lung", "lungs", "liver", "kidney",
                                                  "kidneys", "gut",  "bowel", "bowels"};
    auto in = [&](const auto& words) {
        return std::find(std::begin(words), std::end(words), folded_word) != std::end(words);
    };
    if (in(head)) return site_head;
    if (in(trunk)) return site_trunk;
    if (in(limbs)) return site_limbs;
    if (in(inside)) return site_inside;
    return 0;
}

const std::vector<UmbrellaTerm>& umbrella_terms() {
    // Only where the page itself uses the wider word for a class: EGFR's common "skin
    // problems", BRAF's rare "severe skin or eye problems".
    static const std::vector<UmbrellaTerm> terms = {
        {"skin-problems", {"rash", "dry-skin", "itching", "skin-thickening"}},
    };
    return terms;
}

bool is_side_of_site(std::string_view folded_word) {
    // "lower back", "upper arm", "left leg", "one eye", "part of my foot": which part of a
    // site, which narrows nothing.
    static constexpr std::string_view words[] = {
        "lower",  "upper", "left",  "right",  "both",  "one",    "part",   "parts",
        "half",   "top",   "tops",  "bottom", "tip",   "middle", "edge",   "edges",
        "either", "each",  "other", "inner",  "outer", "corner", "corners"};
    return std::find(std::begin(words), std::end(words), folded_word) != std::end(words);
}

std::vector<std::string_view> words_with_role(WordRole role) {
    std::vector<std::string_view> words;
    for (const RoleList& list : role_lists)
        if (list.role == role) words.insert(words.end(), list.first, list.first + list.count);
    return words;
}

const char* word_role_id(WordRole role) {
    switch (role) {
    case WordRole::negation:
        return "negation";
    case WordRole::function:
        return "function";
    case WordRole::filler:
        return "filler";
    case WordRole::person:
        return "person";
    case WordRole::intensity:
        return "intensity";
    case WordRole::time:
        return "time";
    case WordRole::colour:
        return "colour";
    case WordRole::site:
        return "site";
    case WordRole::generic:
        return "generic";
    case WordRole::direction:
        return "direction";
    case WordRole::none:
        break;
    }
    return "none";
}

bool starts_circumstance(std::string_view folded_word) {
    return folded_word == "after" || folded_word == "when" || folded_word == "while" ||
           folded_word == "during" || folded_word == "before" || folded_word == "whenever";
}

std::string_view site_group_of(std::string_view folded_word) {
    for (const auto& [part, group] : site_groups)
        if (part == folded_word) return group;
    return {};
}

const std::vector<OppositePair>& opposite_pairs() {
    // Each says the other's opposite about the same complaint (issue 20's table, and the
    // directions the page's own terms take: high, low, increased, decreased, loss, dry).
    static const std::vector<OppositePair> pairs = {
        {"constipation", "diarrhea"},
        {"constipation", "diarrhoea"},
        {"constipated", "diarrhea"},
        {"constipated", "diarrhoea"},
        {"constipation", "loose"},
        {"constipated", "runs"},
        {"low", "high"},
        {"low", "raised"},
        {"low", "increased"},
        {"low", "elevated"},
        {"decreased", "increased"},
        {"decreased", "high"},
        {"lower", "higher"},
        {"reduced", "increased"},
        {"loss", "gain"},
        {"loss", "growth"},
        {"loss", "increased"},
        {"losing", "gaining"},
        {"losing", "growing"},
        {"lost", "gained"},
        {"dry", "watery"},
        {"dry", "watering"},
        {"dry", "wet"},
        {"dry", "runny"},
        {"cold", "fever"},
        {"cold", "hot"},
        {"cold", "temperature"},
        {"chills", "fever"},
        {"thick", "thin"},
        {"thickening", "thinning"},
        {"thickened", "thinned"},
        {"fast", "slow"},
        {"racing", "slow"},
        {"sleepy", "sleepless"},

    };
    return pairs;
}

std::vector<std::string_view> opposites_of(std::string_view folded_word) {
    std::vector<std::string_view> opposites;
    for (const OppositePair& pair : opposite_pairs()) {
        if (pair.one == folded_word) opposites.push_back(pair.other);
        if (pair.other == folded_word) opposites.push_back(pair.one);
    }
    return opposites;
}

namespace {

// The first half of body_systems(): the heart to the eyes.
std::vector<BodySystem> systems_of_organs() {
    return {
        {"heart",
         "the heart and blood vessels",
         {"heart-rhythm", "heart-function", "heart-muscle", "qtc", "high-blood-pressure",
          "blood-clots"},
         {"heart", "heartbeat", "heartbeats", "pulse", "palpitations", "chest", "beat", "beats",
          "beating", "rate", "pressure", "bp", "cardiac", "rhythm", "clot", "clots", "stroke"}},
        {"lungs",
         "the lungs and breathing",
         {"interstitial-lung-disease", "lung-problems", "cough"},
         {"lung",           "lungs",  "breath",    "breathe",  "breathing",  "breathless",
          "breathlessness", "winded", "wheeze",    "wheezing", "wheezy",     "chest",
          "phlegm",         "sputum", "pneumonia", "airway",   "inhaler",    "oxygen",
          "gasping",        "puffed", "coughing",  "coughs",   "respiratory"}},
        {"digestion",
         "the stomach and bowels",
         {"nausea", "vomiting", "diarrhea", "constipation", "stomach-pain", "gut-damage",
          "perforation"},
         {"stomach",  "tummy",   "belly",     "abdomen",     "abdominal", "bowel",  "bowels",
          "gut",      "stool",   "stools",    "poo",         "poop",      "toilet", "wind",
          "gas",      "bloated", "bloating",  "indigestion", "heartburn", "reflux", "burping",
          "belching", "hiccups", "intestine", "bum",         "sick"}},
        {"eating",
         "eating, taste and the mouth",
         {"appetite", "taste", "dry-mouth"},
         {"mouth",      "tongue", "lips",    "lip",    "gums",   "teeth", "swallow",
          "swallowing", "saliva", "spit",    "eat",    "eating", "food",  "hungry",
          "hunger",     "thirst", "thirsty", "weight", "throat", "chew",  "chewing"}},
        {"skin",
         "the skin, hair and nails",
         {"rash", "skin-problems", "dry-skin", "itching", "skin-thickening", "sun-sensitivity",
          "skin-cancer", "nail-changes", "hair-loss", "wound-healing"},
         {"skin",      "spots",   "pimples", "acne",       "blisters",  "blister",
          "hives",     "peeling", "nails",   "nail",       "hair",      "scalp",
          "sunburn",   "mole",    "moles",   "wound",      "wounds",    "cut",
          "cuts",      "scab",    "scabs",   "fingertips", "cuticles",  "eyebrows",
          "eyelashes", "beard",   "eyebrow", "eyelash",    "paronychia"}},
        {"eyes",
         "the eyes and sight",
         {"vision-changes", "eye-problems", "excessive-tearing"},
         {"eye", "eyes", "eyelid", "eyelids", "vision", "sight", "seeing", "see", "blurry",
          "blurred", "eyesight", "tears", "glasses", "floaters", "flashes"}},
    };
}

// The second half: the mind to hormones and pregnancy.
std::vector<BodySystem> systems_of_the_rest() {
    return {
        {"mind",
         "mental changes (the page groups confusion, mood and sleep)",
         {"mental-changes", "confusion", "mood", "sleep"},
         {"memory",      "mood",          "anxious",   "anxiety",    "depressed", "depression",
          "sad",         "crying",        "tearful",   "panic",      "sleep",     "sleepy",
          "drowsy",      "insomnia",      "awake",     "nightmares", "dreams",    "thinking",
          "concentrate", "concentration", "forgetful", "forgetting", "confused",  "hallucinations",
          "mental",      "behaviour",     "behavior",  "personality"}},
        {"nerves",
         "the nerves, head and brain",
         {"nerve-damage", "headache", "rpls"},
         {"nerve",       "nerves", "numb",    "numbness", "tingling",  "tingly",    "pins",
          "needles",     "brain",  "head",    "dizzy",    "dizziness", "faint",     "fainting",
          "lightheaded", "giddy",  "vertigo", "seizure",  "seizures",  "fits",      "fit",
          "tremor",      "shaky",  "shaking", "balance",  "migraine",  "neuropathy"}},
        {"muscles",
         "the muscles and joints",
         {"muscle-pain", "joint-pain", "back-pain"},
         {"muscle", "muscles", "joint",    "joints",    "back",   "knee",      "knees",
          "hip",    "hips",    "shoulder", "shoulders", "elbow",  "elbows",    "wrist",
          "wrists", "ankle",   "ankles",   "leg",       "legs",   "arm",       "arms",
          "neck",   "bones",   "bone",     "cramp",     "stiff",  "stiffness", "spine",
          "aches",  "achy",    "limbs",    "thigh",     "thighs", "calf",      "calves"}},
        {"blood",
         "blood counts, blood tests and bleeding",
         {"low-white-blood-cells", "low-red-blood-cells", "low-blood-cell-counts", "low-platelets",
          "blood-test-changes", "bleeding", "nosebleed"},
         {"blood",      "count",  "counts",  "platelets", "anaemia", "anemia", "infection",
          "infections", "bruise", "bruises", "bruising",  "bruised", "bleed",  "bleeding",
          "immune",     "nose",   "gums",    "tests",     "test",    "results"}},
        {"organs",
         "the liver and kidneys",
         {"liver", "abnormal-liver-tests", "kidney", "protein-in-urine"},
         {"liver", "kidney", "kidneys", "urine", "pee", "wee", "bladder", "renal", "hepatic",
          "organ", "organs", "urination", "urinate", "urinating", "peeing", "weeing"}},
        {"whole-body",
         "the whole body",
         {"fatigue", "fever", "allergic-reaction", "swelling"},
         {"tired",   "energy",    "weak",    "weakness", "temperature", "chills",
          "shivers", "shivering", "sweats",  "sweating", "hot",         "cold",
          "allergy", "allergic",  "swollen", "swelling", "puffy",       "fluid",
          "body",    "exhausted", "flu",     "unwell",   "ill"}},
        {"hormones",
         "hormones, blood sugar, fertility and pregnancy",
         {"thyroid", "blood-sugar", "ovarian-failure", "fetal-harm"},
         {"thyroid", "sugar", "glucose", "diabetes", "periods", "period", "menopause", "fertility",
          "pregnant", "pregnancy", "baby", "ovaries", "hormones", "hormone"}},
    };
}

} // namespace

const std::vector<BodySystem>& body_systems() {
    static const std::vector<BodySystem> systems = [] {
        std::vector<BodySystem> all = systems_of_organs();
        for (BodySystem& system : systems_of_the_rest())
            all.push_back(std::move(system));
        return all;
    }();
    return systems;
}

} // namespace lungguide
