package lexicon

import "testing"

// TestInstrumentMade: a creating word said of an instrument meets the
// reports' "authorized"/"adopted"; said of another doer, or with no
// instrument before it, it does not.
func TestInstrumentMade(t *testing.T) {
	a := New(nil)
	passage := "On 30 September, the Security Council authorized a new force in Haiti."
	bag := a.Bag(passage, English)
	for _, tc := range []struct {
		question, word string
		want           bool
	}{
		{"the vote that created the GSF", "created", true},
		{"How did the Council vote on the resolution creating the force?", "creating", true},
		{"the vote on the one creating the GSF", "creating", true},
		{"which resolution 2793 set up the force", "set", true},
		{"who created the trust fund", "created", false},
		{"the resolution asks the Secretary-General to create an office", "create", false},
		{"When was the office set up, and how many votes did the resolution get?", "set", false},
	} {
		got := false
		for _, c := range a.Query(tc.question) {
			if c.Text == tc.word {
				got = bag.Has(c)
			}
		}
		if got != tc.want {
			t.Errorf("%q: %q meets %q = %v, want %v", tc.question, tc.word, passage, got, tc.want)
		}
	}
}
