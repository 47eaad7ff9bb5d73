// Settings: text size 100–250% (rebuilds the font atlas), light / dark / high-contrast
// colours, clear reading history. (Saving bookmarks for the doctor is on each person's
// bookmarks, as "Summary for the doctor".)
#include "app.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

#include <cmath>

namespace lungguide::ui {

void draw_settings(App& app) {
    title(app, "Settings");

    heading(app, "Text size");
    const int percent = static_cast<int>(std::lround(app.text_scale() * 100.0f));
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    paragraph(app, "Now " + std::to_string(percent) + "%", bold);
    Flow steps(app);
    steps.next(button_width(app, "Smaller"));
    if (button(app, "Smaller", {}, "text smaller")) app.set_text_scale(app.text_scale() - 0.25f);
    steps.next(button_width(app, "Larger"));
    if (button(app, "Larger", {}, "text larger")) app.set_text_scale(app.text_scale() + 0.25f);
    Flow presets(app);
    for (int preset : {100, 125, 150, 200, 250}) {
        const std::string label = std::to_string(preset) + "%";
        presets.next(button_width(app, label));
        ButtonOptions options;
        options.kind = preset == percent ? ButtonKind::selected : ButtonKind::normal;
        if (button(app, label, options, ("preset " + label).c_str()))
            app.set_text_scale(preset / 100.0f);
    }

    heading(app, "Colours");
    Flow themes(app);
    for (ThemeId theme : {ThemeId::light, ThemeId::dark, ThemeId::high_contrast}) {
        themes.next(button_width(app, theme_label(theme)));
        ButtonOptions options;
        options.kind = theme == app.theme() ? ButtonKind::selected : ButtonKind::normal;
        if (button(app, theme_label(theme), options, theme_id_name(theme))) app.set_theme(theme);
    }

    heading(app, "Reading history");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    bool& confirm_clear = app.screens().settings.confirm_clear;
    if (!app.store()) {
        paragraph(app, "Nothing is kept on this device: there is no folder for your data.", muted);
    } else {
        paragraph(app, "The start page lists what you read last. It stays on this device only.",
                  muted);
        if (!confirm_clear) {
            if (button(app, "Clear reading history", {}, "clear history")) confirm_clear = true;
        } else {
            paragraph(app, "Clear the list of pages read? Bookmarks and notes stay.");
            Flow flow(app);
            flow.next(button_width(app, "Yes, clear it"));
            ButtonOptions yes;
            yes.kind = ButtonKind::primary;
            if (button(app, "Yes, clear it", yes, "confirm clear")) {
                app.clear_history();
                confirm_clear = false;
            }
            flow.next(button_width(app, "Cancel"));
            if (button(app, "Cancel", {}, "cancel clear")) confirm_clear = false;
        }

        heading(app, "Your data");
        paragraph(app,
                  "Bookmarks, notes and settings stay on this device. To print a person's "
                  "bookmarks and notes for a visit, open Bookmarks and choose \"Summary for the "
                  "doctor\".",
                  muted);
        ButtonOptions open;
        open.width = -1.0f;
        if (button(app, "Bookmarks  ›", open, "settings bookmarks"))
            app.go(Route{Screen::bookmarks, "", ""});
    }
}

} // namespace lungguide::ui
