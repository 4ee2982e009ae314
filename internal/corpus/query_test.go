package corpus

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// TestSearchMeetsOtherForms: a question finds a passage that uses another
// form of its words (inflection, British spelling, a synonym group, a
// glossary name in another language), which the index knows through the
// same analysis as the query.
func TestSearchMeetsOtherForms(t *testing.T) {
	ctx := context.Background()
	glossary := [][]string{{"BINUH", "United Nations Integrated Office in Haiti", "Bureau intégré des Nations unies en Haïti"}}
	s, err := Open(ctx, filepath.Join(t.TempDir(), "c.db"), WithAnalyzer(lexicon.New(glossary)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := []Document{
		{Key: "renew", Title: "Council vote", Text: "The Council voted on renewing the mandate for another year.", Source: "A"},
		{Key: "heli", Title: "Air support", Text: "El Salvador pledged three helicopters to the operation.", Source: "B"},
		{Key: "binuh", Title: "Mandat", Text: "Le Bureau intégré des Nations unies en Haïti voit son mandat prolongé.", Source: "C", Lang: "fr"},
		{Key: "other", Title: "Weather", Text: "Heavy rain fell on the northern coast during the week.", Source: "D"},
	}
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ q, want string }{
		{"When was the mandate renewed?", "renew"},
		{"How many choppers were promised?", "heli"},
		{"What happened to the BINUH mandate?", "binuh"},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, Query{Text: tt.q, K: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Doc.Key != tt.want {
			got := "nothing"
			if len(hits) > 0 {
				got = hits[0].Doc.Key
			}
			t.Errorf("Search(%q) found %s first, want %s", tt.q, got, tt.want)
		}
	}
}

func TestQuestionCue(t *testing.T) {
	tests := []struct {
		q, sentence string
		cue         Cue
		met         bool
	}{
		{"How many officers arrived?", "About 400 officers arrived.", CueQuantity, true},
		{"How many officers arrived?", "They arrived on 25 June 2024.", CueQuantity, false},
		{"When did they arrive?", "They arrived in June.", CueDate, true},
		{"Combien de policiers?", "Des policiers sont arrivés.", CueQuantity, false},
		{"Who leads it?", "Kenya leads it.", CueNone, true},
	}
	for _, tt := range tests {
		c := QuestionCue(tt.q)
		if c != tt.cue || c.MetBy(tt.sentence) != tt.met {
			t.Errorf("QuestionCue(%q) = %v, MetBy(%q) = %v; want %v, %v", tt.q, c, tt.sentence, c.MetBy(tt.sentence), tt.cue, tt.met)
		}
	}
}

func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{
		"How many Kenyan police officers are part of the force?",
		`"unbalanced quote`, "NEAR(a b) AND OR NOT", "col:term", "* ^ - + ( )", "police*",
		"", "   ", "\x00\xff\xfe", "日本語 の 質問", "Haïti – résolution 2793 ?", "a b c d e f g h i j k l m n o p",
	} {
		f.Add(s)
	}
	ctx := context.Background()
	s := openTestStore(f)
	if _, err := s.LoadBundled(ctx); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(ctx, Query{Text: q, K: 3})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) > 3 {
			t.Fatalf("Search(%q) gave %d hits, more than K", q, len(hits))
		}
	})
}

// TestAnalysisCache: a passage id whose text changed (a rowid reused after
// a delete) is analysed afresh, and the cache stays within its bound.
func TestAnalysisCache(t *testing.T) {
	s := openTestStore(t)
	s.analysed = newAnalysisCache(2)
	first := s.sentences(1, "Helicopters landed in the capital.", "en")
	if !first[0].bag["helicopt"] {
		t.Fatalf("first analysis lacks its stem: %v", first[0].bag)
	}
	again := s.sentences(1, "Police officers arrived by road.", "en")
	if again[0].bag["helicopt"] || !again[0].bag["polic"] {
		t.Errorf("reused id kept the old analysis: %v", again[0].bag)
	}
	for id := int64(2); id <= 5; id++ {
		s.sentences(id, "Some text to analyse here.", "en")
	}
	if n := s.analysed.order.Len(); n != 2 || len(s.analysed.items) != 2 {
		t.Errorf("cache holds %d entries (%d indexed), want 2", n, len(s.analysed.items))
	}
}
