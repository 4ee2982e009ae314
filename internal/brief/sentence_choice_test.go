package brief

import (
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// TestTimeOfDayFromEitherLanguage: "at what time" is answered by the
// sentence giving an hour or a part of the day, here in French, not by
// one telling only the day; with no hour anywhere, the bot says it does
// not know.
func TestTimeOfDayFromEitherLanguage(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Officers patrol the capital", Source: "Wire", URL: "https://example.org/patrol", Published: day("2024-06-28"),
			Text: "The Kenyan officers boarded buses and took to the streets of the capital for the first time on Friday."},
		corpus.Document{Title: "Le contingent est parti", Source: "Journal", URL: "https://example.org/depart", Published: day("2024-06-26"), Lang: "fr",
			Text: "Peu après minuit, les policiers kényans ont embarqué dans un avion et ont quitté Nairobi."}))
	if ans := askAnswered(t, a, "At what time did the Kenyan officers board their flight out of Nairobi?", true); !strings.Contains(ans.Text, "minuit") {
		t.Errorf("answer lacks the hour: %s", ans.Text)
	}
	b := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Officers patrol the capital", Source: "Wire", URL: "https://example.org/patrol",
		Published: day("2024-06-28"), Text: "The Kenyan officers boarded buses and took to the streets of the capital for the first time on Friday."}))
	askAnswered(t, b, "At what time did the Kenyan officers board the buses?", false)
}

// TestEachGroupCounted: "how many Guatemalan and Salvadoran personnel"
// is answered by the sentence that counts each, not by a higher-ranked
// list of the countries that sent them.
func TestEachGroupCounted(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Funding continues", Source: "Broadcaster", URL: "https://example.org/fund", Published: day("2025-02-06"),
			Text: "The contingent's personnel include police deployments from Guatemala, Jamaica, El Salvador and Belize. He added that the fund had received $85 million by the end of 2024."},
		corpus.Document{Title: "Central American troops arrive", Source: "Wire", URL: "https://example.org/arrive", Published: day("2024-12-30"),
			Text: "A contingent from Guatemala and El Salvador arrived on Friday. The new arrivals were made up of 75 Guatemalans and eight Salvadorans, an officer said."}))
	if ans := askAnswered(t, a, "How many Guatemalan and Salvadoran personnel were in the contingent?", true); !strings.HasPrefix(ans.Text, "The new arrivals") {
		t.Errorf("answer does not open with the counts: %s", ans.Text)
	}
}

// TestPronounAfterFrontedPhraseLeansBack: "From 2020 to 2023, he was
// deputy head of mission ... in Lebanon" is about the man the sentence
// before names, and is quoted with it.
func TestPronounAfterFrontedPhraseLeansBack(t *testing.T) {
	a := newExtractive(t, openStoreWith(t, corpus.Document{Title: "Envoy appointed", Source: "Wire", URL: "https://example.org/envoy",
		Published: day("2025-12-02"),
		Text: "Port-au-Prince, Tuesday, December 2, 2025 — The partners announced the appointment of Jack Christofides as the force's envoy in Haiti. " +
			"Christofides previously served as a director of the UN peace operations division, based in New York. " +
			"From 2020 to 2023, he was deputy head of mission for the UN force in Lebanon, where he advanced political dialogue."}))
	ans := askAnswered(t, a, "Before his appointment, where did Jack Christofides serve as deputy head of mission?", true)
	if q := firstQuote(ans.Text); !strings.Contains(q, "Lebanon") || !strings.HasPrefix(q, "Christofides previously served") {
		t.Errorf("answer does not open with the post, told with who held it: %s", ans.Text)
	}
}

// TestConcededShortcomingIsNoCause: "delivered results despite financial
// constraints" does not say why the mission was replaced; the shortcoming
// another report tells after the replacement does.
func TestConcededShortcomingIsNoCause(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "Kenya hands over", Source: "Paper", URL: "https://example.org/handover", Published: day("2026-02-07"),
			Text: "Speaking on the replacement of the Kenyan-led mission by the new force, the official said the deployment delivered results despite financial constraints."},
		corpus.Document{Title: "Council authorizes a new force", Source: "UN News", URL: "https://example.org/new", Published: day("2025-09-30"),
			Text: "The Security Council authorized a new force in Haiti to replace the Kenyan-led mission. " +
				"The resolution was adopted by a vote of 12 in favour. " +
				"The Kenyan-led mission faced chronic underfunding and insufficient personnel."}))
	if ans := askAnswered(t, a, "Why was the Kenyan-led mission replaced with the new force?", true); !strings.Contains(firstQuote(ans.Text), "underfunding") {
		t.Errorf("answer does not open with the cause: %s", ans.Text)
	}
}

// firstQuote is an extractive answer's first quote, up to its citation.
func firstQuote(text string) string {
	if at := strings.Index(text, " ["); at >= 0 {
		return text[:at]
	}
	return text
}

func TestCountedGroups(t *testing.T) {
	lex := lexicon.New(config.Default().Topic.Aliases)
	for q, want := range map[string]string{
		"How many Guatemalan and Salvadoran personnel were in the contingent?": "guatemalan salvadoran",
		"how many jamaicans and belizeans joined the kenyan police":            "jamaicans belizeans",
		"How many police and soldiers did Chad send?":                          "police soldiers",
		"How many uniformed personnel and how many civilians may it have?":     "", // two parts, each its own count
		"How many officers did Kenya and Chad send?":                           "", // the doers, not the counted
		"Who sent Guatemalan and Salvadoran personnel?":                        "", // no count asked
	} {
		var got []string
		for _, c := range countedGroups(q, lex.Query(q)) {
			got = append(got, c.Text)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("countedGroups(%q) = %v, want %q", q, got, want)
		}
	}
}

func TestGroupsCounted(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	q := "how many jamaicans and belizeans joined the mission"
	groups := countedGroups(q, an.lex.Query(q))
	for s, want := range map[string]bool{
		"The police were later joined by 24 Jamaican personnel and two senior officers from Belize.": true,
		"It includes police deployments from Jamaica, Belize and the Bahamas.":                       false,
		"The mission has 500 personnel from Kenya, Jamaica and Belize.":                              false, // one number, for all
		"The police were later joined by 24 Jamaican personnel.":                                     false, // one group counted
		"Jamaica sent 24 officers and Belize sent two.":                                              true,  // each the doer of its count
	} {
		if got := groupsCounted(an, s, "en", groups) == len(groups); got != want {
			t.Errorf("groupsCounted(%q) counts each group = %v, want %v", s, got, want)
		}
	}
	if got := groupsCounted(an, "Jamaica offered 24 officers, and Belize also stepped up.", "en", groups); got != 1 {
		t.Errorf("groupsCounted = %d, want 1", got)
	}
}

func TestPeriodParts(t *testing.T) {
	for q, want := range map[string]string{
		"how many landed at the end of 2024":           "end",
		"how many arrived in early March":              "early",
		"combien sont arrivés fin 2024":                "fin",
		"how many officers are at the end of the road": "",
	} {
		if got := strings.Join(periodParts(tokenTexts(lexicon.Tokens(q))), " "); got != want {
			t.Errorf("periodParts(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestClaimCredit: a shortcoming told after the claim of a "why" is
// credited with the claim's words; one told before it, or a sentence
// that is a claim itself, is not.
func TestClaimCredit(t *testing.T) {
	an := newAnalysis(lexicon.New(config.Default().Topic.Aliases))
	q := "Why was the Kenyan-led mission replaced with the new force?"
	r := retrieval{question: q, asked: an.lex.Query(q), kind: questionType(q), an: an}
	w := make([]float64, len(r.asked))
	for i := range w {
		w[i] = 1
	}
	bagsOf := func(sents ...string) []termBag {
		var out []termBag
		for _, s := range sents {
			out = append(out, an.bag(s, "en"))
		}
		return out
	}
	claim := "The council authorized a new force to replace the Kenyan-led mission."
	cause := "It faced chronic underfunding."
	other := "The vote was 12 in favour."
	if got := claimCredit(r, w, bagsOf(claim, other, other, cause), 3); got <= 0 {
		t.Errorf("a cause three sentences after the claim gains %v", got)
	}
	if got := claimCredit(r, w, bagsOf(cause, other, claim), 0); got != 0 {
		t.Errorf("a cause before the claim gains %v", got)
	}
	if got := claimCredit(r, w, bagsOf(claim, other, other, other, other, cause), 5); got != 0 {
		t.Errorf("a cause five sentences after the claim gains %v", got)
	}
	if got := claimCredit(r, w, bagsOf(claim, claim+" It faced underfunding."), 1); got != 0 {
		t.Errorf("a claim itself gains %v", got)
	}
}

// TestCountOfANumberedThingFromItsReport: "combien de membres ont voté
// pour la résolution 2751" is answered by the report on 2751, not by a
// report on another vote whose words meet the question's better
// ("12 des 15 Etats membres du Conseil"); a count asked of no number
// still reads every report.
func TestCountOfANumberedThingFromItsReport(t *testing.T) {
	a := newExtractive(t, openStoreWith(t,
		corpus.Document{Title: "ONU : vers la création d'une force", Source: "Agence", URL: "https://example.org/frg", Published: day("2025-10-01"), Lang: "fr",
			Text: "Le Conseil de sécurité a adopté mardi une résolution qui a recueilli lors du vote le soutien de 12 des 15 Etats membres du Conseil de Sécurité."},
		corpus.Document{Title: "Council unanimously approves resolution 2751", Source: "CTN", URL: "https://example.org/2751", Published: day("2024-09-30"),
			Text: "The Security Council has just unanimously approved resolution 2751, renewing the mandate of the mission. All 15 members of the Council approved the resolution presented by the United States and Ecuador."}))
	ans := askAnswered(t, a, "combien de membres du conseil ont voté pour la résolution 2751", true)
	if q := firstQuote(ans.Text); !strings.Contains(q, "All 15 members") {
		t.Errorf("answer does not open with the count of 2751's vote: %s", ans.Text)
	}
}
