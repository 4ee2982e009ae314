package brief

import (
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// ownerSlot is the slot of a question over the sentences given as the
// top passages' bags.
func ownerSlot(t *testing.T, an *analysis, question string, sents []string) (answerSlot, []termBag) {
	t.Helper()
	r := retrieval{question: question, asked: an.lex.Query(question), kind: questionType(question), an: an}
	var bags []termBag
	for _, s := range sents {
		bags = append(bags, an.bag(s, "en"))
	}
	return slotOf(r, make([]float64, len(r.asked)), bags), bags
}

// TestWhoseRole: a role written with another owner in its phrase is
// another's; with the asked one, the asked one's; with none, unwritten.
func TestWhoseRole(t *testing.T) {
	tests := []struct {
		question, sentence string
		want               int
	}{
		{"Who is the Bahamian foreign minister?", "Then-Kenyan Foreign Minister Alfred Mutua stated that Spain would deploy.", ownedByOther},
		{"Who is the Bahamian foreign minister?", "The announcement came at a meeting with Dominican Republic Foreign Minister Roberto Álvarez.", ownedByOther},
		{"Who is the Bahamian foreign minister?", "Haiti's Foreign Minister Jean-Victor Harvel Jean-Baptiste spoke at the Council.", ownedByOther},
		{"Who is Haiti's foreign minister?", "Haiti's Foreign Minister Jean-Victor Harvel Jean-Baptiste spoke at the Council.", ownedByAsked},
		{"Who is the Haitian foreign minister?", "Haiti's Foreign Minister Jean-Victor Harvel Jean-Baptiste spoke at the Council.", ownedByAsked},
		{"Who is the foreign minister of Jamaica?", "Then-Kenyan Foreign Minister Alfred Mutua stated that Spain would deploy.", ownedByOther},
		{"Who is Panama's ambassador?", "Introducing the text, Ambassador Eloy Alfaro de Alba of Panama stressed the urgency.", ownedByAsked},
		{"Who is Canada's ambassador to the UN?", "The vote offers hope, said Mike Waltz, the US Ambassador to the UN.", ownedByOther},
		{"Who is Canada's ambassador to the UN?", "The U.S. Permanent Representative to the UN hailed the decision.", ownerUnwritten}, // another role word
		{"Who is Kenya's national security adviser?", "The National Security Adviser, Jane Wanjiru, said the mission goes on.", ownerUnwritten},
		{"Who is the Bahamian foreign minister?", "Minister Álvarez emphasized the urgency of the deployment.", ownerUnwritten},
		{"Who is the Bahamian foreign minister?", "The force is led by Kenya.", ownerUnwritten}, // no role written
	}
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	for _, tt := range tests {
		t.Run(tt.question+" | "+tt.sentence, func(t *testing.T) {
			s, _ := ownerSlot(t, an, tt.question, []string{tt.sentence})
			if s.owned == nil {
				t.Fatal("no owned role read from the question")
			}
			if got := s.owned.whose(an, tt.sentence, "en", nil); got != tt.want {
				t.Errorf("whose = %d, want %d (owner %s, role %s)", got, tt.want, s.owned.owner.Text, s.owned.thing.Text)
			}
		})
	}
}

// TestWhoseRoleJoinedPeoples: a French role followed by several peoples,
// each with its holder, is owned by each of them.
func TestWhoseRoleJoinedPeoples(t *testing.T) {
	sentence := "Les diplomates américain Henry T. Wooster et canadien André François Giroux ont renouvelé leur soutien."
	tests := []struct {
		question string
		want     int
	}{
		{"which canadian diplomat renewed support for the mission", ownedByAsked},
		{"which american diplomat renewed support for the mission", ownedByAsked},
		{"which jamaican diplomat renewed support for the mission", ownedByOther},
	}
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			s, _ := ownerSlot(t, an, tt.question, []string{sentence})
			if s.owned == nil {
				t.Fatal("no owned role read from the question")
			}
			if got := s.owned.whose(an, sentence, "fr", nil); got != tt.want {
				t.Errorf("whose = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestOwnerMismatch: a sentence telling the role or the deed of another
// owner, itself or after a sentence that does, does not answer.
func TestOwnerMismatch(t *testing.T) {
	tests := []struct {
		question string
		sents    []string
		want     bool
	}{
		{"Who is the Bahamian foreign minister?", []string{"Dominican Republic Foreign Minister Roberto Álvarez met the envoy.", "Minister Álvarez emphasized the urgency."}, true},
		{"Who is the Bahamian foreign minister?", []string{"The envoy met officials in Nassau.", "Minister Álvarez emphasized the urgency."}, false},
		{"What did Haiti's parliament approve?", []string{"The vote was held on Thursday.", "Kenya's parliament has approved the deployment of 1000 police officers."}, true},
		{"What did Haiti's parliament approve?", []string{"Kenya's parliament had passed a motion.", "But the judge ruled that the council could not deploy police."}, true},
		{"What did Haiti's parliament approve?", []string{"The vote was held on Thursday.", "Haiti's parliament approved the budget."}, false},
		{"What did Haiti's Transitional Council decide?", []string{"The vote was held on Thursday.", "The day before, the United States had decided to put the draft on hold."}, true},
		{"What did Haiti's Transitional Council decide?", []string{"The vote was held on Thursday.", "Haiti's Transitional Council decided to hold elections."}, false},
		{"What did Haiti's Transitional Council decide?", []string{"The vote was held on Thursday.", "Haiti's Transitional Council praised the officer."}, false}, // no deed told: left to other rules
	}
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	for _, tt := range tests {
		t.Run(tt.question+" | "+tt.sents[1], func(t *testing.T) {
			s, bags := ownerSlot(t, an, tt.question, tt.sents)
			if got := s.ownerMismatch(an, tt.sents, bags, 1, "en", termBag{}); got != tt.want {
				t.Errorf("ownerMismatch = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOwnerInReport: a title written without an owner is the asked
// owner's in a report naming it alone and no other's role.
func TestOwnerInReport(t *testing.T) {
	q := "who is the Kenyan government spokesperson"
	tests := []struct {
		sents []string
		want  bool
	}{
		{[]string{"Government Spokesperson Jane Wanjiru said the fund is sound.", "Kenya has sent over 600 officers."}, true},
		{[]string{"A government spokesperson said the fund is sound.", "Kenya has sent over 600 officers."}, false},                         // no title
		{[]string{"Government Spokesperson Jane Wanjiru said the fund is sound.", "Officers from Belize, Jamaica and Kenya serve."}, false}, // a list
		{[]string{"Government Spokesperson Jane Wanjiru said the fund is sound.", "Jamaica's spokesperson said Kenya would stay."}, false},  // another's role
		{[]string{"Government Spokesperson Jane Wanjiru praised the Jamaican contingent.", "Kenya has sent over 600 officers."}, false},     // another people named
		{[]string{"Dujarric, the UN secretary-general's spokesperson, spoke.", "Kenya has sent over 600 officers."}, false},                 // no title
		{[]string{"Government Spokesperson Jane Wanjiru said the fund is sound.", "The fund has raised $110 million from donors."}, false},  // owner not named
	}
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	for _, tt := range tests {
		t.Run(tt.sents[0]+" | "+tt.sents[1], func(t *testing.T) {
			s, bags := ownerSlot(t, an, q, tt.sents)
			if s.owned == nil {
				t.Fatal("no owned role read from the question")
			}
			if got := s.owned.ownerInReport(an, tt.sents, bags, 0, "en", s.owned.owner, nil); got != tt.want {
				t.Errorf("ownerInReport = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOwnerWord: a country or a people names an owner; a kind of people
// or a title word does not.
func TestOwnerWord(t *testing.T) {
	tests := []struct {
		raw, word string
		want      bool
	}{
		{"kenyan", "kenyan", true},
		{"dominican", "dominican", true},
		{"u.s.", "u", true},
		{"haitian", "haitian", true},
		{"police", "police", false},
		{"foreign", "foreign", false},
		{"government", "government", false},
	}
	for _, tt := range tests {
		if got := ownerWord(tt.raw, tt.word); got != tt.want {
			t.Errorf("ownerWord(%q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
	if !placeLike("haiti", "haiti") || placeLike("alba", "alba") {
		t.Error("placeLike: Haiti is a country (Haitian), Alba is not")
	}
}
