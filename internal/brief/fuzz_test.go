package brief

import (
	"context"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// FuzzAnswerExtractive: whatever a reader types, the extractive answerer
// answers or abstains, and never panics. The question rules read words by
// position ("which <thing>", a number and what it counts, a scene before a
// comma), which short and odd questions stress.
func FuzzAnswerExtractive(f *testing.F) {
	for _, q := range []string{
		"", "?", "which", "how many", "who", "Under which resolution", "what's the name of the",
		"how many kenyan police came in the first batch, and how many in the reinforcement?",
		"c'est quand exactement que le 2e contingent est arrivé ?", "which gang figures - was it viv ansanm?",
		"When was Godfrey Otunge appointed?", "du 11 au 14 août", "That mission? and when?", "$15 million in aid, and?",
		"under res 2743 how many staff", "who's the top official? need the name", "qui ? combien ? quand ?",
	} {
		f.Add(q)
	}
	day := time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)
	st := openStoreWith(f,
		corpus.Document{Title: "Kenya sends more police", Source: "Paper", URL: "https://example.org/more", Published: day,
			Text: "Kenya has deployed 217 more police officers to Haiti as backup. That mission stretched on from June 2004 until October 2017. " +
				"The appointment of Jack Christofides was announced by Force Commander Godfrey Otunge. Du 11 au 14 août 2025, la délégation kényane a visité Haïti."},
		corpus.Document{Title: "Les gangs", Source: "Journal", URL: "https://example.org/gangs", Published: day.AddDate(0, 1, 0),
			Text: "Le projet de résolution a été adopté en tant que résolution 2814. Elle a été créée en 2019. The Gran Grif gang attacked the town."})
	a := newExtractive(f, st)
	f.Fuzz(func(t *testing.T, q string) {
		ans, err := a.Answer(context.Background(), Request{Question: q})
		if err != nil {
			return // an empty or unreadable question is refused with an error
		}
		if ans.Mode == "" {
			t.Fatalf("%q: an answer without a mode", q)
		}
	})
}
