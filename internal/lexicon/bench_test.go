package lexicon

import (
	"strings"
	"testing"
)

// BenchmarkIndexTerms measures the analysis every indexed passage and every
// reranked sentence goes through, per word.
func BenchmarkIndexTerms(b *testing.B) {
	text := strings.Repeat("The UN Security Council on Monday renewed for one year the authorization of the "+
		"Kenya-led Multinational Security Support mission, which has 1,000 officers in Haiti; "+
		"le Conseil de sécurité a prolongé le mandat du Bureau intégré des Nations unies en Haïti. ", 20)
	a := New([][]string{{"MSS", "Multinational Security Support"}, {"BINUH", "Bureau intégré des Nations unies en Haïti"}})
	words := len(Tokens(text))
	b.ResetTimer()
	for b.Loop() {
		a.IndexTerms(text, "en")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
}
