package corpus

import (
	"context"
	"math"
	"testing"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// TestLightVerbsCapped: a light verb opening a grouped phrase weighs at
// most its question's mean other concept, in the rerank and in BM25; a
// light verb in no group, and every other word, keep their weight.
func TestLightVerbsCapped(t *testing.T) {
	c := func(text string, w float64, related ...string) concept {
		return concept{Concept: lexicon.Concept{Text: text, Forms: []string{text}, Related: related}, weight: w}
	}
	tests := []struct {
		name     string
		concepts []concept
		want     []float64 // the concepts' weights after
		wantTerm float64   // the first concept's own term's weight after
	}{
		{"grouped light verb capped", []concept{c("put", 2.2, "_p_freeze"), c("kenya", 0.4), c("deployment", 1.0)}, []float64{0.7, 0.4, 1.0}, 0.7 / 2.2},
		{"light verb in no group kept", []concept{c("put", 2.2), c("kenya", 0.4), c("deployment", 1.0)}, []float64{2.2, 0.4, 1.0}, 1},
		{"light verb below the mean kept", []concept{c("set", 0.5, "_p_created"), c("office", 0.9), c("unsoh", 1.5)}, []float64{0.5, 0.9, 1.5}, 1},
		{"other words kept", []concept{c("pledged", 2.2, "_p_promise"), c("kenya", 0.4)}, []float64{2.2, 0.4}, 1},
		{"alone kept", []concept{c("getting", 2.8, "becom")}, []float64{2.8}, 1},
	}
	for _, tt := range tests {
		terms := []queryTerm{{term: tt.concepts[0].Text, weight: 1}, {term: firstRelated(tt.concepts[0]), weight: relatedWeight}}
		terms = lightVerbsCapped(tt.concepts, terms)
		for i, w := range tt.want {
			if math.Abs(tt.concepts[i].weight-w) > 1e-9 {
				t.Errorf("%s: %s weighs %v, want %v", tt.name, tt.concepts[i].Text, tt.concepts[i].weight, w)
			}
		}
		if math.Abs(terms[0].weight-tt.wantTerm) > 1e-9 {
			t.Errorf("%s: term %s weighs %v, want %v", tt.name, terms[0].term, terms[0].weight, tt.wantTerm)
		}
		if terms[1].weight != relatedWeight {
			t.Errorf("%s: the group's term weighs %v, want it left at %v", tt.name, terms[1].weight, relatedWeight)
		}
	}
}

// firstRelated is the concept's first related term, "" when it has none.
func firstRelated(c concept) string {
	if len(c.Related) == 0 {
		return ""
	}
	return c.Related[0]
}

// TestTranslatedTermsCountFullyInBM25: a French question's related terms
// count at weight 1 in English passages and at relatedWeight in French
// ones; an English question's stay at relatedWeight everywhere, and no
// word of its own changes.
func TestTranslatedTermsCountFullyInBM25(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	mustPut(t, s, Document{Key: "en", Title: "A", Text: "Otunge spoke to reporters at the base.", Source: "A", Lang: "en"})
	mustPut(t, s, Document{Key: "fr", Title: "B", Text: "Otunge a parlé aux journalistes à la base.", Source: "B", Lang: "fr"})
	mustPut(t, s, Document{Key: "x", Title: "C", Text: "Heavy rain fell on the coast.", Source: "C", Lang: "en"})
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	stem := s.lex.Analyze("Otunge", lexicon.English)[0].Stem
	if fr := s.lex.Analyze("Otunge", lexicon.French)[0].Stem; fr != stem {
		t.Fatalf("the name stems as %q in English, %q in French", stem, fr)
	}
	scores := func(lang string, weight float64) map[string]float64 {
		s.ix.mu.RLock()
		defer s.ix.mu.RUnlock()
		terms := translatedTerms([]queryTerm{s.ix.queryTerm(stem, weight)}, lang)
		out := map[string]float64{}
		for _, sc := range s.ix.topK(terms, 10, queryFilter(Query{})) {
			out[s.ix.meta[sc.ord].lang] = sc.score
		}
		return out
	}
	own := scores(lexicon.French, 1)
	asked := scores(lexicon.English, relatedWeight)
	translated := scores(lexicon.French, relatedWeight)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-5*math.Max(1, b) }
	if !near(translated[lexicon.English], own[lexicon.English]) {
		t.Errorf("asked in French, an English passage's translation scores %v, want the word's %v", translated[lexicon.English], own[lexicon.English])
	}
	if !near(translated[lexicon.French], relatedWeight*own[lexicon.French]) {
		t.Errorf("asked in French, a French passage's related term scores %v, want %v", translated[lexicon.French], relatedWeight*own[lexicon.French])
	}
	if !near(asked[lexicon.English], relatedWeight*own[lexicon.English]) {
		t.Errorf("asked in English, an English passage's related term scores %v, want %v", asked[lexicon.English], relatedWeight*own[lexicon.English])
	}
}
