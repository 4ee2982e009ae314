package brief

import "testing"

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
		if c := sceneWord(r, gateWeights(r)); c != nil {
			got = c.Text
		}
		if got != tt.want {
			t.Errorf("%q: scene %q, want %q", tt.question, got, tt.want)
		}
	}
}
