package lexicon

import "slices"

// A Council instrument (a resolution, a vote, a mandate) "creates" a force
// or an office only by authorizing it: readers write "the resolution
// creating the GSF", "the vote that created the MSS", the reports "the
// Council authorized", "approved", "adopted". So a question's word for
// creating said of an instrument meets the reports' words for approving,
// as a related word. Else "created" keeps to its own group: who set up a
// trust fund is not who approved one.

// instrumentWords name the Council's instruments; madeWord and
// approvedWord open the two groups the rule joins.
var instrumentWords = []string{"resolution", "vote", "mandate"}

const (
	madeWord     = "created"
	approvedWord = "approve"
)

// groupOf returns the token of the paraphrase group that word (stemmed in
// English) opens a one-word member of, or "".
func (a *Analyzer) groupOf(word string) string {
	stem := a.stems.stem(word, English)
	for _, p := range a.phrases[English][stem] {
		if !a.glossary[p.token] && len(p.stems) == 1 {
			return p.token
		}
	}
	return ""
}

// instrumentRule adds the approving group to a concept of the creating
// group said of an instrument: one whose previous content word is in an
// instrument's group ("the resolution creating", "the vote that created",
// "the vote on the one creating"), not of
// another doer ("the resolution asks the Secretary-General to set up an
// office"). Fed the concepts of a question in the order of its words.
type instrumentRule struct {
	made, approved string
	instruments    []string
	after          bool // the previous content word names an instrument
}

func (a *Analyzer) newInstrumentRule() *instrumentRule {
	return &instrumentRule{made: a.groupOf(madeWord), approved: a.groupOf(approvedWord), instruments: a.instrumentGroups()}
}

// next returns c, with the approving group when it is made by the
// instrument before it.
func (r *instrumentRule) next(c Concept) Concept {
	if r.after && r.made != "" && r.approved != "" && slices.Contains(c.Related, r.made) {
		c.Related = union(slices.Clip(c.Related), []string{r.approved})
	}
	// "resolution 2793 creating the GSF": the number is the instrument's;
	// "the vote on the one creating": "one" stands for the noun before.
	if !c.Number && c.Text != "one" {
		r.after = slices.ContainsFunc(r.instruments, func(g string) bool { return slices.Contains(c.Related, g) })
	}
	return c
}

// instrumentGroups returns the tokens of the instruments' groups.
func (a *Analyzer) instrumentGroups() []string {
	var out []string
	for _, w := range instrumentWords {
		if g := a.groupOf(w); g != "" {
			out = append(out, g)
		}
	}
	return out
}
