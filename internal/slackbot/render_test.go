package slackbot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

func TestEscape(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a & b", "a &amp; b"},
		{"<!channel> hi", "&lt;!channel&gt; hi"},
		{"<!here|here>", "&lt;!here|here&gt;"},
		{"<!subteam^S123|@team>", "&lt;!subteam^S123|@team&gt;"},
		{"<@U123ABC>", "&lt;@U123ABC&gt;"},
		{"already &amp; escaped", "already &amp;amp; escaped"}, // raw text: escaped exactly once
		{"ping @channel and @Here, @everyone!", "ping @\u2060channel and @\u2060Here, @\u2060everyone!"},
		{"email me@channelnews.org", "email me@channelnews.org"},
		{"x > y < z", "x &gt; y &lt; z"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMrkdwn(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"bold", "Kenya **leads** it", "Kenya *leads* it"},
		{"underscore bold", "__very__ much", "*very* much"},
		{"italic star", "an *important* point", "an _important_ point"},
		{"italic underscore", "an _important_ point", "an _important_ point"},
		{"snake_case kept", "the gang_suppression_force id", "the gang_suppression_force id"},
		{"strike", "~~old~~ new", "~old~ new"},
		{"link", "see [UN News](https://news.un.org/x?a=1&b=2)", "see <https://news.un.org/x?a=1&amp;b=2|UN News>"},
		{"link title with pipe", "[a|b > c](https://e.org)", "<https://e.org|a¦b &gt; c>"},
		{"javascript link dropped", "[click](javascript:alert(1))", "click"},
		{"relative link dropped", "[here](/local)", "here"},
		{"autolink", "<https://e.org/p>", "<https://e.org/p>"},
		{"citation markers kept", "It was approved [1][2].", "It was approved [1][2]."},
		{"heading", "## What changed", "*What changed*"},
		{"heading with bold", "# **Big** news", "*Big news*"},
		{"bullets", "- one\n* two\n+ three", "• one\n• two\n• three"},
		{"nested bullet", "- one\n  - sub", "• one\n    • sub"},
		{"ordered", "1. first\n2) second", "1. first\n2. second"},
		{"quote", "> said so", "> said so"},
		{"inline code escaped", "use `a<b>` here", "use `a&lt;b&gt;` here"},
		{"code block", "```\nx < 1 **not bold**\n```", "```\nx &lt; 1 **not bold**\n```"},
		{"unclosed code block closed", "```\ncode", "```\ncode\n```"},
		{"rule", "---", "──────────"},
		{"mention inert", "hey <!channel> and <@U1>", "hey &lt;!channel&gt; and &lt;@U1&gt;"},
		{"broadcast word", "**@here** now", "*@\u2060here* now"},
		{"unmatched star", "5 * 3 = 15", "5 * 3 = 15"},
		{"ampersand once", "R&D", "R&amp;D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mrkdwn(tt.in); got != tt.want {
				t.Errorf("mrkdwn(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url, text, want string
		ok              bool
	}{
		{"https://e.org/a b", "T", "<https://e.org/a%20b|T>", true},
		{"http://e.org/?q=<x>|y", "T", "<http://e.org/?q=%3Cx%3E%7Cy|T>", true},
		{"ftp://e.org", "T", "", false},
		{"https://user:pw@e.org", "T", "", false},
		{"", "T", "", false},
		{"https://e.org", "<!channel>", "<https://e.org|&lt;!channel&gt;>", true},
	}
	for _, tt := range tests {
		got, ok := link(tt.url, tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("link(%q, %q) = %q, %v; want %q, %v", tt.url, tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSplitMrkdwn(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 1000)
	linky := strings.Repeat("x", 2990) + " <https://e.org/aaaaaaaaaaaaaaaaaa|title>"
	code := "```\n" + strings.Repeat("line of code\n", 400) + "```"
	tests := []struct {
		name string
		in   string
		n    int
	}{
		{"short", "hello", 3000},
		{"words", long, 3000},
		{"link at the edge", linky, 3000},
		{"code block", code, 3000},
		{"no spaces", strings.Repeat("é", 7000), 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := splitMrkdwn(tt.in, tt.n)
			joined := strings.Join(parts, "")
			for i, p := range parts {
				if n := len([]rune(p)); n > tt.n {
					t.Errorf("part %d has %d runes", i, n)
				}
				if strings.Count(p, "<") != strings.Count(p, ">") {
					t.Errorf("part %d cuts a link: …%q", i, p[max(0, len(p)-40):])
				}
				if strings.Count(p, "```")%2 != 0 {
					t.Errorf("part %d leaves a code block open", i)
				}
			}
			strip := func(s string) string {
				return strings.NewReplacer(" ", "", "\n", "", "```", "").Replace(s)
			}
			if strip(joined) != strip(tt.in) {
				t.Errorf("text lost or changed in splitting")
			}
		})
	}
}

// blocksJSON marshals blocks without HTML escaping, so tests can look for
// Slack markup as it is.
func blocksJSON(t *testing.T, blocks []slack.Block) json.RawMessage {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(blocks); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSpace(buf.Bytes())
}

func longAnswer(paragraphs, citations int) brief.Answer {
	var text strings.Builder
	for i := range paragraphs {
		fmt.Fprintf(&text, "**Point %d.** %s [%d]\n\n", i, strings.Repeat("The mission reported progress on security. ", 20), i%citations+1)
	}
	pub := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	a := brief.Answer{Question: "q", Text: text.String(), Mode: brief.ModeLLM, AsOf: &pub}
	for i := range citations {
		a.Citations = append(a.Citations, brief.Citation{
			N: i + 1, Title: strings.Repeat("Title ", 50), Source: "UN News", URL: fmt.Sprintf("https://e.org/%d", i),
			Published: &pub, Quote: strings.Repeat("A long supporting quote. ", 40),
		})
	}
	return a
}

func TestRenderAnswerLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		answer     brief.Answer
		view       answerView
		wantMsgs   int // at least
		wantButton []string
	}{
		{"short", longAnswer(1, 2), answerView{ID: 7}, 1, []string{actionUp, actionDown}},
		{"shareable", longAnswer(2, 3), answerView{ID: 7, Share: true}, 1, []string{actionUp, actionDown, actionShare}},
		{"very long", longAnswer(120, 20), answerView{ID: 9}, 2, []string{actionUp, actionDown}},
		{"huge single paragraph", brief.Answer{Text: strings.Repeat("word ", 20000), Mode: brief.ModeExtractive}, answerView{ID: 1}, 2, []string{actionUp, actionDown}},
		{"no id, no buttons", longAnswer(1, 1), answerView{}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := renderAnswer(tt.answer, tt.view)
			if len(msgs) < tt.wantMsgs {
				t.Fatalf("%d messages, want at least %d", len(msgs), tt.wantMsgs)
			}
			for i, m := range msgs {
				if strings.TrimSpace(m.Text) == "" {
					t.Errorf("message %d has no fallback text", i)
				}
				if err := slacktest.CheckBlocks(blocksJSON(t, m.Blocks)); err != nil {
					t.Errorf("message %d: %v", i, err)
				}
			}
			last := string(blocksJSON(t, msgs[len(msgs)-1].Blocks))
			for _, c := range tt.answer.Citations {
				if !strings.Contains(last, c.URL) {
					t.Errorf("source %s missing from the last message", c.URL)
				}
			}
			for _, id := range tt.wantButton {
				if !strings.Contains(last, `"action_id":"`+id+`"`) {
					t.Errorf("button %s missing from the last message", id)
				}
			}
			if tt.wantButton == nil && strings.Contains(last, `"actions"`) {
				t.Error("buttons without an answer id")
			}
			// Nothing of the answer is lost.
			var all strings.Builder
			for _, m := range msgs {
				all.Write(blocksJSON(t, m.Blocks))
			}
			for _, w := range []string{"Point 0.", fmt.Sprintf("Point %d.", strings.Count(tt.answer.Text, "**Point")-1)} {
				if strings.Contains(tt.answer.Text, w) && !strings.Contains(all.String(), w) {
					t.Errorf("%q lost", w)
				}
			}
		})
	}
}

func TestRenderAnswerContent(t *testing.T) {
	t.Parallel()
	pub := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	a := brief.Answer{
		Text: "Kenya leads it [1].",
		Mode: brief.ModeExtractive,
		Note: "no language model configured",
		AsOf: &pub,
		Citations: []brief.Citation{{N: 1, Title: "Mission <!channel> update", Source: "UN News", URL: "https://news.un.org/1",
			Published: &pub, Quote: "Kenya leads the mission. <@U999> @here"}},
	}
	msgs := renderAnswer(a, answerView{ID: 42, Share: true})
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	raw := string(blocksJSON(t, msgs[0].Blocks))
	for _, want := range []string{
		"Quoted from the sources", "no language model configured", // the label with the note
		"<https://news.un.org/1|Mission &lt;!channel&gt; update>", "UN News", "1 Oct 2025", // the source line
		`\n> Kenya leads the mission. &lt;@U999&gt; @` + "\u2060" + `here`, // the quote line, inert
		"As of 1 Oct 2025",
		`"value":"42"`,
		`"verbatim":true`,
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("blocks lack %q:\n%s", want, raw)
		}
	}
	for _, bad := range []string{"<!channel>", "<@U999>", "<!here>"} {
		if strings.Contains(raw, bad) {
			t.Errorf("blocks contain a live %s", bad)
		}
	}
	if !strings.Contains(msgs[0].Text, "quoted from the sources") {
		t.Errorf("fallback %q lacks the label", msgs[0].Text)
	}
}

func TestRenderAbstained(t *testing.T) {
	t.Parallel()
	a := brief.Answer{Text: "The sources do not say.", Mode: brief.ModeAbstained, Note: "no passage is relevant enough",
		Suggestions: []string{"Who funds the <!everyone> mission?"}}
	msgs := renderAnswer(a, answerView{ID: 3})
	raw := string(blocksJSON(t, msgs[0].Blocks))
	for _, want := range []string{"Not answered", "no passage is relevant enough", "You could ask instead", "&lt;!everyone&gt;"} {
		if !strings.Contains(raw, want) {
			t.Errorf("blocks lack %q", want)
		}
	}
	if err := slacktest.CheckBlocks(blocksJSON(t, msgs[0].Blocks)); err != nil {
		t.Error(err)
	}
}

func TestRenderDigest(t *testing.T) {
	t.Parallel()
	d := testDigest()
	d.Mode = brief.ModeExtractive
	d.Note = "no language model configured"
	d.Items = append(d.Items, brief.DigestItem{Headline: "Court <!here> ruling", Summary: "A court ruled.", Cites: []int{2}})
	msg := RenderDigest(d)
	raw := string(blocksJSON(t, msg.Blocks))
	for _, want := range []string{
		`"type":"header"`, "Digest: 2–8 Mar 2026 (Africa/Nairobi)",
		"Quoted from the sources", "*Funding pledges*", "Donors pledged *more* money [1]. [2]",
		"Court &lt;!here&gt; ruling", "A court ruled. [2]",
		"<https://news.un.org/a|Pledges>", "UN News, 3 Mar 2026", "<https://reuters.com/b|Trust fund>",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("digest lacks %q:\n%s", want, raw)
		}
	}
	if !strings.Contains(msg.Text, "2 stories") {
		t.Errorf("fallback %q", msg.Text)
	}
	if err := slacktest.CheckBlocks(blocksJSON(t, msg.Blocks)); err != nil {
		t.Error(err)
	}
}

func TestRenderDigestLimits(t *testing.T) {
	t.Parallel()
	d := testDigest()
	d.Items = nil
	for i := range 80 {
		d.Items = append(d.Items, brief.DigestItem{Headline: fmt.Sprintf("Story %d", i), Summary: strings.Repeat("Long summary. ", 300), Cites: []int{1}})
	}
	for i := range 60 {
		d.Citations = append(d.Citations, brief.Citation{N: i + 3, Title: strings.Repeat("T", 300), URL: fmt.Sprintf("https://e.org/%d", i)})
	}
	msg := RenderDigest(d)
	raw := blocksJSON(t, msg.Blocks)
	if err := slacktest.CheckBlocks(raw); err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	if !strings.Contains(s, "more sections not shown") {
		t.Error("dropped stories not mentioned")
	}
	if !strings.Contains(s, "https://e.org/59") {
		t.Error("sources lost")
	}
}

func TestDigestPeriod(t *testing.T) {
	t.Parallel()
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	tests := []struct {
		start, end, tz, want string
	}{
		{"2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z", "", "2–8 Mar 2026 (UTC)"},
		{"2026-02-23T00:00:00Z", "2026-03-02T00:00:00Z", "UTC", "23 Feb–1 Mar 2026 (UTC)"},
		{"2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z", "UTC", "29 Dec 2025–4 Jan 2026 (UTC)"},
		{"2026-03-01T21:00:00Z", "2026-03-02T21:00:00Z", "Africa/Nairobi", "2 Mar 2026 (Africa/Nairobi)"},
		{"", "2026-03-09T00:00:00Z", "UTC", "up to 8 Mar 2026 (UTC)"},
	}
	for _, tt := range tests {
		d := brief.Digest{End: utc(tt.end), TimeZone: tt.tz}
		if tt.start != "" {
			d.Start = utc(tt.start)
		}
		if got := digestPeriod(d); got != tt.want {
			t.Errorf("digestPeriod(%s…%s %s) = %q, want %q", tt.start, tt.end, tt.tz, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"<@UBOT> who leads the mission?", "who leads the mission?"},
		{"<@UBOT|brief> hi", "hi"},
		{"ask <@U123> about <#C1|general>", "ask @U123 about #general"},
		{"see <https://e.org|the report> &amp; <https://x.org>", "see the report & https://x.org"},
		{"<!here> news", "@here news"},
		{"a &lt; b", "a < b"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in, "UBOT"); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTSBefore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"1700000000.000100", "1700000000.000200", true},
		{"1700000000.000200", "1700000000.000100", false},
		{"1700000000.1", "1700000000.000200", false},
		{"999999999.9", "1000000000.0", true},
		{"1700000000.000100", "1700000000.000100", false},
	}
	for _, tt := range tests {
		if got := tsBefore(tt.a, tt.b); got != tt.want {
			t.Errorf("tsBefore(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}

// sentTexts is every text Slack would receive for msgs: the fallback and
// each text object in the blocks, after the edge sanitizer.
func sentTexts(t *testing.T, msgs []Message) []string {
	t.Helper()
	var out []string
	for _, m := range msgs {
		out = append(out, sanitizeMrkdwn(m.Text))
		var v any
		if err := json.Unmarshal(blocksJSON(t, sanitizeBlocks(m.Blocks)), &v); err != nil {
			t.Fatal(err)
		}
		var walk func(any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				if s, ok := x["text"].(string); ok {
					out = append(out, s)
				}
				for _, y := range x {
					walk(y)
				}
			case []any:
				for _, y := range x {
					walk(y)
				}
			}
		}
		walk(v)
	}
	return out
}

// utf16Len is how JavaScript (and so perhaps Slack) counts a string.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

var wholeLinkRe = regexp.MustCompile(`<https?://[^<>\s]*>`)

func TestLongURLsAreNeverSplit(t *testing.T) {
	t.Parallel()
	long := "https://example.org/report?q=" + strings.Repeat("a", 3100)
	mid := "https://example.org/mid?q=" + strings.Repeat("b", 1800)
	tests := []struct {
		name   string
		answer brief.Answer
		want   []string // in the sent text
		whole  string   // a link that must arrive whole, if any
	}{
		{"3,100-char source URL dropped with a note", brief.Answer{Text: "Kenya leads [1].", Mode: brief.ModeLLM,
			Citations: []brief.Citation{{N: 1, Title: "The long report", Source: "UN", URL: long, Quote: "Kenya leads."}}},
			[]string{"*[1]* The long report _(link too long to show; at example.org)_"}, ""},
		{"3,100-char link in the answer text", brief.Answer{Text: "See [the report](" + long + ") [1].", Mode: brief.ModeLLM},
			[]string{"See the report _(link too long to show; at example.org)_"}, ""},
		{"3,100-char autolink in the answer text", brief.Answer{Text: "See <" + long + "> now.", Mode: brief.ModeLLM},
			[]string{"See example.org/report _(link too long to show)_ now."}, ""},
		{"1,800-char URL kept whole, long title shortened", brief.Answer{Text: "Kenya leads [1].", Mode: brief.ModeLLM,
			Citations: []brief.Citation{{N: 1, Title: strings.Repeat("&", 200), Source: "UN", URL: mid, Quote: strings.Repeat("q ", 140)}}},
			[]string{"…>"}, "<" + mid + "|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := renderAnswer(tt.answer, answerView{ID: 1})
			texts := sentTexts(t, msgs)
			all := strings.Join(texts, "\n")
			for _, s := range texts {
				// Outside whole links, no "<" and no piece of a URL.
				if rest := wholeLinkRe.ReplaceAllString(s, ""); strings.Contains(rest, "<") || strings.Contains(rest, "bbbbbbbbbb") {
					t.Errorf("a text cuts a link: …%q", rest[max(0, len(rest)-60):])
				}
				if len(s) > slacktest.MaxSectionText {
					t.Errorf("a text of %d bytes", len(s))
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("sent text lacks %q:\n%.400s", w, all)
				}
			}
			if tt.whole != "" && !strings.Contains(all, tt.whole) {
				t.Errorf("link %.60q… not sent whole", tt.whole)
			}
			if strings.Contains(all, strings.Repeat("a", 100)) {
				t.Error("the overlong URL was sent as raw text")
			}
		})
	}
}

func TestTablesAndCode(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"table", "Who sent officers:\n\n| Country | Officers |\n|---|---:|\n| Kenya | 1,000 |\n| **Jamaica** | 24 |\n\nMore later.",
			"Who sent officers:\n\n• *Country*: Kenya · *Officers*: 1,000\n• *Country*: *Jamaica* · *Officers*: 24\n\nMore later."},
		{"no outer pipes, empty cell skipped", "Name | Role\n:-- | --\nRuto | \nBo | lead", "• *Name*: Ruto\n• *Name*: Bo · *Role*: lead"},
		{"escaped pipe and code pipe stay in the cell", "| a | b |\n|---|---|\n| x \\| y | `p|q` |", "• *a*: x | y · *b*: `p|q`"},
		{"bold header not nested", "| **Year** | Event |\n| --- | --- |\n| 2024 | [arrival](https://e.org/a) |",
			"• *Year*: 2024 · *Event*: <https://e.org/a|arrival>"},
		{"cell markup inert", "| who |\n|---|\n| <!channel> @here |", "• *who*: &lt;!channel&gt; @\u2060here"},
		{"header only", "| a | b |\n|---|---|", "*a* · *b*"},
		{"pipes without a delimiter row are text", "a | b\nc | d", "a | b\nc | d"},
		{"table inside code is code", "```\n| a |\n|---|\n```", "```\n| a |\n|---|\n```"},
		{"tag in a code block kept as text", "```html\n<div class=\"x\">hi</div>\n```", "```\n&lt;div class=\"x\"&gt;hi&lt;/div&gt;\n```"},
		{"tag in inline code kept as text", "use `<br/>` or `<!channel>`", "use `&lt;br/&gt;` or `&lt;!channel&gt;`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mrkdwn(tt.in); got != tt.want {
				t.Errorf("mrkdwn(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSectionsFitHoweverSlackCounts(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text string }{
		{"emoji words", strings.Repeat("😀 ", 4000)},
		{"emoji, no spaces", strings.Repeat("👍🏽", 3000)},
		{"family emoji", strings.Repeat("👨‍👩‍👧‍👦", 1500)},
		{"flags and words", strings.Repeat("🇰🇪 Kenya ", 1500)},
		{"CJK", strings.Repeat("肯尼亚领导特派团。", 800)},
		{"entities", strings.Repeat("R&D <x> ", 2000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := renderAnswer(brief.Answer{Text: tt.text, Mode: brief.ModeLLM}, answerView{ID: 1})
			for _, s := range sentTexts(t, msgs) {
				if n := utf16Len(s); n > 3000 {
					t.Errorf("a text of %d UTF-16 units", n)
				}
				if len(s) > 3000 {
					t.Errorf("a text of %d bytes", len(s))
				}
				if !utf8.ValidString(s) {
					t.Error("a text cut inside a character")
				}
				if strings.HasPrefix(s, "\u200d") || strings.HasPrefix(s, "\U0001f3fd") {
					t.Errorf("a section starts inside an emoji: %q", s[:12])
				}
			}
		})
	}
}

func TestMarkdownText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"Kenya **leads** [the mission](https://example.org/a?x=1&y=2) [1].", "Kenya **leads** [the mission](https://example.org/a?x=1&y=2) [1]."},
		{"See [this](javascript:alert(1)) now", "See this now"},
		{"[secret](https://user:pw@example.org/)", "secret"},
		{"A [link](https://example.org/a_(b)) with parens", "A [link](https://example.org/a_%28b%29) with parens"},
		{"`[code](javascript:x)` stays", "`[code](javascript:x)` stays"},
		{"```\n[in code](javascript:x)\n```", "```\n[in code](javascript:x)\n```"},
		{"# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |"},
	} {
		if got := markdownText(c.in); got != c.want {
			t.Errorf("markdownText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// An answer posted through the Web API has its text in markdown blocks,
// no more than one message's worth of them in each message, the sources
// and buttons in the last one; every message passes the fake's checks.
func TestRenderAnswerMarkdown(t *testing.T) {
	t.Parallel()
	para := strings.Repeat("Kenya **leads** the mission and sent officers to the capital [1]. ", 40) // ~2,700 bytes
	long := strings.Repeat(para+"\n\n", 10)
	ans := brief.Answer{Text: long, Mode: brief.ModeLLM, Citations: []brief.Citation{{N: 1, Title: "Kenya leads", URL: "https://example.org/k", Source: "Wire"}}}
	for _, c := range []struct {
		name     string
		v        answerView
		markdown bool
	}{
		{"web api", answerView{ID: 7, Markdown: true}, true},
		{"response_url", answerView{ID: 7, Share: true}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			msgs := renderAnswer(ans, c.v)
			if len(msgs) < 3 {
				t.Fatalf("%d messages for a %d-byte answer", len(msgs), len(long))
			}
			var all strings.Builder
			for i, m := range msgs {
				raw, err := json.Marshal(sanitizeBlocks(m.Blocks))
				if err != nil {
					t.Fatal(err)
				}
				if err := slacktest.CheckBlocks(raw); err != nil {
					t.Errorf("message %d: %v", i, err)
				}
				md := 0
				for _, b := range m.Blocks {
					if mb, ok := b.(*slack.MarkdownBlock); ok {
						md += len(mb.Text)
						all.WriteString(mb.Text)
					}
				}
				if md > maxMarkdownBytes || (md > 0) != c.markdown {
					t.Errorf("message %d holds %d bytes of markdown blocks (want them: %v)", i, md, c.markdown)
				}
			}
			if c.markdown && strings.Count(all.String(), "**leads**") != 400 {
				t.Errorf("the markdown blocks hold %d of the 400 sentences", strings.Count(all.String(), "**leads**"))
			}
			last := msgs[len(msgs)-1]
			raw, _ := json.Marshal(last.Blocks)
			if !strings.Contains(string(raw), "Sources") || !strings.Contains(msgs[0].Text, "Kenya *leads*") {
				t.Errorf("last message %s; first text %q", raw, msgs[0].Text)
			}
		})
	}
}

// TestRenderAnswerReadAs: a question respelled from the corpus says how it
// was read, as inert text.
func TestRenderAnswerReadAs(t *testing.T) {
	t.Parallel()
	a := brief.Answer{Text: "Kenya leads it.", Mode: brief.ModeExtractive, ReadAs: "who leads the <!channel> deployment?"}
	raw := strings.ReplaceAll(string(blocksJSON(t, renderAnswer(a, answerView{})[0].Blocks)), `\u0026`, "&")
	if !strings.Contains(raw, "Read as: who leads the &lt;!channel&gt; deployment?") {
		t.Errorf("blocks lack the question as read:\n%s", raw)
	}
	if strings.Contains(raw, "<!channel>") {
		t.Errorf("blocks contain a live <!channel>:\n%s", raw)
	}
	if raw := string(blocksJSON(t, renderAnswer(brief.Answer{Text: "Kenya leads it."}, answerView{})[0].Blocks)); strings.Contains(raw, "Read as") {
		t.Errorf("a question read as typed says it was read otherwise:\n%s", raw)
	}
}
