package brief

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// sharedCorpus is where the project's seed documents live on the machines
// that have them; the test is skipped elsewhere.
const sharedCorpus = "../../../shared/corpus"

// TestSharedCorpusExtractive answers questions about the numbers, dates,
// places and people in the seed documents, read as plain text the way
// ingestion would (no title, no date), beside the bundled notes.
func TestSharedCorpusExtractive(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedCorpus, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed corpus at " + sharedCorpus)
	}
	ctx := context.Background()
	st := openBundledStore(t)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Put(ctx, corpus.Document{Origin: f, Text: string(data)}); err != nil {
			t.Fatal(err)
		}
	}
	a := newExtractive(t, st)
	tests := []struct {
		question string
		file     string // the seed file that must be cited; "" when any cited source may hold the phrase
		phrase   string // what the cited quote must say
	}{
		{"How many Kenyan police officers will the force include?", "000_cb9efaeb434f3b68.txt", "1,000 Kenyan police officers"},
		{"When was the Tishkov article published?", "003_16475ea68197a9d0.txt", "2025-10-08"},
		{"Which member of Haiti's Transitional Presidential Council did Ruto meet?", "002_92b6e3cf3fb09413.txt", "Edgar Leblanc"},
		{"Which Barbados prime minister did Ruto meet?", "002_92b6e3cf3fb09413.txt", "Mia Amor Mottley"},
		{"Where did Ruto call for clear direction on the mission?", "", "Addis Ababa"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := a.Answer(ctx, Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeExtractive {
				t.Fatalf("mode %s (%s): %q", ans.Mode, ans.Note, ans.Text)
			}
			checkCitations(t, ans)
			found := false
			for _, c := range ans.Citations {
				h, _ := hitOf(ans.Passages, c.DocID)
				if (tt.file == "" || filepath.Base(h.Doc.Origin) == tt.file) && strings.Contains(c.Quote, tt.phrase) && strings.Contains(ans.Text, tt.phrase) {
					found = true
				}
			}
			if !found {
				t.Errorf("no citation of %s quoting %q in %q", tt.file, tt.phrase, ans.Text)
				for _, c := range ans.Citations {
					t.Logf("[%d] %s: %q", c.N, c.Title, c.Quote)
				}
			}
		})
	}
	ans, err := a.Answer(ctx, Request{Question: "What is the capital of Mongolia?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != ModeAbstained {
		t.Errorf("Mongolia: mode %s: %q", ans.Mode, ans.Text)
	}
}
