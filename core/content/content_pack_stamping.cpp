#include "content/content_pack_stamping.h"

#include "common/sqlite_statement.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"

#include <cstdio>
#include <memory>

namespace lungguide {
namespace {

// Writes value over the one blank row of a stamp, where the read found it.
Status fill_in(const std::string& path, const char* key, const ContentPackStamps::Row& row,
               const std::string& blank, const std::string& value) {
    if (row.count != 1 || row.value != blank || value.size() != blank.size())
        return Status::failure(Problem::invalid_input,
                               path + " has no single blank " + key + " row");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "r+b"),
                                                         &std::fclose);
    const bool written = file && std::fseek(file.get(), row.value_offset, SEEK_SET) == 0 &&
                         std::fwrite(value.data(), 1, value.size(), file.get()) == value.size() &&
                         std::fflush(file.get()) == 0;
    if (!written)
        return Status::failure(Problem::failed,
                               "cannot write the " + std::string(key) + " into " + path);
    return Status::success();
}

} // namespace

Status record_content_pack_digest(sqlite3* database) {
    const auto failed = [database]() {
        return Status::failure(Problem::failed, sqlite3_errmsg(database));
    };
    for (const char* key :
         {content_pack_digest_key, content_pack_seal_key, content_pack_signature_key}) {
        sqlite::Statement forget(database, "DELETE FROM meta WHERE key = ?");
        forget.bind(1, std::string(key));
        if (!forget.prepared() || forget.step() != SQLITE_DONE) return failed();
    }
    const Result<std::string> digest = compute_content_pack_digest(database);
    if (!digest.ok())
        return Status::failure(Problem::failed,
                               "cannot compute the content digest: " + digest.message_for_person());
    // The digest, and the row seal_content_pack() fills in once the file is closed.
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{content_pack_digest_key, digest.value()},
          {content_pack_seal_key, unsealed_content_pack_value()}}) {
        sqlite::Statement record(database, "INSERT INTO meta(key, value) VALUES(?, ?)");
        record.bind(1, key).bind(2, value);
        if (!record.prepared() || record.step() != SQLITE_DONE) return failed();
    }
    // The row the pack builder signs last: a blob, so it fits in one page (content_pack_seal.h).
    sqlite::Statement signature(database, "INSERT INTO meta(key, value) VALUES(?, zeroblob(64))");
    signature.bind(1, std::string(content_pack_signature_key));
    if (!signature.prepared() || signature.step() != SQLITE_DONE) return failed();
    return Status::success();
}

Status seal_content_pack(const std::string& path) {
    const ContentPackStamps stamps = read_content_pack_stamps(path);
    if (!stamps.readable)
        return Status::failure(Problem::failed, "cannot read " + path + " to seal it");
    return fill_in(path, content_pack_seal_key, stamps.seal_row, unsealed_content_pack_value(),
                   stamps.file_digest);
}

Status write_content_pack_signature(const std::string& path, const std::string& signature) {
    const ContentPackStamps stamps = read_content_pack_stamps(path);
    if (!stamps.seal_holds)
        return Status::failure(Problem::invalid_input,
                               path + " is not sealed, or its seal does not hold: not signed");
    return fill_in(path, content_pack_signature_key, stamps.signature_row,
                   unsigned_content_pack_value(), signature);
}

} // namespace lungguide
