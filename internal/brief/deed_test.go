package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

func TestLabelDeeds(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	label := an.lex.Query("resolution")[0]
	tests := []struct {
		sentence    string
		deeds, refs string
	}{
		{"On Tuesday, the UNSC adopted Resolution 2793, authorizing the GSF.", "2793", ""},
		{"By unanimously adopting Resolution 2751 (2024), the Council extended the authorization.", "2751", ""},
		{"Resolution 2793 authorised the GSF for an initial 12 months.", "2793", ""},
		{"The Gang Suppression Force authorized under UNSC Resolution 2793 currently deploys 1,000 personnel.", "", "2793"},
		{"The office was established on 30 September 2025 by UN security Council Resolution 2793.", "", "2793"},
		{"Under the adopted Security Council Resolution 2793 (2025), UNSOH is mandated to provide:", "", "2793"},
		{"The GSF was created under Resolution 2793, which replaced Resolution 2751.", "2751", "2793"},
		{"The force has 1,000 personnel.", "", ""},
	}
	for _, tt := range tests {
		deeds, refs := labelDeeds(an, tt.sentence, "en", label)
		if got := strings.Join(deeds, " "); got != tt.deeds {
			t.Errorf("labelDeeds(%q) deeds = %q, want %q", tt.sentence, got, tt.deeds)
		}
		if got := strings.Join(refs, " "); got != tt.refs {
			t.Errorf("labelDeeds(%q) refs = %q, want %q", tt.sentence, got, tt.refs)
		}
	}
}

// TestDeedOverMention: "the most recent resolution authorizing the force"
// opens with the report of the act, not with a newer report that names
// the resolution in passing, and the passing mention is left out.
func TestDeedOverMention(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	q := "What is the most recent Security Council resolution authorizing the force?"
	act := time.Date(2025, 10, 2, 0, 0, 0, 0, time.UTC)
	later := time.Date(2026, 1, 22, 0, 0, 0, 0, time.UTC)
	hit := func(id int64, text string, d time.Time, origin string) document.Hit {
		return document.Hit{Passage: document.Passage{ID: id, DocID: origin, Text: text}, Doc: document.Document{Published: d, Lang: "en", Origin: origin}}
	}
	mention := "The force authorized under UNSC Resolution 2793 currently deploys about 1,000 personnel."
	deed := "On Tuesday, the UNSC adopted Resolution 2793, authorizing the force."
	note := "Resolution 2793 authorised the force for an initial 12 months."
	r := retrieval{question: q, asked: an.lex.Query(q), kind: questionType(q), present: asksAboutPresent(q), an: an, hits: []document.Hit{
		hit(1, mention, later, "later"),
		hit(2, deed, act, "act"),
		hit(3, note, later.AddDate(0, 1, 0), document.BundledOrigin+"note"),
	}}
	w := askedWeights(r)
	slot := answerSlot{kind: r.kind}
	picked := []sentenceCandidate{{hit: 0, text: mention, bag: an.bag(mention, "en")}}
	got := deedOverMention(r, w, slot, picked, nil)
	if len(got) != 1 || got[0].text != deed {
		var texts []string
		for _, c := range got {
			texts = append(texts, c.text)
		}
		t.Errorf("deedOverMention = %q, want only %q", texts, deed)
	}
	// A question not about the present keeps its lead.
	r.present = false
	if got := deedOverMention(r, w, slot, picked, nil); got[0].text != mention {
		t.Errorf("not about the present: lead %q", got[0].text)
	}
}

func TestAsksForPerson(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	for q, want := range map[string]bool{
		"Who currently heads BINUH?":                          true,
		"Whose officers currently make up most of the force?": false,
		"whose troops are on the ground now":                  false,
		"Whose idea was the new force?":                       true,
		"Which country most recently offered troops?":         false,
		"Which official said so?":                             true,
	} {
		r := retrieval{question: q, an: an}
		if got := asksForPerson(r); got != want {
			t.Errorf("asksForPerson(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAsOfOfACountryIsNotAPersons: "which country" is not dated by the
// older quote that names a person.
func TestAsOfOfACountryIsNotAPersons(t *testing.T) {
	older := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC)
	cites := []Citation{
		{DocID: "a", Published: &newer, Quote: "Currently, the force consists mainly of Kenyan officers."},
		{DocID: "b", Published: &older, Quote: "The group includes the Kenyan Force Commander Godfrey Otunge."},
	}
	q := "Which country currently provides most of the force's officers?"
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	r := retrieval{question: q, kind: questionType(q), present: asksAboutPresent(q), an: an}
	if r.kind != TypeWho {
		t.Fatalf("%q: kind %v", q, r.kind)
	}
	if got := newestPublished(cites, r); got == nil || !got.Equal(newer) {
		t.Errorf("as of %v, want %v", got, newer)
	}
}

// TestAsOfOfANoteQuoteStatingNoDate: a note's quote that states no date
// does not date the answer beside a report that is dated; alone, it does.
func TestAsOfOfANoteQuoteStatingNoDate(t *testing.T) {
	report := time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC)
	written := time.Date(2025, 10, 10, 0, 0, 0, 0, time.UTC)
	r := retrieval{question: "Is the US contribution still on pause?", hits: []document.Hit{
		{Passage: document.Passage{DocID: "note"}, Doc: document.Document{Origin: document.BundledOrigin + "funding.md"}},
	}}
	r.kind, r.present = questionType(r.question), asksAboutPresent(r.question)
	note := Citation{DocID: "note", Published: &written, Quote: "Canada and several other states contribute through the trust fund."}
	wire := Citation{DocID: "wire", Published: &report, Quote: "The US has frozen its contribution to the trust fund."}
	if got := newestPublished([]Citation{note, wire}, r); got == nil || !got.Equal(report) {
		t.Errorf("note beside a report: as of %v, want %v", got, report)
	}
	if got := newestPublished([]Citation{note}, r); got == nil || !got.Equal(written) {
		t.Errorf("note alone: as of %v, want %v", got, written)
	}
}
