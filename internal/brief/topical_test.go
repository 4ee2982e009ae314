package brief

import (
	"context"
	"fmt"
	"testing"

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
