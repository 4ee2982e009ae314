package brief

import (
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

func TestLatestStatedDate(t *testing.T) {
	tests := []struct {
		text string
		want string // "" when none
	}{
		{"Resolution 2793 was adopted on 30 September 2025, two days before 2 October 2025.", "2025-10-02"},
		{"The first officers landed in June 2024.", "2024-06-01"},
		{"On September 30, 2025 the Council voted.", "2025-09-30"},
		{"Le mandat court jusqu'au 31 janvier 2027.", "2027-01-31"},
		{"The mission has been planned since 2023.", ""},
		{"May the force hold; 5,550 personnel.", ""},
	}
	for _, tt := range tests {
		got, ok := latestStatedDate(tt.text)
		if tt.want == "" {
			if ok {
				t.Errorf("latestStatedDate(%q) = %v, want none", tt.text, got)
			}
			continue
		}
		want, _ := time.Parse("2006-01-02", tt.want)
		if !ok || !got.Equal(want) {
			t.Errorf("latestStatedDate(%q) = %v, %v; want %s", tt.text, got, ok, tt.want)
		}
	}
}

// TestAsOfOfBundledNote: a note we wrote is as new as the facts its quote
// states; a report is as new as its publication.
func TestAsOfOfBundledNote(t *testing.T) {
	written := time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC)
	note := corpus.Hit{Passage: corpus.Passage{DocID: "note"}, Doc: corpus.Document{Origin: corpus.BundledOrigin + "note.md", Published: written}}
	report := corpus.Hit{Passage: corpus.Passage{DocID: "report"}, Doc: corpus.Document{Origin: "https://example.org/r", Published: written}}
	r := retrieval{hits: []corpus.Hit{note, report}}
	quote := "Resolution 2793 was adopted on 30 September 2025."
	cite := func(id string) Citation { return Citation{DocID: id, Published: &written, Quote: quote} }
	if got := newestPublished([]Citation{cite("note")}, r); got == nil || got.Format(time.DateOnly) != "2025-09-30" {
		t.Errorf("as of the note = %v, want 2025-09-30", got)
	}
	if got := newestPublished([]Citation{cite("report")}, r); got == nil || !got.Equal(written) {
		t.Errorf("as of the report = %v, want %v", got, written)
	}
}

// TestAsOfLeavesOutExpectations: for a question about the present, a
// newer source's expectation ("is expected to reach") does not date the
// answer; for a question about what is expected, it does.
func TestAsOfLeavesOutExpectations(t *testing.T) {
	older := time.Date(2026, 1, 22, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC)
	cites := []Citation{
		{DocID: "a", Published: &older, Quote: "The force currently has about 1,000 personnel in Haiti."},
		{DocID: "b", Published: &newer, Quote: "The force is expected to reach 5,500 personnel by October."},
	}
	for q, want := range map[string]time.Time{
		"How many personnel does the force currently have?":              older,
		"How many personnel is the force now expected to reach by then?": newer,
	} {
		r := retrieval{question: q, kind: questionType(q), present: asksAboutPresent(q)}
		if !r.present {
			t.Fatalf("%q is not seen as a question about the present", q)
		}
		if got := newestPublished(cites, r); got == nil || !got.Equal(want) {
			t.Errorf("%q: as of %v, want %v", q, got, want)
		}
	}
}

// TestAsOfOfANameCountsAForecast: "what is the force called these days"
// asks a name, which a report's forecast ("the first contingents of the
// Gang Suppression Force are expected in April") states as of its day.
func TestAsOfOfANameCountsAForecast(t *testing.T) {
	older := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2026, 1, 23, 0, 0, 0, 0, time.UTC)
	cites := []Citation{
		{DocID: "a", Published: &newer, Quote: "The first contingents of the Gang Suppression Force are expected to arrive in April."},
		{DocID: "b", Published: &older, Quote: "Haiti is facing nearly 1.3 million internally displaced people."},
	}
	q := "What is the international force fighting Haiti's gangs called these days?"
	r := retrieval{question: q, kind: questionType(q), present: asksAboutPresent(q)}
	if !r.present {
		t.Fatalf("%q is not seen as a question about the present", q)
	}
	if got := newestPublished(cites, r); got == nil || !got.Equal(newer) {
		t.Errorf("as of %v, want %v", got, newer)
	}
}

// TestAsOfOfWhoRestsOnANamedSpeaker: a quote closing "Sing'Oei added"
// names who said it, and dates "which official said so".
func TestAsOfOfWhoRestsOnANamedSpeaker(t *testing.T) {
	older := time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2026, 2, 7, 0, 0, 0, 0, time.UTC)
	cites := []Citation{
		{DocID: "a", Published: &newer, Quote: "“We are in a good position to begin drawing down our deployment,” Sing’Oei added."},
		{DocID: "b", Published: &older, Quote: "“Our aim is clear,” said Carlos Ruiz Massieu, head of BINUH."},
	}
	q := "Is Kenya currently scaling back its police in Haiti, and which official said so?"
	r := retrieval{question: q, kind: questionType(q), present: asksAboutPresent(q)}
	if r.kind != TypeWho || !r.present {
		t.Fatalf("%q: kind %v, present %v", q, r.kind, r.present)
	}
	if got := newestPublished(cites, r); got == nil || !got.Equal(newer) {
		t.Errorf("as of %v, want %v", got, newer)
	}
}

// TestAsOfOfWhoRestsOnAPerson: "who runs the office" is dated by the quote
// that names a person, not by a newer one that names only bodies.
func TestAsOfOfWhoRestsOnAPerson(t *testing.T) {
	older := time.Date(2026, 1, 23, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2026, 1, 30, 0, 0, 0, 0, time.UTC)
	cites := []Citation{
		{DocID: "a", Published: &older, Quote: "Álvarez met Carlos Ruiz Massieu, head of BINUH, in New York."},
		{DocID: "b", Published: &newer, Quote: "The Security Council renewed the mandate of BINUH until January 2027."},
	}
	q := "Who currently runs BINUH?"
	r := retrieval{question: q, kind: questionType(q), present: asksAboutPresent(q)}
	if got := newestPublished(cites, r); got == nil || !got.Equal(older) {
		t.Errorf("as of %v, want %v", got, older)
	}
}
