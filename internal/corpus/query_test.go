package corpus

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// TestSearchMeetsOtherForms: a question finds a passage that uses another
// form of its words (inflection, British spelling, a synonym group, a
// glossary name in another language), which the index knows through the
// same analysis as the query.
func TestSearchMeetsOtherForms(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
		// A size is a count: "the force's size" is answered by a figure.
		{"What is the authorized size of the force?", "The size of the force was debated.", CueQuantity, false},
		{"What headcount was the MSS expected to reach?", "It is expected to grow to around 2,500.", CueQuantity, true},
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

// TestIndexedRerankMatchesText: the rerank over the analysis the index
// holds orders and scores the pool exactly as the rerank that analyses the
// passages' text, on the bundled notes and on synthetic passages, for
// questions of every cue and with filters.
func TestIndexedRerankMatchesText(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	if _, err := s.LoadBundled(ctx); err != nil {
		t.Fatal(err)
	}
	g := corpustest.New(3)
	for i := range 300 {
		d := g.Doc(i, 120)
		if _, err := s.Put(ctx, Document{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Text: d.Text}); err != nil {
			t.Fatal(err)
		}
	}
	questions := []string{
		"How many Kenyan police officers are part of the force?",
		"When did the Security Council renew the mandate?",
		"Who leads the Gang Suppression Force?",
		"Combien de policiers kényans sont en Haïti ?",
		"How much money did Canada pledge to the trust fund?",
	}
	for range 60 {
		questions = append(questions, g.Question())
	}
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, q := range questions {
		concepts := s.queryConcepts(q)
		cue := QuestionCue(q)
		lang := lexicon.QuestionLang(q)
		s.ix.mu.RLock()
		terms := s.weighConcepts(concepts)
		var top []scored
		if len(terms) > 0 {
			top = s.ix.topK(terms, 40, queryFilter(Query{}))
		}
		order, ok := s.ix.rerankIndexed(top, concepts, cue, lang)
		s.ix.mu.RUnlock()
		if len(top) == 0 {
			continue
		}
		if !ok {
			t.Fatalf("%q: the index holds no analysis of its candidates", q)
		}
		hits, err := s.hitsByID(ctx, top)
		if err != nil {
			t.Fatal(err)
		}
		s.rerank(hits, concepts, cue, lang)
		if len(hits) != len(order) {
			t.Fatalf("%q: %d hits from the text, %d from the index", q, len(hits), len(order))
		}
		for i, h := range hits {
			if h.ID != order[i].id || h.Score != order[i].rank {
				t.Errorf("%q: place %d is passage %d (%v) from the text, %d (%v) from the index", q, i, h.ID, h.Score, order[i].id, order[i].rank)
				break
			}
		}
		compared++
	}
	if compared < len(questions)/2 {
		t.Fatalf("only %d of %d questions found candidates", compared, len(questions))
	}
}

// TestSearchRereadsReplacedText: a passage the index analysed that the
// store now holds with other text (another process replaced it and the
// index has not caught up) is reranked from the text read, not returned
// with the index's stale analysis.
func TestSearchRereadsReplacedText(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	if _, err := s.Put(ctx, Document{Key: "a", Title: "Air support", Text: "El Salvador pledged three helicopters to the operation."}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Search(ctx, Query{Text: "helicopters"}); err != nil {
		t.Fatal(err)
	}
	// Behind the index's back, as a write the log has not told it of yet.
	if _, err := s.db.ExecContext(ctx, `UPDATE passages SET text = 'Three helicopters landed at the airport in June.'`); err != nil {
		t.Fatal(err)
	}
	s.ix.mu.Lock()
	s.ix.applied = math.MaxInt64 // nothing to catch up on
	s.ix.mu.Unlock()
	q := "When did the helicopters land?"
	hits, err := s.Search(ctx, Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.Contains(hits[0].Text, "landed") {
		t.Fatalf("hits %+v, want the passage's new text", hits)
	}
	want := []Hit{hits[0]}
	s.rerank(want, s.queryConcepts(q), QuestionCue(q), lexicon.QuestionLang(q))
	if hits[0].Score != want[0].Score {
		t.Errorf("score %v, want %v from the text read", hits[0].Score, want[0].Score)
	}
}

// TestQuestionCueAsJoinedWords: QuestionCue, comparing tokens, says what
// finding the cue phrases in the question's folded words joined by
// spaces said, on generated questions and on cue words at the edges.
func TestQuestionCueAsJoinedWords(t *testing.T) {
	t.Parallel()
	joined := func(question string) Cue {
		q := " " + foldedWords(question) + " "
		for _, c := range []string{"how many", "how much", "number of", "how large", "how big", "combien", "cuantos", "cuantas", "cuanto"} {
			if strings.Contains(q, " "+c+" ") {
				return CueQuantity
			}
		}
		for _, c := range []string{"when", "what date", "what year", "which year", "what day", "since when", "quand", "cuando"} {
			if strings.Contains(q, " "+c+" ") {
				return CueDate
			}
		}
		return CueNone
	}
	questions := []string{"When?", "how", "How many", "many how", "What year, and how much?", "¿Cuántos policías?",
		"Since when has the number of officers grown?", "Whenever it rains", "the what-year question", "Quand ?", "",
		"What day was it, how big"}
	g := corpustest.New(9)
	for range 500 {
		questions = append(questions, g.Question())
	}
	cues := map[Cue]int{}
	for _, q := range questions {
		got, want := QuestionCue(q), joined(q)
		if got != want {
			t.Errorf("QuestionCue(%q) = %v, the joined words give %v", q, got, want)
		}
		cues[got]++
	}
	if cues[CueQuantity] == 0 || cues[CueDate] == 0 || cues[CueNone] == 0 {
		t.Errorf("cues met %v: want each kind", cues)
	}
}

// TestSearchMeetsWordNetSynonym: a question word no passage holds, in no
// paraphrase group, finds the passage holding a WordNet synonym of its
// first senses ("physicians" the doctors); the same word written as a
// name ("Physicians Without Borders") is not widened.
func TestSearchMeetsWordNetSynonym(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	mustPut(t, s, Document{Key: "doc", Title: "Field hospital", Text: "Two doctors arrived at the field hospital on Monday.", Source: "A"})
	mustPut(t, s, Document{Key: "other", Title: "Council", Text: "The council met on Monday to discuss the mandate.", Source: "B"})
	tests := []struct {
		q    string
		want string // "" for no hit from "doc" first
	}{
		{"where did the physicians go", "doc"},
		{"where did the automobiles go", ""}, // no synonym the passages hold
		{"Where did Physicians Without Borders go?", ""},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, Query{Text: tt.q, K: 1})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(hits) > 0 && hits[0].Doc.Key == "doc" {
			got = "doc"
		}
		if got != tt.want {
			t.Errorf("Search(%q) first = %v, want %q", tt.q, hits, tt.want)
		}
	}
}
