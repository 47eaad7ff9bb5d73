// Reading a store's write-ahead log (WAL) before SQLite does.
//
// SQLite stops reading a WAL at the first frame whose checksum fails and treats everything
// after it as never written; on the next checkpoint it then discards the file. A torn last
// frame after a kill -9 is exactly that, and harmless. But when a frame in the middle is
// damaged, the committed changes behind it would vanish without a word. This tells the two
// apart, so the store can set a damaged WAL aside, with its database, and say so.
#pragma once

#include <string>

namespace lungguide {

enum class WalState {
    empty,   // no WAL, or nothing in it that SQLite would read
    intact,  // every frame checks out, apart at most from a torn tail
    damaged, // committed frames lie beyond a frame that fails its checksum, or the header is
             // damaged while frames follow it
};

WalState inspect_wal(const std::string& wal_path);

} // namespace lungguide
