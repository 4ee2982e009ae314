package brief

import (
	"slices"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

func TestYesNoDoer(t *testing.T) {
	for _, tt := range []struct {
		question    string
		doer, deeds []string
	}{
		{"did brazil send troops to the gsf", []string{"brazil"}, []string{"troops"}},
		{"Did Antigua and Barbuda pledge personnel to the mission?", []string{"antigua", "and", "barbuda"}, []string{"pledge", "personnel"}},
		{"has kenya's high court approved the deployment", []string{"kenya", "high"}, []string{"court", "approved"}},
		{"did jamaica veto the gsf resolution", []string{"jamaica"}, []string{"veto"}},
		{"did any council member oppose it", nil, nil},   // no one doer
		{"did the us freeze its funding", nil, nil},      // a stop word: left to the other checks
		{"is kenya still leading the mission", nil, nil}, // no deed's helper
		{"how many troops did brazil send", nil, nil},    // not a yes/no question
	} {
		doer, deeds := yesNoDoer(tt.question, lexicon.Tokens(tt.question))
		if !slices.Equal(doer, tt.doer) || !slices.Equal(deeds, tt.deeds) {
			t.Errorf("yesNoDoer(%q) = %v, %v; want %v, %v", tt.question, doer, deeds, tt.doer, tt.deeds)
		}
	}
}

// TestYesNoDoerLinked: "did brazil send troops" is not answered by a
// sentence on other countries' troops, in lower case as in capitals,
// nor "did jamaica veto the resolution" by a sentence naming Jamaica
// among its backers; the doer named with the deed is answered. Asked of
// another kind of answer, a doer the corpus never names gives none.
func TestYesNoDoerLinked(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Troop offers", Source: "Wire", URL: "https://example.org/offers", Published: day("2025-10-20"),
			Text: "Chad and Bangladesh offered to deploy 2,000 troops to the Gang Suppression Force. " +
				"Jamaica backed the resolution creating the force. " +
				"Kenya sent police officers to Haiti in June 2024."}))
	for _, tt := range []struct {
		question string
		answered bool
	}{
		{"did brazil send troops to the gang suppression force", false},
		{"Did Brazil send troops to the Gang Suppression Force?", false},
		{"did jamaica veto the resolution creating the force", false},
		{"did chad offer troops to the gang suppression force", true},
		{"did jamaica back the resolution creating the force", true},
		// Asked of a count or a reason, a doer no report names at all.
		{"how many troops did brazil send to the gang suppression force", false},
		{"why did brazil withdraw from the gang suppression force", false},
		{"how many troops did chad and bangladesh offer", true},
	} {
		askAnswered(t, a, tt.question, tt.answered)
	}
}

func TestSaidBy(t *testing.T) {
	for _, tt := range []struct{ sentence, by string }{
		{`" the resignation of the Prime Minister" Ariel Henry, said Korir Sing'oei, a senior official.`, "Korir Sing'oei"},
		{`"The world stands by its side," declared Linda Thomas-Greenfield.`, "Linda Thomas-Greenfield"},
		{`Conille said Wednesday that the police would win.`, ""}, // a day, not who spoke
		{`Sing'Oei told Nation on Friday that the mission had worked.`, ""},
		{`The minister said the force would grow.`, ""},
	} {
		if got := strings.TrimSpace(saidBy(tt.sentence)); got != tt.by {
			t.Errorf("saidBy(%q) = %q, want %q", tt.sentence, got, tt.by)
		}
	}
}

// TestSpeakerAfterTheVerb: a name outside the quotation but before "said
// X" is not who spoke: the prime minister whose resignation Sing'oei
// quoted said nothing, while Sing'oei's words are answered.
func TestSpeakerAfterTheVerb(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Kenya suspends the deployment", Source: "Wire", URL: "https://example.org/suspend", Published: day("2024-03-12"),
			Text: `Kenya has suspended the deployment of its police to Haiti. ` +
				`"There has been a radical change following the resignation of the Prime Minister of Haiti" Ariel Henry, said Korir Sing'oei, a senior ministry official.`}))
	askAnswered(t, a, "What did Ariel Henry say when Kenya suspended the deployment?", false)
	askAnswered(t, a, "What did Korir Sing'oei say when Kenya suspended the deployment?", true)
}

// TestSpokenOfNearTheWords: what was spoken of stands in the words
// reported or a sentence beside them; a speaker's words three sentences
// from the protests are not his words on them.
func TestSpokenOfNearTheWords(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Kenyan police arrive in Haiti", Source: "Wire", URL: "https://example.org/arrive", Published: day("2024-06-25"),
			Text: "Kenyan police arrived in Haiti on Tuesday, just as deadly unrest gripped Nairobi during mass protests. " +
				"A Kenya Airways airplane landed in the capital. " +
				"The first of the initial batch of 400 officers walked onto the tarmac. " +
				`President William Ruto said the mission was "historic" as he saw the officers off in Nairobi.`}))
	askAnswered(t, a, "What did Ruto say about the protests in Nairobi?", false)
	askAnswered(t, a, "What did Ruto say about the mission?", true)
}

// TestWithoutBase: where a speaker is based is no word the speaker's
// report must hold; the rest of the speaker is kept.
func TestWithoutBase(t *testing.T) {
	for in, want := range map[string]string{
		"the Brussels-based think tank":   "the   think tank",
		"the New York-based rights group": "the   rights group",
		"the think tank":                  "the think tank",
		"Kenya's foreign ministry":        "Kenya's foreign ministry",
	} {
		if got := withoutBase(in); got != want {
			t.Errorf("withoutBase(%q) = %q, want %q", in, got, want)
		}
	}
}
