#!/bin/bash
# The app and the CLI check a content pack; only the pack builder writes one. Fails when a
# program links code that writes a pack (its tables, digest, seal, signature or dictionary
# row), and when it does not show the reader beside them (a stripped binary proves nothing).
# Usage: no_pack_writers.sh PROGRAM...
set -u
writers='build_content_pack|check_and_seal_content_pack|content_pack_schema_sql|record_content_pack_digest|seal_content_pack|write_content_pack_signature|store_dictionary_words|add_dictionary_words_to_pack|real_words_in_typo_reach'
status=0
for program in "$@"; do
    symbols=$(nm -C --defined-only "$program") || { echo "cannot read $program"; exit 1; }
    if ! grep -q 'lungguide::read_content_pack_stamps' <<<"$symbols"; then
        echo "$program: no symbols to check (the pack's reader is not named)"
        status=1
    fi
    found=$(grep -Eo "lungguide::($writers)\(" <<<"$symbols" | sort -u)
    if [ -n "$found" ]; then
        echo "$program links pack writers:"
        echo "$found"
        status=1
    fi
done
[ "$status" = 0 ] && echo "no pack writers in: $*"
exit "$status"
