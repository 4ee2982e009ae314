package brief

import (
	"context"
	"fmt"
	"testing"

	"github.com/mss-brief/briefbot/internal/document"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// TestOffTopicAbstains: a question that shares a word or two with the
// corpus but none of its subject abstains; one that names what the corpus
// holds, or uses its common words, does not.
func TestOffTopicAbstains(t *testing.T) {
	ctx := context.Background()
	st := openEmptyStore(t)
	texts := []string{
		"Tensions were boiling at one point as police turned a water cannon on the crowd at the high wall of City Hall.",
		"Kenyan police officers patrol Port-au-Prince, where gangs control most streets.",
		"Constable Samuel Kitwai was shot in Pont-Sonde during a gang ambush on police.",
		"Gangs attacked a police station north of the capital; officers repelled them.",
		"The police mission asked for more armoured vehicles to reach gang-held areas.",
	}
	for i, text := range texts {
		if _, err := st.Put(ctx, corpus.Document{Key: fmt.Sprint("doc", i), Title: "Report", Source: "Wire", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	a := newExtractive(t, st)
	for q, abstains := range map[string]bool{
		"What is the boiling point of water at high altitude?": true,
		"Where was Constable Samuel Kitwai shot?":              false,
		"What did the police use at City Hall?":                false,
	} {
		ans, err := a.Answer(ctx, Request{Question: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := ans.Mode == ModeAbstained; got != abstains {
			t.Errorf("%q: abstained = %v, want %v (%s)", q, got, abstains, ans.Text)
		}
	}
}

// TestGateWeightsByCorpus: the gate weighs a word every report uses
// ("Kenyan") far below a rare one ("salary") by the corpus's counts, where
// rarity among the passages found cannot tell them apart.
func TestGateWeightsByCorpus(t *testing.T) {
	lex := openEmptyStore(t).Analyzer()
	r := retrieval{question: "What is the salary of a Kenyan officer?", an: newAnalysis(lex)}
	r.asked = lex.Query(r.question)
	r.corpusN = 100
	for _, c := range r.asked {
		df := 1
		if c.Text != "salary" {
			df = 90
		}
		r.corpusDF = append(r.corpusDF, df)
	}
	local, gate := askedWeights(r), gateWeights(r)
	var salary, kenyan int
	for i, c := range r.asked {
		switch c.Text {
		case "salary":
			salary = i
		case "kenyan":
			kenyan = i
		}
	}
	// Without passages to tell them apart, the name counts double...
	if local[salary] >= local[kenyan] {
		t.Fatalf("local weights %v: salary not below the name kenyan", local)
	}
	// ... and by the corpus's counts the rare word outweighs it.
	if gate[salary] < 5*gate[kenyan] {
		t.Errorf("gate weights %v: salary %.2f is not far above kenyan %.2f", gate, gate[salary], gate[kenyan])
	}
}

// TestNamesCorpusOutlet: a question attributing its answer to an outlet
// in loose words is on topic when a top passage's source line is that
// outlet ("the think tank" is Crisis Group), not when it is another's or
// the question attributes nothing.
func TestNamesCorpusOutlet(t *testing.T) {
	lex := openEmptyStore(t).Analyzer()
	for _, tt := range []struct {
		question, source string
		want             bool
	}{
		{"what did the think tank say the outfit should wait for", "International Crisis Group", true},
		{"what did the think tank say the outfit should wait for", "Miami Herald", false},
		{"should the outfit wait for the think tank", "International Crisis Group", false},
		{"what did the miami herald say about the outfit", "Miami Herald (via ArcaMax)", true},
	} {
		r := retrieval{question: tt.question, an: newAnalysis(lex), asked: lex.Query(tt.question),
			hits: []document.Hit{{Doc: document.Document{Source: tt.source}}}}
		if got := namesCorpusOutlet(r); got != tt.want {
			t.Errorf("%q over %q: %v, want %v", tt.question, tt.source, got, tt.want)
		}
	}
}
