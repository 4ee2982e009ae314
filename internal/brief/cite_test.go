package brief

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

func citeHits() []corpus.Hit {
	doc := func(id, title string, published time.Time) corpus.Document {
		return corpus.Document{ID: id, Title: title, Source: "Src " + id, URL: "https://example.org/" + id, Published: published}
	}
	a := doc("a", "Doc A", time.Date(2024, 6, 25, 0, 0, 0, 0, time.UTC))
	b := doc("b", "Doc B", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	c := doc("c", "Doc C", time.Time{})
	return []corpus.Hit{
		{Passage: corpus.Passage{ID: 1, DocID: "a", Text: "Kenya leads the mission in Haiti. The first officers landed in June 2024."}, Doc: a},
		{Passage: corpus.Passage{ID: 2, DocID: "b", Text: "The Council created a Gang Suppression Force. It may have 5,550 personnel."}, Doc: b},
		{Passage: corpus.Passage{ID: 3, DocID: "a", Seq: 1, Text: "Kenya pledged 1,000 police officers. Benin offered 2,000 but never deployed."}, Doc: a},
		{Passage: corpus.Passage{ID: 4, DocID: "c", Text: "The United States is the largest funder. Washington gave 300 million dollars."}, Doc: c},
	}
}

func TestResolveCitations(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		docs    []string // cited documents in order
		dropped int
	}{
		{"single", "Kenya leads [1].", "Kenya leads [1].", []string{"a"}, 0},
		{"renumbered by first use", "The force may have 5,550 personnel [2]. Kenya leads [1].", "The force may have 5,550 personnel [1]. Kenya leads [2].", []string{"b", "a"}, 0},
		{"comma list", "Both [1, 2].", "Both [1][2].", []string{"a", "b"}, 0},
		{"semicolon list", "Both [2; 4].", "Both [1][2].", []string{"b", "c"}, 0},
		{"adjacent", "Both [1][2] and [2] [4].", "Both [1][2] and [2][3].", []string{"a", "b", "c"}, 0},
		{"range", "All [1-3].", "All [1][2].", []string{"a", "b"}, 0},
		{"same document twice", "Kenya leads [1] and pledged 1,000 [3].", "Kenya leads [1] and pledged 1,000 [1].", []string{"a"}, 0},
		{"duplicate in a run", "Kenya [1][3][1].", "Kenya [1].", []string{"a"}, 0},
		{"invented dropped", "Kenya leads [9]. It pledged [1].", "Kenya leads. It pledged [1].", []string{"a"}, 1},
		{"invented in a list", "Kenya leads [1, 7, 8].", "Kenya leads [1].", []string{"a"}, 2},
		{"zero", "Nothing [0].", "Nothing.", nil, 1},
		{"mid sentence", "Kenya [5] leads the mission [1].", "Kenya leads the mission [1].", []string{"a"}, 1},
		{"bad range", "All [3-1].", "All.", nil, 1},
		{"markdown link kept", "See [1](https://example.org) and [2].", "See [1](https://example.org) and [1].", []string{"b"}, 0},
		{"no markers", "Kenya leads.", "Kenya leads.", nil, 0},
		{"list items", "- Kenya leads [1]\n- Funding [4]", "- Kenya leads [1]\n- Funding [2]", []string{"a", "c"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cites, dropped := resolveModelText(tt.in, retrieval{hits: citeHits(), an: newAnalysis(lexicon.New(nil))})
			if got != tt.want {
				t.Errorf("text\n got %q\nwant %q", got, tt.want)
			}
			var docs []string
			for i, c := range cites {
				docs = append(docs, c.DocID)
				if c.N != i+1 || c.Quote == "" || c.Title == "" {
					t.Errorf("citation %d = %+v", i, c)
				}
			}
			if !reflect.DeepEqual(docs, tt.docs) {
				t.Errorf("cited %v, want %v", docs, tt.docs)
			}
			if dropped != tt.dropped {
				t.Errorf("dropped %d, want %d", dropped, tt.dropped)
			}
		})
	}
}

func TestCitationQuoteFitsTheClaim(t *testing.T) {
	r := retrieval{hits: citeHits(), an: newAnalysis(lexicon.New(nil))}
	_, cites, _ := resolveCitations("Benin never deployed its offered troops [3]. Kenya leads [1].", r)
	if len(cites) != 1 {
		t.Fatalf("citations %+v, want one for document a", cites)
	}
	// Two claims cite document a; the quote is the sentence that best
	// supports one of them, from either cited passage.
	if want := "Benin offered 2,000 but never deployed."; cites[0].Quote != want {
		t.Errorf("quote %q, want %q", cites[0].Quote, want)
	}
	if cites[0].Published == nil || cites[0].Published.Format(time.DateOnly) != "2024-06-25" {
		t.Errorf("published %v", cites[0].Published)
	}
	_, cites, _ = resolveCitations("Funding is short [4].", r)
	if cites[0].Published != nil {
		t.Errorf("unknown date became %v", cites[0].Published)
	}
	if got := newestPublished(cites, r); got != nil {
		t.Errorf("as of %v from undated sources", got)
	}
}

func TestCleanModelText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kenya leads [1].", "Kenya leads [1]."},
		{"<!channel> Kenya leads", "Kenya leads"},
		{"<!chan<b>nel> Kenya leads", "Kenya leads"}, // removing the inner tag must not rebuild a ping
		{"<<b>@U123> Kenya leads", "Kenya leads"},
		{"Hi <!here|here> and <!everyone>, <@U123|bob> <#C123|general> <!subteam^S123|team>", "Hi and,"},
		{"see <https://example.org|the report>", "see [the report](https://example.org)"},
		{"see <https://example.org>", "see https://example.org"},
		{"<b>bold</b> and <script>x</script><br/>next", "bold and x\nnext"},
		{"ping @channel and @here but not me@here.org", "ping channel and here but not me@here.org"},
		{"a < b and c > d", "a < b and c > d"},
		// Code is literal: its text is kept, pings around it still go.
		{"use `<div>` and `a <b>c</b>` here <b>x</b>", "use `<div>` and `a <b>c</b>` here x"},
		{"<!channel> run ``echo `<!here>` now`` @here", "run ``echo `<!here>` now`` here"},
		{"Say:\n```html\n<p>  two  spaces</p>\n<!channel>\n```\n<!channel> done", "Say:\n```html\n<p>  two  spaces</p>\n<!channel>\n```\n done"},
		{"open ```\n<br> stays", "open ```\n\n stays"}, // a fence opens only a line
		{"```\nunclosed <b>tag</b>", "```\nunclosed <b>tag</b>"},
		{"a lone ` tick <b>b</b>", "a lone ` tick b"},
	}
	for _, tt := range tests {
		if got := cleanModelText(tt.in); got != tt.want {
			t.Errorf("cleanModelText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPartialText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kenya leads [", "Kenya leads"},
		{"Kenya leads [1", "Kenya leads"},
		{"Kenya leads [1, 2", "Kenya leads"},
		{"Kenya leads [1]", "Kenya leads [1]"},
		{"Kenya [see", "Kenya [see"},
	}
	for _, tt := range tests {
		if got := partialText(tt.in); got != tt.want {
			t.Errorf("partialText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNoAnswerDetection(t *testing.T) {
	for _, s := range []string{"NO_ANSWER", " no_answer.", "`NO_ANSWER`", "The passages do not say. NO_ANSWER"} {
		if !isNoAnswer(s) {
			t.Errorf("isNoAnswer(%q) = false", s)
		}
	}
	for _, s := range []string{"", "N", "NO_", "`NO_ANS"} {
		if !looksLikeNoAnswer(s) {
			t.Errorf("looksLikeNoAnswer(%q) = false: it may become the token", s)
		}
	}
	for _, s := range []string{"Nairobi", "No, Kenya leads", "Kenya leads"} {
		if looksLikeNoAnswer(s) || isNoAnswer(s) {
			t.Errorf("%q taken for the no-answer token", s)
		}
	}
}

func TestQuoteText(t *testing.T) {
	if got := quoteText("Kenya  leads\nthe mission.[12] It rose [2, 3] times.", nil); got != "Kenya leads the mission. It rose times." {
		t.Errorf("quoteText = %q", got)
	}
	long := strings.Repeat("filler words here ", 30) + "Publication Date 2025-10-08 by Tishkov " + strings.Repeat("more filler text ", 30)
	got := quoteText(long, []string{"tishkov", "publication"})
	if n := len(strings.Fields(got)); n > quoteWords+1 || !strings.Contains(got, "Tishkov") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("long sentence quoted as %d words: %q", n, got)
	}
}

func TestParseMarker(t *testing.T) {
	tests := map[string][]int{
		"[1]": {1}, "[ 2 ]": {2}, "[1, 3]": {1, 3}, "[1;2]": {1, 2}, "[2-4]": {2, 3, 4}, "[2–3]": {2, 3}, "[4-2]": {-1}, "[1-99]": {-1},
	}
	for in, want := range tests {
		if got := parseMarker(in); !reflect.DeepEqual(got, want) {
			t.Errorf("parseMarker(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestQuoteKeepsTheValueAsked: a long sentence is cut to a window of it;
// for "how long" the window keeps the span of time, though another holds
// more of the question's words.
func TestQuoteKeepsTheValueAsked(t *testing.T) {
	s := "The Secretary-General of the United Nations, who reported on the support office for the force to the Security Council on 30 September, " +
		"was asked by the Council, in a resolution adopted with twelve votes in favour and three abstentions after long negotiations between its members, " +
		"to set up the new office in Haiti and to report back to the members of the Council on its work within six months of the adoption."
	focus := []string{"secretary", "general", "support", "office", "force"}
	if q := quoteText(s, focus); strings.Contains(q, "six months") {
		t.Fatalf("the plain quote keeps the span already; the test shows nothing: %q", q)
	}
	if q := quoteAnswer(s, focus, TypeLength); !strings.Contains(q, "six months") {
		t.Errorf("quote for 'how long' lacks the span of time: %q", q)
	}
}

// TestQuoteKeepsTheCause: for "why", the window keeps the cause cue and
// the words after it ("due to the urban combat"), though a window before
// holds more of the question's words.
func TestQuoteKeepsTheCause(t *testing.T) {
	s := "Speaking to reporters in the capital after meeting officials of the transitional council and the national police on Tuesday, " +
		"he said the Gang Suppression Force the U.S. is proposing for Haiti would be far larger, more like a military in makeup and more lethal " +
		"than the current police-led Kenyan mission, the top U.S. diplomat in Port-au-Prince said. " +
		"“To be clear, the mission is colored overwhelmingly as military due to the urban combat nature of it,” said Henry Wooster."
	focus := []string{"gang", "suppression", "force", "military", "police", "proposing"}
	if q := quoteText(s, focus); strings.Contains(q, "urban combat") {
		t.Fatalf("the plain quote keeps the cause already; the test shows nothing: %q", q)
	}
	if q := quoteAnswer(s, focus, TypeReason); !strings.Contains(q, "due to the urban combat") {
		t.Errorf("quote for 'why' lacks the cause: %q", q)
	}
}
