// Settings: text size 100–250% (rebuilds the font atlas), light / dark / high-contrast
// colours, the speed and voice of reading aloud, clear reading history, and the damaged
// bookmarks files kept aside. (Saving bookmarks for the doctor is on each person's
// bookmarks, as "Summary for the doctor".)
#include "app.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

#include <cmath>

namespace lungguide::ui {

namespace {

// The damaged bookmarks files kept aside, newest first: when, and what was recovered.
void draw_kept_aside(App& app, const ParagraphOptions& muted) {
    const std::vector<KeptAsideFile>& files = app.user_data().kept_aside_files();
    if (files.empty()) return;
    heading(app.look(), "Damaged bookmarks files");
    paragraph(app.look(),
              "LungGuide never deletes a bookmarks file it found damaged. It keeps it as it was, "
              "and recovers what it can into a new one.",
              muted);
    for (const KeptAsideFile& file : files) {
        std::string line = "Kept " + (file.kept_at.empty() ? std::string("earlier") : file.kept_at);
        if (const std::optional<RecoveredCounts> counts = file.counts())
            line += ": " + counts->phrase() + " recovered from it.";
        bullet(app.look(), line);
        if (UserData::files_are_visible())
            paragraph(app.look(), "In LungGuide's data folder, named " + file.name, muted);
    }
}

// Speed and voice for Listen: kept in the settings, used from the sentence being read.
void draw_reading_aloud_settings(App& app) {
    heading(app.look(), "Reading aloud");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), "Tap Listen on a part of a page to hear it read, sentence by sentence.",
              muted);
    SpeechSettings settings = app.listening().settings();
    subheading(app.look(), "Speed");
    Flow speeds(app.look());
    for (SpeechRate rate : {SpeechRate::slower, SpeechRate::normal, SpeechRate::faster}) {
        speeds.next(button_width(app.look(), speech_rate_label(rate)));
        ButtonOptions options;
        options.kind = rate == settings.rate ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), speech_rate_label(rate), options,
                   (std::string("setting speed ") + speech_rate_id(rate)).c_str())) {
            settings.rate = rate;
            app.set_speech_settings(settings);
        }
    }
    subheading(app.look(), "Voice");
    Flow voices(app.look());
    for (SpeechVoice voice : {SpeechVoice::us_english, SpeechVoice::british_english}) {
        voices.next(button_width(app.look(), speech_voice_label(voice)));
        ButtonOptions options;
        options.kind = voice == settings.voice ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), speech_voice_label(voice), options,
                   (std::string("setting voice ") + speech_voice_id(voice)).c_str())) {
            settings.voice = voice;
            app.set_speech_settings(settings);
        }
    }
}

} // namespace

void draw_settings(App& app) {
    title(app.look(), "Settings");

    heading(app.look(), "Text size");
    const int percent = static_cast<int>(std::lround(app.text_scale() * 100.0f));
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    paragraph(app.look(), "Now " + std::to_string(percent) + "%", bold);
    Flow steps(app.look());
    steps.next(button_width(app.look(), "Smaller"));
    if (button(app.look(), "Smaller", {}, "text smaller"))
        app.set_text_scale(app.text_scale() - 0.25f);
    steps.next(button_width(app.look(), "Larger"));
    if (button(app.look(), "Larger", {}, "text larger"))
        app.set_text_scale(app.text_scale() + 0.25f);
    Flow presets(app.look());
    for (int preset : {100, 125, 150, 200, 250}) {
        const std::string label = std::to_string(preset) + "%";
        presets.next(button_width(app.look(), label));
        ButtonOptions options;
        options.kind = preset == percent ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), label, options, ("preset " + label).c_str()))
            app.set_text_scale(preset / 100.0f);
    }

    heading(app.look(), "Colours");
    Flow themes(app.look());
    for (ThemeId theme : {ThemeId::light, ThemeId::dark, ThemeId::high_contrast}) {
        themes.next(button_width(app.look(), theme_label(theme)));
        ButtonOptions options;
        options.kind = theme == app.theme() ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), theme_label(theme), options, theme_id_name(theme)))
            app.set_theme(theme);
    }

    draw_reading_aloud_settings(app);

    heading(app.look(), "Reading history");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    bool& confirm_clear = app.screens().settings.confirm_clear;
    if (!app.store()) {
        paragraph(app.look(), "Nothing is kept on this device: there is no folder for your data.",
                  muted);
    } else {
        paragraph(app.look(),
                  "The start page lists what you read last. It stays on this device only.", muted);
        if (!confirm_clear) {
            if (button(app.look(), "Clear reading history", {}, "clear history"))
                confirm_clear = true;
        } else {
            paragraph(app.look(), "Clear the list of pages read? Bookmarks and notes stay.");
            Flow flow(app.look());
            flow.next(button_width(app.look(), "Yes, clear it"));
            ButtonOptions yes;
            yes.kind = ButtonKind::primary;
            if (button(app.look(), "Yes, clear it", yes, "confirm clear")) {
                app.clear_history();
                confirm_clear = false;
            }
            flow.next(button_width(app.look(), "Cancel"));
            if (button(app.look(), "Cancel", {}, "cancel clear")) confirm_clear = false;
        }

        heading(app.look(), "Your data");
        paragraph(app.look(),
                  "Bookmarks, notes and settings stay on this device. To print a person's "
                  "bookmarks and notes for a visit, open Bookmarks and choose \"Summary for the "
                  "doctor\".",
                  muted);
        draw_storage_promise(app); // a browser: whether it keeps them (keeping_files.cpp)
        ButtonOptions open;
        open.width = -1.0f;
        if (button(app.look(), "Bookmarks  ›", open, "settings bookmarks"))
            app.go(Route{Screen::bookmarks, "", ""});
        draw_kept_aside(app, muted);
    }
}

} // namespace lungguide::ui
