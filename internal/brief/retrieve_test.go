package brief

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// TestRecencyAmongStrongest: for a question about the present, newness is
// measured between the strongest candidates' dates, so a report four
// months newer than a slightly stronger one goes first even when the pool
// reaches back years; a question about the past keeps the store's order.
func TestRecencyAmongStrongest(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	hit := func(id int64, score float64, published string) document.Hit {
		h := document.Hit{Score: score}
		h.ID = id
		h.DocID = published
		h.Doc.Published = day(published)
		return h
	}
	pool := func() []document.Hit {
		hits := []document.Hit{hit(1, 1.06, "2025-08-15"), hit(2, 0.94, "2025-12-02"),
			hit(3, 0.6, "2025-03-01"), hit(4, 0.6, "2025-03-01"), hit(5, 0.6, "2025-03-01")}
		for i := range 20 { // weaker candidates reaching back to 2023
			hits = append(hits, hit(int64(10+i), 0.5-0.01*float64(i), "2023-10-02"))
		}
		return hits
	}
	a := &Answerer{}
	if got := a.adjust(pool(), true, TypeOther); got[0].ID != 2 {
		t.Errorf("present question: first hit %d (%s), want the December report", got[0].ID, got[0].DocID)
	}
	if got := a.adjust(pool(), false, TypeOther); got[0].ID != 1 {
		t.Errorf("past question: first hit %d, want the store's first", got[0].ID)
	}
	// The strongest five share a date: the pool's span still lets a
	// newer report below them rise.
	same := []document.Hit{hit(1, 1.0, "2025-03-01"), hit(2, 0.98, "2025-03-01"), hit(3, 0.96, "2025-03-01"),
		hit(4, 0.94, "2025-03-01"), hit(5, 0.92, "2025-03-01"), hit(6, 0.9, "2026-02-07"), hit(7, 0.5, "2023-10-02")}
	if got := a.adjust(same, true, TypeOther); got[0].ID != 6 {
		t.Errorf("present question over one date: first hit %d (%s), want the February report", got[0].ID, got[0].DocID)
	}
	// "Is Kenya still leading ...": the strongest five reach from 2023 to
	// October 2025; a report of February 2026 at 0.8 of the best, below
	// them, answers, and rises over the September ones; one as new but
	// far weaker does not.
	late := []document.Hit{hit(1, 1.23, "2023-10-02"), hit(2, 1.17, "2025-09-30"), hit(3, 1.16, "2025-10-15"),
		hit(4, 1.16, "2024-09-30"), hit(5, 1.14, "2025-03-28"), hit(6, 1.11, "2025-09-30"), hit(7, 0.99, "2026-02-07")}
	if got := a.adjust(late, true, TypeOther); got[0].ID != 7 {
		t.Errorf("present question, newest strong report below the five: first hit %d (%s), want the February report", got[0].ID, got[0].DocID)
	}
	weak := []document.Hit{hit(1, 1.23, "2023-10-02"), hit(2, 1.17, "2025-09-30"), hit(3, 1.16, "2025-10-15"),
		hit(4, 1.16, "2024-09-30"), hit(5, 1.14, "2025-03-28"), hit(6, 0.5, "2026-02-07")}
	if got := a.adjust(weak, true, TypeOther); got[0].ID == 6 {
		t.Errorf("present question: a weak newest report (%s) went first", got[0].DocID)
	}
	// "How many ... so far": a note dated when it was written gains no
	// newness for a count over the report that tells the figure; for
	// another question it still does.
	note := func(id int64, score float64, written string) document.Hit {
		h := hit(id, score, written)
		h.Doc.Origin = document.BundledOrigin + "note.md"
		return h
	}
	noted := func() []document.Hit {
		return []document.Hit{hit(1, 0.6, "2025-03-28"), note(2, 1.1, "2025-10-20"), hit(3, 0.5, "2024-06-25"), note(4, 0.9, "2025-10-20")}
	}
	if got := a.adjust(noted(), true, TypeCount); got[0].ID != 1 {
		t.Errorf("present count: first hit %d (%s), want the report, not the note", got[0].ID, got[0].DocID)
	}
	if got := a.adjust(noted(), true, TypeOther); got[0].ID != 2 {
		t.Errorf("present question: first hit %d (%s), want the newer note", got[0].ID, got[0].DocID)
	}
}

// TestHybridKeepsLexicalLead: the lexical list's first hybridLead places
// stay, even when the fused list's first is another passage (3, found by
// both lists); what only the dense list found (9) comes in after them.
func TestHybridKeepsLexicalLead(t *testing.T) {
	hit := func(id int64, score float64) document.Hit {
		h := document.Hit{Score: score}
		h.ID = id
		h.DocID = string(rune('a' + id))
		return h
	}
	lexical := []document.Hit{hit(1, 1), hit(2, 0.9), hit(3, 0.8), hit(4, 0.7), hit(5, 0.6)}
	dense := []document.Hit{hit(3, 0), hit(9, 0)}
	got := (&Answerer{}).hybrid(lexical, [][]document.Hit{dense}, false, TypeOther)
	var ids []int64
	for _, h := range got {
		ids = append(ids, h.ID)
	}
	if len(ids) != 6 || ids[0] != 1 || ids[1] != 2 || !slices.Contains(ids, 9) {
		t.Errorf("hybrid order %v, want the lexical 1, 2 first, then the rest and the dense 9", ids)
	}
}

// TestRivalsLast: a part of a comparison that names one body ("the 2025
// GSF resolution") puts below the rest the passages that name another
// body and not it (the 2023 vote on the MSS); a passage naming no body
// keeps its place.
func TestRivalsLast(t *testing.T) {
	lex := lexicon.New(config.Default().Topic.Aliases)
	hit := func(id int64, text string) document.Hit {
		return document.Hit{Passage: document.Passage{ID: id, Text: text}}
	}
	hits := []document.Hit{
		hit(1, "The Council authorized the Multinational Security Support mission by 13 votes."),
		hit(2, "The vote was held on a Tuesday."),
		hit(3, "The Gang Suppression Force was approved by 12 votes in favour."),
	}
	got := rivalsLast(lex, lex.Query("how did the council vote on the 2025 GSF resolution"), hits)
	var ids []int64
	for _, h := range got {
		ids = append(ids, h.ID)
	}
	if want := []int64{2, 3, 1}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	// Naming the other body's resolution number keeps its report in place.
	got = rivalsLast(lex, lex.Query("resolution 2699 had two abstentions: which country abstained on the GSF resolution"),
		[]document.Hit{hit(1, "Resolution 2699 on the Multinational Security Support mission had two abstentions."), hit(3, "The Gang Suppression Force vote.")})
	if got[0].ID != 1 {
		t.Errorf("the report holding 2699 went below: %v", got)
	}
}

// TestHowComeAsksWhy: "how come" asks for a reason and says nothing the
// passages should hold: "come" leaves the query.
func TestHowComeAsksWhy(t *testing.T) {
	a := newExtractive(t, openBundledStore(t))
	r, err := a.retrieve(context.Background(), Request{Question: "how come Kenya sent police to Haiti?"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.query, "come") || r.kind != TypeReason {
		t.Errorf("query %q, kind %v: want no 'come', a reason", r.query, r.kind)
	}
	// The turn before a follow-up is read the same way.
	r, err = a.retrieve(context.Background(), Request{Question: "and the US?",
		History: []Turn{{Role: "user", Text: "how come Kenya sent police to Haiti?"}}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.query, "come") || !strings.Contains(r.query, "Kenya") {
		t.Errorf("follow-up query %q: want the turn before, without 'come'", r.query)
	}
}

// TestNameFrameLeavesSearch: "what was the name of" says a name is wanted,
// and the store is not asked for the word ("by the name of" in a report
// is no answer); the question keeps it.
func TestNameFrameLeavesSearch(t *testing.T) {
	rec := &queryRecorder{Searcher: openBundledStore(t)}
	a := newExtractive(t, rec)
	r, err := a.retrieve(context.Background(), Request{Question: "What was the name of the first police officer killed?"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.texts) == 0 || !strings.Contains(r.query, "name") {
		t.Fatalf("queries %q, question read as %q", rec.texts, r.query)
	}
	for _, q := range rec.texts {
		if strings.Contains(q, "name") {
			t.Errorf("store asked %q: want no 'name'", q)
		}
	}
}

// queryRecorder is a Searcher that keeps the text of every query.
type queryRecorder struct {
	Searcher
	texts []string
}

func (r *queryRecorder) Search(ctx context.Context, q document.Query) ([]document.Hit, error) {
	r.texts = append(r.texts, q.Text)
	return r.Searcher.Search(ctx, q)
}

// TestAskedLanguageFirst: a question about the French-language press is
// answered by the French reports, whose words it does not share; a
// question naming France, or no language, keeps the store's order.
func TestAskedLanguageFirst(t *testing.T) {
	for q, want := range map[string]string{
		"What acronym does the French-language press use for the Gang Suppression Force?": lexicon.French,
		"what do francophone outlets call the new force?":                                 lexicon.French,
		"How is the force named in English reports?":                                      lexicon.English,
		"How much did the French government give?":                                        "",
		"What acronym does the press use for the force?":                                  "",
	} {
		if got := askedLanguage(q); got != want {
			t.Errorf("askedLanguage(%q) = %q, want %q", q, got, want)
		}
	}
	hit := func(id int64, lang string) document.Hit {
		h := document.Hit{}
		h.ID, h.Doc.Lang = id, lang
		return h
	}
	got := languageFirst([]document.Hit{hit(1, "en"), hit(2, "fr"), hit(3, "en"), hit(4, "fr")}, lexicon.French)
	if ids := []int64{got[0].ID, got[1].ID, got[2].ID, got[3].ID}; !slices.Equal(ids, []int64{2, 4, 1, 3}) {
		t.Errorf("languageFirst: order %v, want the French passages first, each part in its order", ids)
	}
}

// TestDateFrameAsksWhen: "in what year" asks for a date: the store reads
// "when" (the date cue stays), not the word "year", which "for one year"
// holds.
func TestDateFrameAsksWhen(t *testing.T) {
	rec := &queryRecorder{Searcher: openBundledStore(t)}
	a := newExtractive(t, rec)
	if _, err := a.retrieve(context.Background(), Request{Question: "In what year was the UN political office set up?"}); err != nil {
		t.Fatal(err)
	}
	if len(rec.texts) == 0 {
		t.Fatal("no query")
	}
	for _, q := range rec.texts {
		if strings.Contains(q, "year") || corpus.QuestionCue(q) != corpus.CueDate {
			t.Errorf("store asked %q: want 'when' for 'what year'", q)
		}
	}
}

// TestPartsOutletReportFirst: "..., and how many did Lanterne Daily
// report?" finds the report whose source line is Lanterne Daily's, though
// its passage holds none of the outlet's words and other reports hold
// more of the part's.
func TestPartsOutletReportFirst(t *testing.T) {
	docs := []corpus.Document{{Title: "Camps in the north", Source: "Lanterne Daily (Haiti)", URL: "https://example.org/lanterne",
		Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Text: "Aid workers counted 300 families in the northern camps."}}
	for i := range 8 {
		docs = append(docs, corpus.Document{Title: fmt.Sprintf("Displacement report %d", i), Source: "Wire", URL: fmt.Sprintf("https://example.org/wire%d", i),
			Published: time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC),
			Text:      fmt.Sprintf("The council said %d displaced families were counted in the capital, and more displaced families arrived in the camps.", 1000+i)})
	}
	a := newExtractive(t, openStoreWith(t, docs...))
	r := mustRetrieve(t, a, "how many displaced families did the council count in the capital, and how many families did Lanterne Daily report in the camps?")
	if !slices.ContainsFunc(r.hits, func(h document.Hit) bool { return strings.Contains(h.Text, "300 families") }) {
		t.Errorf("no passage of the outlet's report among %d hits", len(r.hits))
	}
	for source, want := range map[string]string{"Capital FM (Kenya)": "Capital FM ", "APP / UrduPoint (AFP)": "APP / UrduPoint  AFP", "EFE": "EFE"} {
		if got := outletName(source); got != want {
			t.Errorf("outletName(%q) = %q, want %q", source, got, want)
		}
	}
}
