package brief

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// TestConflictsNewerDisagrees: two reports of one figure at different
// dates are both shown, the newer named as such; reports about different
// things, or agreeing, are no conflict.
func TestConflictsNewerDisagrees(t *testing.T) {
	tests := []struct {
		name     string
		older    string
		newer    string
		question string
		want     bool
	}{
		{"figure changed", "The force had 970 officers on the ground in Haiti.", "The force now has about 1,000 officers on the ground in Haiti.",
			"How many officers does the force have on the ground in Haiti?", true},
		{"same figure", "The force had 970 officers on the ground in Haiti.", "The force still has 970 officers on the ground in Haiti.",
			"How many officers does the force have on the ground in Haiti?", false},
		{"another country", "Kenya has 750 officers deployed in Haiti.", "Chad is set to deploy 800 officers to Haiti.",
			"How many Kenyan officers are deployed in Haiti?", false},
		{"a question about two figures", "About 400 Kenyan officers came with the first deployment to Haiti.", "Some 217 more Kenyan officers came to Haiti as a reinforcement.",
			"How many Kenyan officers came with the first deployment to Haiti, and how many came as a reinforcement?", false},
		{"not a value question", "Kenya leads the force in Haiti.", "Kenya handed over the lead of the force in Haiti.",
			"Who leads the force in Haiti?", false},
		{"the holder of a role changed", "The UN special representative in Haiti, Maria Isabel Salvador, welcomed the vote.",
			"The UN special representative in Haiti, Carlos Ruiz Massieu, met the minister.",
			"Who is the UN special representative in Haiti?", true},
		{"a deputy is not the holder", "The force commander, Godfrey Otunge, toured the base.",
			"The deputy force commander, Kevron Henry, toured the base.",
			"Who is the force commander?", false},
		{"another body's role", "The UN special representative in Haiti, Carlos Ruiz Massieu, welcomed the vote.",
			"The GSF Special Representative in Haiti, Jack Christofides, met the minister.",
			"Who is the UN special representative in Haiti?", false},
		{"the same holder", "The UN special representative in Haiti, Carlos Ruiz Massieu, welcomed the vote.",
			"The UN special representative in Haiti, Carlos Ruiz Massieu, met the minister.",
			"Who is the UN special representative in Haiti?", false},
		{"the same holder, written shorter", "The UN special representative in Haiti, Carlos Ruiz Massieu, welcomed the vote.",
			"Special Representative Ruiz Massieu met the minister in Haiti for the UN.",
			"Who is the UN special representative in Haiti?", false},
		{"a name without the role", "The force commander, Godfrey Otunge, toured the base in Haiti.",
			"The force commander's officers, back from a long patrol in the north, met President William Ruto in Haiti.",
			"Who is the force commander in Haiti?", false},
		{"a holder named twice is one holder", "The UN special representative in Haiti, Maria Isabel Salvador, welcomed the vote.",
			"The UN special representative in Haiti, Carlos Ruiz Massieu, met the minister; Carlos Ruiz Massieu then left.",
			"Who is the UN special representative in Haiti?", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st := openEmptyStore(t)
			for i, d := range []struct {
				text string
				at   time.Time
			}{{tt.older, time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)}, {tt.newer, time.Date(2026, 1, 22, 0, 0, 0, 0, time.UTC)}} {
				if _, err := st.Put(ctx, corpus.Document{Key: "doc" + string(rune('a'+i)), Title: "Report", Source: "Wire", Published: d.at, Text: d.text}); err != nil {
					t.Fatal(err)
				}
			}
			ans, err := newExtractive(t, st).Answer(ctx, Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(ans.Conflicts) > 0; got != tt.want {
				t.Fatalf("conflicts = %+v, want conflict %v (answer %q)", ans.Conflicts, tt.want, ans.Text)
			}
			if !tt.want {
				return
			}
			c := ans.Conflicts[0]
			older, newer := ans.Citations[c.Older-1], ans.Citations[c.Newer-1]
			if !newer.Published.After(*older.Published) || !strings.Contains(ans.Text, "Sources disagree") {
				t.Errorf("conflict %+v: older %v, newer %v; answer %q", c, older.Published, newer.Published, ans.Text)
			}
		})
	}
}

func TestStatedValues(t *testing.T) {
	tests := []struct {
		kind     AnswerType
		sentence string
		want     []string
	}{
		{TypeCount, "DEVELOPMENT 3: the force deploys about 1,000 personnel under resolution 2793 since June 2024.", []string{"1,000"}},
		{TypeCount, "It had aimed at 2,500 but stalled at 970 on 30 September.", []string{"2,500", "970"}},
		{TypeDate, "The mandate runs until 15 July 2025, and then until January 2027.", []string{"July 2025", "January 2027"}},
	}
	for _, tt := range tests {
		if got := statedValues(tt.kind, tt.sentence); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("statedValues(%s, %q) = %q, want %q", tt.kind, tt.sentence, got, tt.want)
		}
	}
}
