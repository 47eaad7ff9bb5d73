// The content pack's signature: a forger who changes the text and recomputes every digest
// and the seal, exactly as the builder does, is refused; so is a pack signed with another
// key, or with its signature cut short or gone. The shipped pack opens.
#include "content/content_pack_builder.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"
#include "content/content_pack_signature.h"
#include "content/content_pack_stamping.h"
#include "content/markdown_export.h"
#include "content_test_support.h"

#include <sqlite3.h>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void run_sql(const std::string& path, const std::string& sql) {
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &database) == SQLITE_OK);
    const int code = sqlite3_exec(database, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(database);
    REQUIRE(code == SQLITE_OK);
}

// What the pack builder does after writing the tables: every table's digest recorded again
// (with blank seal and signature rows), then the seal over the whole file.
void recompute_digests_and_seal(const std::string& path) {
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &database) == SQLITE_OK);
    const Status recorded = record_content_pack_digest(database);
    sqlite3_close(database);
    REQUIRE_MESSAGE(recorded.ok(), recorded.message_for_person);
    const Status sealed = seal_content_pack(path);
    REQUIRE_MESSAGE(sealed.ok(), sealed.message_for_person);
}

// The shipped pack, its most serious side effect made harmless, every digest and the seal
// recomputed: it passes every check but the signature.
std::string forge_pack(TemporaryFolder& temporary) {
    const std::string path = temporary.file("forged.db");
    write_or_fail(path, read_or_fail(LUNGGUIDE_PACK_PATH));
    const std::string from = "'interstitial lung disease (ILD)/pneumonitis'";
    for (const char* column :
         {"side_effect_groups SET text = replace(text", "side_effects SET term = replace(term",
          "glossary SET term = replace(term", "glossary SET explanation = replace(explanation",
          "symptom_concepts SET label = replace(label",
          "symptom_concept_terms SET term = replace(term"})
        run_sql(path, std::string("UPDATE ") + column + ", " + from + ", 'a mild cough')");
    recompute_digests_and_seal(path);
    REQUIRE(content_pack_seal_holds(path));
    const Status every_other_check = check_unsigned_content_pack(path);
    REQUIRE_MESSAGE(every_other_check.ok(), every_other_check.message_for_person);
    return path;
}

// The pack at path is refused, and the message says so in these words.
void check_refused(const std::string& path, const std::string& words) {
    const auto opened = open_content_pack(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problem() == Problem::damaged);
    const std::string& message = opened.message_for_person();
    CHECK_MESSAGE(contains(message, words), message);
    CHECK(contains(message, "will not show text it can't vouch for"));
    CHECK(contains(message, "Reinstall LungGuide"));
}

void check_refused_as_unsigned(const std::string& path, const std::string& why) {
    check_refused(path, "is not signed by LungGuide (" + why + ")");
}

} // namespace

TEST_CASE("the shipped pack is signed with this build's key, and opens") {
    const ContentPackStamps stamps = read_content_pack_stamps(LUNGGUIDE_PACK_PATH);
    CHECK(stamps.seal_holds);
    CHECK(check_content_pack_signature(stamps, trusted_pack_public_key()) == PackSignature::valid);
    CHECK(trusted_pack_public_key() == this_build_signing_key().public_key);
    CHECK(check_content_pack_signature(stamps, other_signing_key().public_key) ==
          PackSignature::not_valid);
    const auto opened = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE_MESSAGE(opened.ok(), opened.message_for_person());
    CHECK(contains(export_guide_markdown(opened.value()->guide()),
                   "interstitial lung disease (ILD)/pneumonitis"));
}

TEST_CASE("a forged pack is refused, whatever digests it carries") {
    TemporaryFolder temporary;
    const std::string path = forge_pack(temporary);
    SUBCASE("with no signature") {
        check_refused_as_unsigned(path, "it has no signature");
    }
    SUBCASE("with the shipped pack's signature copied in") {
        const std::string original = read_content_pack_stamps(LUNGGUIDE_PACK_PATH).signature;
        REQUIRE(write_content_pack_signature(path, original).ok());
        check_refused_as_unsigned(path, "its signature is not LungGuide's");
    }
    SUBCASE("signed with the forger's own key") {
        sign_or_fail(path, other_signing_key());
        check_refused_as_unsigned(path, "its signature is not LungGuide's");
        // Only the signature stopped it: trusting the forger's key, the forgery would show.
        const auto trusting_the_forger = open_content_pack(path, other_signing_key().public_key);
        REQUIRE(trusting_the_forger.ok());
        const std::string shown = export_guide_markdown(trusting_the_forger.value()->guide());
        CHECK(contains(shown, "a mild cough"));
        CHECK_FALSE(contains(shown, "interstitial lung disease (ILD)/pneumonitis"));
    }
}

TEST_CASE("a pack signed with another key is refused, and opens only with that key") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("other.db");
    REQUIRE(build_content_pack(shipped_pack().guide(), path).ok());
    check_refused_as_unsigned(path, "it has no signature"); // as the builder leaves it
    sign_or_fail(path, other_signing_key());
    check_refused_as_unsigned(path, "its signature is not LungGuide's");
    CHECK(open_content_pack(path, other_signing_key().public_key).ok());
    // A pack is signed once: the builder never signs over a signature.
    CHECK(sign_content_pack(path, this_build_signing_key()).problem == Problem::invalid_input);
}

TEST_CASE("a pack whose signature is cut short, damaged, doubled or gone is refused") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    const std::string shipped = read_or_fail(LUNGGUIDE_PACK_PATH);
    write_or_fail(path, shipped);
    const std::string key = "'" + std::string(content_pack_signature_key) + "'";
    const std::string not_ours = "is not signed by LungGuide (its signature is not LungGuide's)";
    std::string words = "is not signed by LungGuide (it has no signature)";
    SUBCASE("the signature row deleted") {
        run_sql(path, "DELETE FROM meta WHERE key = " + key);
    }
    SUBCASE("the signature cut to half its length") {
        run_sql(path, "UPDATE meta SET value = substr(value, 1, 32) WHERE key = " + key);
        words = not_ours;
    }
    SUBCASE("one bit of the signature changed") {
        std::string changed = shipped;
        const std::size_t at = changed.find(content_pack_signature_key) + 17 + 40;
        changed[at] = static_cast<char>(changed[at] ^ 1);
        write_or_fail(path, changed);
        words = not_ours;
    }
    SUBCASE("a second signature row") {
        run_sql(path, "INSERT INTO meta(key, value) VALUES(" + key + " || '2', zeroblob(64))");
        words = "has been changed or damaged since it was built (its meta table differs)";
    }
    // As a forger would: the seal made again for the changed file (a change through SQL
    // also moves the file's change counter). The signature is not in the seal's digest.
    run_sql(path, "UPDATE meta SET value = '" + unsealed_content_pack_value() + "' WHERE key = '" +
                      content_pack_seal_key + "'");
    REQUIRE(seal_content_pack(path).ok());
    check_refused(path, words);
}

TEST_CASE("a pack cut short is refused before its signature is even read") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    const std::string shipped = read_or_fail(LUNGGUIDE_PACK_PATH);
    const std::size_t signature_at = shipped.find(content_pack_signature_key);
    for (std::size_t size : {signature_at + 20, signature_at - 1, shipped.size() - 1}) {
        INFO("cut to " << size << " bytes");
        write_or_fail(path, shipped.substr(0, size));
        const auto opened = open_content_pack(path);
        REQUIRE_FALSE(opened.ok());
        CHECK(contains(opened.message_for_person(), "Reinstall LungGuide"));
    }
}
