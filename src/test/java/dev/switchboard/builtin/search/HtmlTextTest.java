package dev.switchboard.builtin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Provider snippets become plain text. */
class HtmlTextTest {

    @Test
    void inlineTagsVanishWithoutBreakingWords() {
        assertEquals("Quarkus's MCP server", HtmlText.plain("<strong>Quarkus</strong>'s <em>MCP</em> server"));
        assertEquals("a link", HtmlText.plain("a <a href=\"https://example.org\">link</a>"));
    }

    @Test
    void blockTagsAndWhiteSpaceBecomeOneSpace() {
        assertEquals("one two three", HtmlText.plain("one<br/>two<p>three</p>"));
        assertEquals("spread out", HtmlText.plain("  spread \n\t out  "));
    }

    @Test
    void entitiesAreDecoded() {
        assertEquals(
                "Tom's \"best\" <tips> & tricks © é",
                HtmlText.plain("Tom&#x27;s &quot;best&quot; &lt;tips&gt; &amp; tricks &#169; &#xE9;"));
        assertEquals("&amp; stays escaped once", HtmlText.plain("&amp;amp; stays escaped once"));
    }

    @Test
    void whatIsNotMarkupIsKept() {
        assertEquals("a < b and c > d", HtmlText.plain("a < b and c > d"));
        assertEquals("&unknown; &#0;", HtmlText.plain("&unknown; &#0;"));
        assertEquals("", HtmlText.plain(null));
    }
}
