package brief

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// TestSceneWord: the word that pins a sentence to the thing asked is the
// question's rarest word of the corpus that at most sceneDocs passages
// write; a word no report writes is the reader's own and pins nothing, nor
// does one many reports write.
func TestSceneWord(t *testing.T) {
	lex := openEmptyStore(t).Analyzer()
	tests := []struct {
		question string
		df       map[string]int // corpus passages per word; 40 when absent
		want     string         // "" for none
	}{
		{"who threatened to sink the idea of turning it into a peacekeeping operation", map[string]int{"idea": 1, "sink": 0, "threatened": 5}, "idea"},
		{"who threatened to sink the idea of turning it into a peacekeeping operation", map[string]int{"idea": 2, "turning": 1, "sink": 0}, "turning"},
		{"who threatened to sink the plan", map[string]int{"sink": 0, "threatened": 5}, ""},
		{"who commands the contingent", map[string]int{"contingent": 10}, ""},
	}
	for _, tt := range tests {
		r := retrieval{question: tt.question, an: newAnalysis(lex)}
		r.asked = lex.Query(r.question)
		r.corpusN = 60
		for _, c := range r.asked {
			df, ok := tt.df[c.Text]
			if !ok {
				df = 40
			}
			r.corpusDF = append(r.corpusDF, df)
		}
		got := ""
		if c := sceneWord(r, gateWeights(r), r.an.namedSet(r.question), nil); c != nil {
			got = c.Text
		}
		if got != tt.want {
			t.Errorf("%q: scene %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestDoerByTheSceneWord: "who threatened to sink the idea ..." asks in the
// reader's verb; a sentence holding the rare word the question pins the
// thing by ("idea") and naming doers answers. A question whose words many
// reports write pins nothing, and the verb must still be told.
func TestDoerByTheSceneWord(t *testing.T) {
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	docs := []corpus.Document{
		{Title: "The mission's funding", Source: "Wire", URL: "https://example.org/a", Published: day,
			Text: "Several governments wanted the Haiti mission turned into a UN peacekeeping operation with assessed funding, but that idea was set aside because China and Russia were opposed."},
		{Title: "The mission grows", Source: "Paper", URL: "https://example.org/b", Published: day,
			Text: "The mission received 200 more officers from Kenya and Jamaica in January."},
		{Title: "The mission at the airport", Source: "Daily", URL: "https://example.org/c", Published: day,
			Text: "The mission keeps its base at the airport, where Guatemala and El Salvador sent soldiers."},
	}
	// A word is rare only in a corpus of some size: twenty more reports.
	for i := range 20 {
		docs = append(docs, corpus.Document{Title: fmt.Sprintf("Patrol report %d", i), Source: "Desk", URL: fmt.Sprintf("https://example.org/p%d", i), Published: day,
			Text: fmt.Sprintf("Patrol %d of the mission went through the district of Delmas and met residents.", i)})
	}
	a := newExtractive(t, openStoreWith(t, docs...))
	tests := []struct {
		question string
		answered bool
	}{
		{"who threatened to derail the idea of turning the mission into a peacekeeping operation", true},
		{"who threatened to derail the mission", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans := askAnswered(t, a, tt.question, tt.answered)
			if tt.answered && !strings.Contains(ans.Text, "China and Russia") {
				t.Errorf("answer lacks the doers: %s", ans.Text)
			}
		})
	}
}
