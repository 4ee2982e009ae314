package corpus

import (
	"context"
	"testing"
)

// TestHowLongAsksForASpan: "how long" is answered by a count of a unit of
// time ("within six months"), not by a date, and the passage holding one
// goes first.
func TestHowLongAsksForASpan(t *testing.T) {
	for q, want := range map[string]Cue{
		"How long does the Secretary-General have to set up the office?": CueSpan,
		"Within what timeframe was the office to be set up?":             CueSpan,
		"Combien de temps la mission est-elle restée ?":                  CueSpan,
		"When was the office set up?":                                    CueDate,
	} {
		if got := QuestionCue(q); got != want {
			t.Errorf("QuestionCue(%q) = %d, want %d", q, got, want)
		}
	}
	for sentence, want := range map[string]bool{
		"The office is to be set up within six months.":       true,
		"Il doit créer dans les six mois un bureau.":          true,
		"Tours last 90 days.":                                 true,
		"It ran from June 2004 until October 2017.":           true, // the two years it ran between
		"The fund will last until the end of September 2025.": true, // the date it runs until
		"Le mandat est renouvelé jusqu'au 31 janvier 2027.":   true,
		"The mandate expires on January 31.":                  false,
		"The mission was extended for one year.":              true,
		"It was set up in 2004, and renewed in 2004.":         false,
		"The office was set up on 30 September 2025.":         false,
		"The office has 2025 staff and several advisers.":     false,
	} {
		if got := CueSpan.MetBy(sentence); got != want {
			t.Errorf("CueSpan.MetBy(%q) = %v, want %v", sentence, got, want)
		}
	}
	s := openTestStore(t)
	ctx := context.Background()
	for _, d := range []Document{
		{Title: "Dated", Text: "The Secretary-General set up the support office on 30 September 2025 in Port-au-Prince."},
		{Title: "Span", Text: "The Secretary-General has six months to set up the support office."},
	} {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := s.Search(ctx, Query{Text: "How long does the Secretary-General have to set up the support office?", K: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Doc.Title != "Span" {
		t.Errorf("first hit %v, want the passage with the span", hits)
	}
}

// TestWhenAfterTheQuestionWordOpensAClause: "which country ... when ..."
// asks which country, so a sentence without a date is not halved; "when"
// that opens the question, or a second one, still asks for a date.
func TestWhenAfterTheQuestionWordOpensAClause(t *testing.T) {
	for q, want := range map[string]Cue{
		"Which country chaired the Security Council when resolution 2793 was adopted?": CueNone,
		"Who stood next to the prime minister when he spoke?":                          CueNone,
		"When was resolution 2793 adopted?":                                            CueDate,
		"Until when does the mandate run?":                                             CueDate,
		"What did the court decide, and when did the police land?":                     CueDate,
		"Is the force still there now, and since when?":                                CueDate,
		"Quel pays présidait le Conseil quand la résolution a été adoptée ?":           CueNone,
		"Quand la résolution a-t-elle été adoptée ?":                                   CueDate,
	} {
		if got := QuestionCue(q); got != want {
			t.Errorf("QuestionCue(%q) = %d, want %d", q, got, want)
		}
	}
}
