package brief

import (
	"cmp"
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// A word the question uses only inside a phrase supports a report that
// holds the phrase in some words, not one that holds the word elsewhere.
func TestPhrasesWhole(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	asked := an.lex.Query("is kenya still keeping its police in haiti or pulling back")
	whole := phrasesWhole(asked)
	weigh := func(cs []lexicon.Concept) []float64 {
		w := make([]float64, len(cs))
		for i := range w {
			w[i] = 1
		}
		return w
	}
	tests := []struct {
		sentence string
		want     int // the sign of coverage with phrases whole less coverage by words
	}{
		{"The United Nations-backed force reached Haiti.", -1},
		{"Kenya is pulling back its police from Haiti.", 0},
		{"Kenya will begin drawing down its deployment in Haiti.", 1}, // the phrase in other words: "back" is there
	}
	for _, tt := range tests {
		bag := an.bag(tt.sentence, "en")
		words, phrases := askedCoverage(bag, asked, weigh(asked)), askedCoverage(bag, whole, weigh(whole))
		if got := cmp.Compare(phrases, words); got != tt.want {
			t.Errorf("%q: coverage %.2f with phrases whole, %.2f by words", tt.sentence, phrases, words)
		}
	}
	// A particle in no group is left out.
	for _, c := range phrasesWhole(an.lex.Query("did they hold back the vote")) {
		if c.Text == "back" || c.Inner && len(c.Related) == 0 {
			t.Errorf("particle kept: %+v", c)
		}
	}
}
