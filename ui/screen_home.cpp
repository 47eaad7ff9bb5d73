// Home: what this guide is, the search button, my bookmarks, recently read, the page's
// introduction and the doctor advice, the ten drug classes as large tiles, the helpline,
// and a way to About & sources.
#include "app.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>

namespace lungguide::ui {

namespace {

void draw_title(App& app) {
    const Guide& guide = app.guide();
    title(app.look(), guide.title);
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(),
              "A guide to read offline: the " + guide.source +
                  " page, with its drug classes, drugs and side effects made easy to find.",
              muted);
}

void draw_introduction(App& app) {
    const Guide& guide = app.guide();
    heading(app.look(), "Introduction");
    if (const Section* introduction = guide.find_section("introduction"))
        for (const SectionItem& item : introduction->items)
            paragraph(app.look(), item.text);
    draw_doctor_advice(app, false);
}

void draw_search_entry(App& app) {
    space(app.look(), 0.3f);
    ButtonOptions options;
    options.width = -1.0f;
    options.kind = ButtonKind::primary;
    options.subtitle = "A side effect, a drug, a brand or a gene change";
    if (button(app.look(), "Search", options, "home search")) app.go(Route{Screen::search, "", ""});
}

void draw_my_bookmarks(App& app) {
    heading(app.look(), "My bookmarks");
    UserStore* store = store_or_why_not(app);
    if (!store) return;
    if (app.people().size() > 1) draw_person_chooser(app);
    const auto bookmarks = store->bookmarks(app.person());
    if (bookmarks.empty()) draw_no_bookmarks(app);
    for (const Bookmark& bookmark : bookmarks) {
        ButtonOptions options;
        options.width = -1.0f;
        options.subtitle = bookmark.note;
        std::string label = bookmark.target;
        std::string route = bookmark.kind + "/" + bookmark.target;
        if (bookmark.kind == "class") {
            if (const DrugClass* drug_class = app.guide().find_class(bookmark.target))
                label = drug_class->name;
        } else {
            label = drug_with_brands(app, bookmark.target);
        }
        if (button(app.look(), label, options, ("bookmark " + std::to_string(bookmark.id)).c_str()))
            app.go(route);
    }
    if (!bookmarks.empty()) draw_summary_entry(app);
    ButtonOptions all;
    all.kind = ButtonKind::quiet;
    if (button(app.look(), "All bookmarks and notes ›", all, "home all bookmarks"))
        app.go(Route{Screen::bookmarks, "", ""});
    if (button(app.look(), "Symptom diary ›", all, "home diary"))
        app.go(Route{Screen::diary, "", app.person()});
}

void draw_class_tiles(App& app) {
    const Guide& guide = app.guide();
    const float em = app.layout().em;
    heading(app.look(), "Drug classes");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const int columns =
        std::max(1, static_cast<int>((available + spacing) / (13.0f * em + spacing)));
    const float width = std::floor((available - spacing * (columns - 1)) / columns);
    int column = 0;
    for (const DrugClass& drug_class : guide.classes) {
        std::string drugs;
        for (const std::string& id : drug_class.drug_ids) {
            const Drug* drug = guide.find_drug(id);
            if (!drug) continue;
            if (!drugs.empty()) drugs += ", ";
            drugs += drug->name;
        }
        if (column > 0) ImGui::SameLine();
        ButtonOptions options;
        options.width = width;
        options.subtitle = drugs;
        ImGui::BeginGroup();
        if (button(app.look(), drug_class.name, options, ("tile " + drug_class.id).c_str()))
            app.go(Route{Screen::drug_class, drug_class.id, ""});
        ImGui::EndGroup();
        column = (column + 1) % columns;
    }
}

void draw_recent(App& app) {
    UserStore* store = app.store();
    if (!store) return;
    const auto recent = store->recent_views(3);
    if (recent.empty()) return;
    heading(app.look(), "Recently read");
    Flow flow(app.look());
    for (const std::string& route_text : recent) {
        Route route;
        if (!parse_route(route_text, route)) continue;
        std::string label;
        if (route.screen == Screen::drug_class) {
            const DrugClass* drug_class = app.guide().find_class(route.id);
            if (!drug_class) continue;
            label = drug_class->name;
        } else if (route.screen == Screen::drug) {
            const Drug* drug = app.guide().find_drug(route.id);
            if (!drug) continue;
            label = drug->name;
        } else {
            continue;
        }
        flow.next(button_width(app.look(), label));
        ButtonOptions options;
        options.bold = false;
        if (button(app.look(), label, options, ("recent " + route_text).c_str())) app.go(route);
    }
}

} // namespace

void draw_helpline(App& app) {
    const Section* helpline = app.guide().find_section("helpline");
    if (!helpline) return;
    heading(app.look(), helpline->heading.empty() ? "Helpline" : helpline->heading);
    for (const SectionItem& item : helpline->items) {
        if (item.kind == SectionItem::Kind::bullet)
            bullet(app.look(), item.text);
        else
            paragraph(app.look(), item.text);
    }
}

void draw_home(App& app) {
    // What a returning reader needs first: search and their bookmarks; then the reading.
    draw_search_entry(app);
    draw_my_bookmarks(app);
    draw_recent(app);
    draw_title(app);
    draw_introduction(app);
    draw_class_tiles(app);
    draw_helpline(app);
    heading(app.look(), "About this guide");
    ButtonOptions options;
    options.width = -1.0f;
    options.subtitle = "References, revision date, corrections and copyright";
    if (button(app.look(), "About & sources", options, "home about"))
        app.go(Route{Screen::about, "", ""});
    ButtonOptions settings;
    settings.width = -1.0f;
    settings.subtitle = "Text size, colours, reading history";
    if (button(app.look(), "Settings", settings, "home settings"))
        app.go(Route{Screen::settings, "", ""});
}

} // namespace lungguide::ui
