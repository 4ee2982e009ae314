package corpus

import (
	"context"
	"math"
	"testing"
)

// putAll stores docs and brings the index up to date.
func putAll(t *testing.T, s *Store, docs ...Document) {
	t.Helper()
	ctx := context.Background()
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ix.catchUp(ctx, s.db); err != nil {
		t.Fatal(err)
	}
}

// termsOf is weighConcepts' terms for q, by term, and its concepts.
func termsOf(s *Store, q string) (map[string]queryTerm, []concept) {
	concepts := s.queryConcepts(q)
	s.ix.mu.RLock()
	defer s.ix.mu.RUnlock()
	out := map[string]queryTerm{}
	for _, qt := range s.weighConcepts(concepts) {
		out[qt.term] = qt
	}
	return out, concepts
}

// TestFrenchStemWeighedAmongFrenchReports: "hait" (Haïti) is in the one
// French report, so among French reports it is as common as "haiti" among
// English ones, not the rarest word of the corpus; a cognate's stem
// ("ceremon" of "ceremony") keeps the corpus's idf.
func TestFrenchStemWeighedAmongFrenchReports(t *testing.T) {
	s := openTestStore(t)
	putAll(t, s,
		Document{Title: "One", Lang: "en", Text: "Gangs control most of the capital of Haiti."},
		Document{Title: "Two", Lang: "en", Text: "Police in Haiti patrolled the roads."},
		Document{Title: "Three", Lang: "en", Text: "Donors met to discuss Haiti and its police."},
		Document{Title: "Quatre", Lang: "fr", Text: "Le président a tenu une cérémonie officielle pour la police en Haïti."})
	terms, _ := termsOf(s, "Where was the ceremony for the police going to Haiti?")
	hait, ok := terms["hait"]
	if !ok {
		t.Fatalf("no term hait among %v", terms)
	}
	haiti := terms["haiti"]
	if got, common := s.ix.termIDF(hait), s.ix.termIDF(haiti); got > common {
		t.Errorf("idf of hait %.2f, above haiti's %.2f", got, common)
	}
	ceremon, ok := terms["ceremon"]
	if !ok || !ceremon.anyLanguage {
		t.Fatalf("ceremon: %+v, want a cognate's stem", ceremon)
	}
	if got, want := s.ix.termIDF(ceremon), idf(s.ix.live, 1); math.Abs(got-want) > 1e-9 {
		t.Errorf("idf of ceremon %.2f, want the corpus's %.2f", got, want)
	}
}

// TestTranslationCountsAsTheWord: the French report cannot hold "ceiling",
// which English reports write; its "plafond" counts as the word, so its
// sentence scores as the English one does.
func TestTranslationCountsAsTheWord(t *testing.T) {
	s := openTestStore(t)
	putAll(t, s,
		Document{Title: "Force", Lang: "en", Text: "The force has a ceiling of 5,550 personnel."},
		Document{Title: "Force", Lang: "fr", Text: "La force a un plafond de 5 550 personnels."})
	q := "What is the ceiling of the force?"
	_, concepts := termsOf(s, q)
	var en, fr Hit
	en.Text, en.Doc.Lang = "The force has a ceiling of 5,550 personnel.", "en"
	fr.Text, fr.Doc.Lang = "La force a un plafond de 5 550 personnels.", "fr"
	cue := QuestionCue(q)
	if e, f := s.bestScore(en, concepts, cue), s.bestScore(fr, concepts, cue); math.Abs(e-f) > 1e-9 {
		t.Errorf("English sentence %.3f, French %.3f: want the same", e, f)
	}
}
