package dev.switchboard.builtin.search;

import dev.switchboard.api.Description;

/** One web page a search found. */
public record SearchHit(
        @Description("Title of the page, plain text") String title,
        @Description("Address of the page") String url,

        @Description("A short extract of the page matching the query, plain text; may be empty")
        String snippet) {

    /** A hit from a provider's fields, which may hold HTML; the title falls back to the URL when empty. */
    static SearchHit fromHtml(String title, String url, String snippet) {
        String plainTitle = HtmlText.plain(title);
        return new SearchHit(plainTitle.isEmpty() ? url : plainTitle, url, HtmlText.plain(snippet));
    }

    /** Whether a provider's result can be used: without an http(s) URL there is nothing to visit or cite. */
    static boolean usable(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
