package lexicon

import (
	"reflect"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The 5,550-strong force", []string{"the", "5550", "strong", "force"}},
		{"5 550 policiers kényans", []string{"5550", "policiers", "kenyans"}},
		{"5.550 agents", []string{"5550", "agents"}},
		{"nearly 1.3 million; 1,3 million", []string{"nearly", "1.3", "million", "1.3", "million"}},
		{"in 2023 300 officers", []string{"in", "2023", "300", "officers"}},
		{"On 2 October 2023, 1,000 officers", []string{"on", "2", "october", "2023", "1000", "officers"}},
		{"l'ONU et d’Haïti", []string{"onu", "et", "haiti"}},
		{"jusqu'au 31 janvier", []string{"jusqu", "au", "31", "janvier"}}, // "until": a word, not an elision
		{"Kenya's police, Kenyans' role", []string{"kenya", "police", "kenyans", "role"}},
		{"Œuvre MMAS", []string{"oeuvre", "mmas"}},
		{"more than 80% of it, 90 % de", []string{"more", "than", "80", "percent", "of", "it", "90", "percent", "de"}},
		{"\x96\xed۲ 12 ٣", []string{"12"}}, // a digit of another script, after broken bytes, once looped for ever
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokens(tt.in) {
			got = append(got, tok.Text)
			if tok.Start < 0 || tok.End > len(tt.in) || tok.Start >= tok.End {
				t.Errorf("%q: token %q has offsets %d..%d", tt.in, tok.Text, tok.Start, tok.End)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStemMeets(t *testing.T) {
	// Pairs that must share a stem in English.
	for _, p := range [][2]string{
		{"renewed", "renewing"}, {"ruled", "rule"}, {"led", "leading"}, {"authorised", "authorized"},
		{"authorisation", "authorization"}, {"officers", "officer"}, {"funded", "funding"}, {"kenyans", "kenyan"},
	} {
		if a, b := Stem(p[0], English), Stem(p[1], English); a != b {
			t.Errorf("English stems of %q and %q differ: %q vs %q", p[0], p[1], a, b)
		}
	}
	for _, p := range [][2]string{{"policiers", "policier"}, {"deployes", "deploye"}, {"renouvele", "renouvellement"}} {
		if a, b := Stem(p[0], French), Stem(p[1], French); a != b {
			t.Errorf("French stems of %q and %q differ: %q vs %q", p[0], p[1], a, b)
		}
	}
	if Stem("2751", English) != "2751" {
		t.Error("numbers must be their own stem")
	}
}

func TestGlossaryAndParaphrase(t *testing.T) {
	a := New([][]string{{"GSF", "Gang Suppression Force", "Force de répression des gangs", "FRG"}})
	en := a.IndexTerms("The Gang Suppression Force will have 5,550 personnel.", English)
	fr := a.IndexTerms("La Force de répression des gangs (FRG) comptera 5 550 membres.", French)
	q := a.Query("How big is the GSF?")
	var gsf Concept
	for _, c := range q {
		if c.Glossary {
			gsf = c
		}
	}
	if gsf.Forms == nil {
		t.Fatalf("Query found no glossary concept in %+v", q)
	}
	for name, terms := range map[string][]string{"english": en, "french": fr} {
		if !slices.Contains(terms, gsf.Forms[0]) {
			t.Errorf("%s passage terms %q lack the glossary token %q", name, terms, gsf.Forms[0])
		}
		if !slices.Contains(terms, "5550") {
			t.Errorf("%s passage terms %q lack the number 5550", name, terms)
		}
	}

	// "choppers" meets "helicopters"; "cash" meets "funding".
	for _, p := range [][2]string{{"How many choppers?", "three helicopters arrived"}, {"How much cash did Canada put in?", "Canada pledged funding"},
		{"Why mostly soldiers?", "the mission is colored overwhelmingly as military"},
		{"Does it hand them food and gas?", "Rations, fuel, water, accommodation"},
		{"How are the troops supplied?", "comprehensive logistical and operational support"},
		{"How many kids were driven out of their homes?", "violence has displaced more than a million people"},
		{"When did Kenya's extra cops land?", "Kenya has deployed 217 reinforcements"},
		{"How much has the fund pulled in?", "a voluntary fund which has raised $110 million"},
		{"Should it wait until it's properly kitted out?", "until it has sufficient troops, training and equipment"},
		{"Would they need a two-way pact?", "if both countries have a reciprocal agreement"},
		{"What did the freshly appointed premier vow?", "Garry Conille, the newly installed prime minister"},
		{"How long is the stretch where the force is too thin?", "The six-month gap creates a vulnerability window"},
		{"What grievances does it sort into?", "complaints are categorised as either serious or minor misconduct"},
		{"What was it supposed to get to?", "it is expected to grow to around 2,500"},
		{"What buckets are reports put in?", "complaints are categorised as either serious or minor misconduct"},
		{"How long did the old operation drag on for?", "That mission stretched on for more than a decade"},
		{"What does the UN back-office hand the force?", "a new UN Support Office in Haiti"},
		{"When did the council greenlit it?", "the Security Council approved the mission"},
		{"How much did they chip in?", "the United States offered a maximum of $200 million"},
		{"Who spoke at Turtle Bay?", "said at the United Nations"},
		{"How much had been paid in?", "$85 million had already been received"},
		{"What part concerns guarding the frontiers?", "Sri Lanka offered police to help secure the borders"},
		{"How much petrol does the force get?", "UNSOH provides rations and fuel"},
		{"What was promised?", "$110.3 million had been pledged"},
		{"What does the office hand them?", "UNSOH is mandated to provide rations"},
		{"How much did the US put on the table?", "the United States offered a maximum of $200 million"},
		{"How much money was held back?", "the United States has frozen its contributions"},
		{"What held back the mission?", "He acknowledged the challenges faced by the mission"},
		{"How many men did Porto-Novo offer?", "Benin had announced 2,000 men"},
		{"What did Santo Domingo offer?", "The Dominican Republic offered medical evacuations"},
		{"Did Dhaka send troops?", "Bangladesh offered troops"},
		{"How many police did Colombo offer?", "Sri Lanka offered police"},
		{"What was the death toll?", "More than 5,500 people were killed"},
		{"How many lives were lost?", "More than 5,500 people were killed"},
		{"How much bloodshed was there?", "gang violence has displaced a million"},
		{"Who is calling the shots?", "his leadership of the force"},
		{"Was the truck stuck?", "a police vehicle got stuck in a ditch"},
		{"How many officers quit?", "letters of resignation"},
		{"Who greeted the officers?", "ils ont été accueillis par le ministre"},
		{"When is it meant to be at full strength?", "the force is expected to reach its full strength"},
		{"Who put the most cash into the pot?", "Canada, the largest donor to the trust fund"},
		{"How many boots on the ground?", "700 police officers"},
		{"Which countries of the Indian subcontinent offered troops?", "South Asian nations Bangladesh and Sri Lanka"},
		{"Was the truck stuck in a trench?", "a vehicle that had got stuck in a ditch"},
		// Idioms for a deed and loose names of an institution (h-para8).
		{"Why was the sending put on ice?", "Kenya decided to suspend the sending"},
		{"Did some recruits walk away from the job?", "20 people had submitted letters of resignation"},
		{"What were their gripes?", "a complaint reporting mechanism"},
		{"What did the think tank say?", "From Crisis Group"},
		{"Should it hold off on going in big?", "The mission should not deploy in force"},
		{"What did he compare it to?", "Wooster likened it to triage"},
		{"What is their game plan?", "the U.S. approach in Haiti"},
		{"Which officer didn't make it home?", "a Kenyan police was killed on Tuesday"},
		{"Where did they get jumped?", "The MSS forces were attacked during the recovery"}} {
		bag := a.Bag(p[1], English)
		found := false
		for _, c := range a.Query(p[0]) {
			if bag.Has(c) && !bag.HasExact(c) {
				found = true
			}
		}
		if !found {
			t.Errorf("no concept of %q meets %q through a paraphrase group", p[0], p[1])
		}
	}
	// A lone stop word never tags a text with a group.
	for _, term := range a.IndexTerms("Tell us about it; un homme", English) {
		if term[0] == '_' {
			t.Errorf("stop words produced the group token %q", term)
		}
	}
}

func TestQueryCrossLingual(t *testing.T) {
	a := New(nil)
	// A French question meets an English passage through shared stems.
	bag := a.Bag("The Security Council adopted resolution 2751 renewing the mission.", English)
	met := 0
	for _, c := range a.Query("Quelle résolution a renouvelé la mission ?") {
		if bag.Has(c) {
			met++
		}
	}
	if met < 2 {
		t.Errorf("a French question met only %d concepts of an English passage", met)
	}
}

// TestCognatesMeetAcrossLanguages: an English word and its French cognate
// spelled with another ending ("ceremony", "cérémonie"; "member",
// "membre") stem apart; the question's word meets the other language's
// passage all the same, either way round.
func TestCognatesMeetAcrossLanguages(t *testing.T) {
	a := New(nil)
	for _, tc := range []struct{ question, passage, lang, word string }{
		{"Where was the send-off ceremony held?", "Ruto a tenu une cérémonie officielle à l'Académie de police.", French, "ceremony"},
		{"At which police academy?", "Ruto a tenu une cérémonie officielle à l'Académie de police.", French, "academy"},
		{"Qui sont les membres du groupe ?", "The members of the group met in Nairobi.", English, "membres"},
	} {
		bag := a.Bag(tc.passage, tc.lang)
		found := false
		for _, c := range a.Query(tc.question) {
			if c.Text == tc.word {
				found = true
				if !bag.HasExact(c) {
					t.Errorf("%q (forms %q) does not meet %q", c.Text, c.Forms, tc.passage)
				}
			}
		}
		if !found {
			t.Errorf("%q: no concept %q", tc.question, tc.word)
		}
	}
}

func TestPhraseOpeningWithStopWord(t *testing.T) {
	a := New(nil)
	// "on hold" opens with a stop word: its group goes to "hold", so the
	// question meets a passage that says "suspend".
	bag := a.Bag("Kenya decided to suspend the sending of its police.", English)
	for _, c := range a.Query("Why did Kenya put its deployment on hold?") {
		if c.Text == "hold" && bag.Has(c) {
			return
		}
	}
	t.Error(`"on hold" did not meet "suspend"`)
}

// TestStopWordMemberGivesNextWordNothing: a stop word that is a group's
// member alone ("effectivement", stemmed as "effectifs", the troops' group)
// does not pass its group to the word after it.
func TestStopWordMemberGivesNextWordNothing(t *testing.T) {
	a := New(nil)
	troops := a.Query("effectifs")[0].Related
	if len(troops) == 0 {
		t.Fatal(`"effectifs" is in no group: the test needs one`)
	}
	for _, c := range a.Query("combien le fonds avait-il effectivement reçu ?") {
		if c.Text == "recu" && slices.ContainsFunc(c.Related, func(g string) bool { return slices.Contains(troops, g) }) {
			t.Errorf("%q carries the groups %q of the stop word before it", c.Text, c.Related)
		}
	}
}

// TestNoGroupByAccident: a word meets no group through another's phrase
// or a foreign stemming: "set up to keep" is not "up to" (a cap), "back"
// is not "backer" (French cuts its "er").
func TestNoGroupByAccident(t *testing.T) {
	a := New(nil)
	for q, word := range map[string]string{
		"the office set up to keep the troops supplied": "keep",
		"what was going on back home?":                  "back",
	} {
		for _, c := range a.Query(q) {
			if c.Text != word {
				continue
			}
			for _, g := range c.Related {
				if g == "_p_cap" || g == "_p_donor" {
					t.Errorf("%q in %q carries the group %s", word, q, g)
				}
			}
		}
	}
}

func TestFingerprint(t *testing.T) {
	if a, b := New(nil), New(nil); a.Fingerprint() != b.Fingerprint() {
		t.Error("fingerprint is not stable")
	}
	if New(nil).Fingerprint() == New([][]string{{"A", "B"}}).Fingerprint() {
		t.Error("fingerprint ignores the glossary")
	}
}

func TestDemonymsMeetPlaces(t *testing.T) {
	a := New(nil)
	bag := a.Bag("Kenya sent officers to Haiti.", English)
	for _, q := range []string{"Kenyan officers", "Haitian officers"} {
		c := a.Query(q)[0]
		if !bag.Has(c) {
			t.Errorf("%q (forms %q) does not meet %q", c.Text, c.Forms, "Kenya sent officers to Haiti.")
		}
	}
}

func TestScaffoldNamesNothing(t *testing.T) {
	a := New(nil)
	for q, words := range map[string][]string{
		// "would", "could", "should" frame a question; as concepts they
		// were the rarest words of it, and a sentence holding "would" won.
		"When did he say the contingents would arrive, and who could pay, and what should it cost?": {"would", "could", "should"},
		// "hadn't" splits into "hadn" and "t"; "hadn" was weighted as a
		// word no passage holds, and the question looked unanswerable.
		"How much money that hadn't been paid out, per the UN, didn't arrive?": {"hadn", "didn", "per"},
		// "wants" frames what is asked like "want"; "rather than police"
		// compares, and no report need hold "rather".
		"Why Washington wants the force to be soldiers rather than police?": {"wants", "rather"},
		// "it'll", "they've" split like "hadn't".
		"Nairobi says it'll start bringing its cops home; they've done the job?": {"ll", "ve"},
		// French modals and scaffold adverbs frame a question as
		// "should" and "exactly" do: "doit" was a word no English
		// report holds, weighed as the question's rarest.
		"Concrètement, quel soutien le Bureau doit-il apporter à la force ?": {"concretement", "doit"},
		"Combien de policiers la mission devait-elle compter exactement ?":   {"devait", "exactement"},
	} {
		for _, c := range a.Query(q) {
			if slices.Contains(words, c.Text) {
				t.Errorf("%q is a concept of %q", c.Text, q)
			}
		}
	}
}

func TestEveryWordOfAPhraseCarriesItsGroup(t *testing.T) {
	a := New(nil)
	// "gang outfits" is in the gangs group: "outfits" alone is a word no
	// passage holds, and must meet "armed gangs" through the group.
	bag := a.Bag("Haiti has an estimated 200 to 300 armed gangs.", English)
	for _, c := range a.Query("How many gang outfits are there?") {
		if c.Text == "outfits" && !bag.Has(c) {
			t.Errorf("outfits (related %v) does not meet the gangs group", c.Related)
		}
	}
}

func TestInnerWordsOfAPhrase(t *testing.T) {
	a := New(nil)
	tests := []struct {
		q     string
		inner map[string]bool // each concept text checked, and whether it is inner
	}{
		{"is kenya pulling back its police", map[string]bool{"kenya": false, "pulling": false, "back": true, "police": false}},
		{"did they hold back the vote", map[string]bool{"hold": false, "back": true, "vote": false}}, // a particle in no group
		{"when did the officers come back", map[string]bool{"officers": false, "come": false, "back": true}},
		{"back to kenya", map[string]bool{"back": false, "kenya": false}}, // no verb before it
		{"how many gang outfits are there", map[string]bool{"gang": false, "outfits": true}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, c := range a.Query(tt.q) {
			got[c.Text] = c.Inner
		}
		for w, want := range tt.inner {
			if in, ok := got[w]; !ok || in != want {
				t.Errorf("Query(%q): %q inner = %v (found %v), want %v", tt.q, w, in, ok, want)
			}
		}
	}
}

func TestAbbreviatedUnitedStatesMeetsWashington(t *testing.T) {
	a := New(nil)
	var us Concept
	for _, c := range a.Query("Why does Washington want soldiers?") {
		if c.Text == "washington" {
			us = c
		}
	}
	if len(us.Related) == 0 {
		t.Fatal("washington carries no group")
	}
	// "U.S." is two one-letter tokens, not the stop word "us".
	bag := a.Bag("said a diplomat at the U.S. Embassy", English)
	if !bag[us.Related[0]] {
		t.Errorf("the U.S. Embassy does not meet Washington: %v", bag)
	}
}

func TestBagWordOfTwoGroups(t *testing.T) {
	a := New(nil)
	// "personnel" is in the troops group and the staff group: a sentence
	// holding it answers for either, though the index tags it once.
	bag := a.Bag("The unit may comprise up to 70 civilian and seconded personnel.", English)
	for _, q := range []string{"How many staff can the unit have?", "How many troops can the unit have?"} {
		for _, c := range a.Query(q) {
			if (c.Text == "staff" || c.Text == "troops") && !bag.Has(c) {
				t.Errorf("%q: %s (related %v) does not meet personnel", q, c.Text, c.Related)
			}
		}
	}
	if got, want := len(a.IndexTerms("personnel", English)), 2; got != want {
		t.Errorf("the index tags personnel %d times, want %d (its stem and one group)", got, want)
	}
}

// TestConceptMeetsItsSign: a question's word meets a sentence that writes
// it another way: a share as "80%", a size as "5,550-strong", an idiom as
// the report's word.
func TestConceptMeetsItsSign(t *testing.T) {
	a := New(nil)
	for _, tt := range []struct{ question, concept, sentence string }{
		{"What share of the capital do gangs hold?", "share", "gangs now controlling more than 80% of Port-au-Prince"},
		{"What size is the force?", "size", "The 5,550-strong force will also protect vulnerable groups."},
		// A reader's idiom, or a region's adjective for the country it
		// stands for here: "blow the whistle" a complaints line,
		// "misbehave" abuses, "east african" Kenyan.
		{"Can residents blow the whistle on a patrol?", "whistle", "A complaints line lets residents report the officers."},
		{"What happens when soldiers misbehave?", "misbehave", "The mission investigates abuses by its soldiers."},
		{"How many east african police are there?", "african", "Kenyan police lead the force."},
	} {
		bag := a.Bag(tt.sentence, English)
		found := false
		for _, c := range a.Query(tt.question) {
			if c.Text == tt.concept {
				found = true
				if !bag.Has(c) {
					t.Errorf("%s (related %v) does not meet %q: %v", c.Text, c.Related, tt.sentence, bag)
				}
			}
		}
		if !found {
			t.Errorf("%q asks no %s", tt.question, tt.concept)
		}
	}
}

// FuzzTokens: every text ends in tokens, whatever its bytes, each inside
// the text.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "5,550-strong", "l'ONU", "\x96\xed۲", "80 %", "Kenya's", "١٢٣ ४५"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokens(s) {
			if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End {
				t.Fatalf("%q: token %q has offsets %d..%d", s, tok.Text, tok.Start, tok.End)
			}
		}
	})
}

// TestAcronymInCapitalsMeetsItsGroup: "the US" is "the United States",
// though "us" is a stop word no group phrase holds alone; the pronoun
// is not.
func TestAcronymInCapitalsMeetsItsGroup(t *testing.T) {
	a := New(nil)
	var us Concept
	for _, c := range a.Query("Why did the US shelve its draft?") {
		if c.Text == "us" {
			us = c
		}
	}
	if us.Text == "" {
		t.Fatal("the question has no concept for US")
	}
	if !a.Bag("the United States put the draft on hold", English).Has(us) {
		t.Error("the United States does not meet the US")
	}
	if !a.Bag("the US put the draft on hold", English).Has(us) {
		t.Error("the US does not meet the US")
	}
	var states Concept
	for _, c := range a.Query("What did the United States pledge?") {
		if c.Text == "states" {
			states = c
		}
	}
	if !a.Bag("the US pledged $200 million", English).Has(states) {
		t.Error("the US does not meet the United States")
	}
	if a.Bag("tell us what the force did", English).Has(states) {
		t.Error("the pronoun us meets the United States")
	}
}

// TestIsSpan: a count of a unit of time is a span; a year before a unit,
// or a word that counts nothing, is not.
func TestIsSpan(t *testing.T) {
	for _, tt := range []struct {
		count, unit string
		want        bool
	}{
		{"six", "months", true}, {"90", "days", true}, {"a", "year", true}, {"un", "an", true},
		{"2024", "years", false}, {"the", "year", false}, {"six", "officers", false},
	} {
		if got := IsSpan(tt.count, tt.unit); got != tt.want {
			t.Errorf("IsSpan(%q, %q) = %v, want %v", tt.count, tt.unit, got, tt.want)
		}
	}
}

// TestHoldsSpan: a span of time is a count of a unit, two years, or the
// date it runs until; a date alone is none.
func TestHoldsSpan(t *testing.T) {
	for s, want := range map[string]bool{
		"within six months":                   true,
		"from June 2004 until October 2017":   true,
		"until the end of September 2025":     true,
		"renouvelé jusqu'au 31 janvier 2027":  true,
		"approved in October last year":       false,
		"adopted on 30 September 2024":        false,
		"until the council votes on the text": false,
	} {
		words := make([]string, 0)
		for _, tk := range Tokens(s) {
			words = append(words, tk.Text)
		}
		if got := HoldsSpan(len(words), func(i int) string { return words[i] }); got != want {
			t.Errorf("HoldsSpan(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestMonthsMeetAcrossLanguages: "January 2026" finds "janvier 2026" (a
// form of the word asked, not a group), and "sept" (seven) is no
// September.
func TestMonthsMeetAcrossLanguages(t *testing.T) {
	a := New(nil)
	jan := a.Query("renewed in January 2026")
	var month Concept
	for _, c := range jan {
		if c.Text == "january" {
			month = c
		}
	}
	if !a.Bag("renouvelé le 30 janvier 2026", French).HasExact(month) {
		t.Errorf("january (related %v) does not meet janvier", month.Related)
	}
	if bag := a.Bag("sept pays ont voté", French); bag.Has(a.Query("September")[0]) {
		t.Errorf("sept (seven) meets September: %v", bag)
	}
}

func TestIsLightVerb(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"put", true}, {"putting", true}, {"set", true}, {"took", true}, {"mis", true},
		{"pledged", false}, {"deploy", false}, {"freeze", false}, {"canada", false},
	} {
		if got := IsLightVerb(tt.word); got != tt.want {
			t.Errorf("IsLightVerb(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestFrenchWordsMeetTheirEnglish: a French question's country, body
// and verb meet the English report's word for them through the groups
// ("Liban" is "Lebanon", "rembourse" "reimbursement") or, for "conseil"
// ("Council"), spelledApart; a word of neither group does not.
func TestFrenchWordsMeetTheirEnglish(t *testing.T) {
	a := New(nil)
	tests := []struct {
		question, passage string
		want              bool
	}{
		{"Quel poste occupait-il au Liban ?", "He was deputy head of mission in Lebanon.", true},
		{"Que dit le représentant de la Somalie ?", "The Somali representative read the result.", true},
		{"combien de membres du conseil ont voté", "All 15 members of the Council approved it.", true},
		{"comment l'onu rembourse le matériel", "The reimbursement of contingent owned equipment.", true},
		{"Quel secrétaire d'État a salué la résolution ?", "US Secretary of State Marco Rubio described the move as key.", true},
		{"Quel poste occupait-il au Liban ?", "He was deputy head of mission in Haiti.", false},
	}
	for _, tt := range tests {
		bag := a.Bag(tt.passage, English)
		var concept Concept
		for _, c := range a.Query(tt.question) {
			if c.Text == "liban" || c.Text == "somalie" || c.Text == "conseil" || c.Text == "rembourse" || c.Text == "secretaire" {
				concept = c
			}
		}
		if concept.Text == "" {
			t.Fatalf("%q: none of its concepts is the word tested", tt.question) // else Has of no concept passes a want of false
		}
		if got := bag.Has(concept); got != tt.want {
			t.Errorf("%q meets %q: %v, want %v", concept.Text, tt.passage, got, tt.want)
		}
	}
}

// TestSpelledApart: a French word whose English no ending gives meets it
// ("conseil", "conseils": "Council"), one way only: an English "council"
// is not read as the French reports' "Conseil", which names Haiti's
// transitional council as often as the Security Council.
func TestSpelledApart(t *testing.T) {
	a := New(nil)
	tests := []struct {
		word, passage, lang string
		want                bool
	}{
		{"conseil", "All 15 members of the Council approved it.", English, true},
		{"conseils", "The councils met.", English, true},
		{"council", "Le Conseil présidentiel de transition a décidé.", French, false},
		{"conseil", "The Assembly approved it.", English, false},
	}
	for _, tt := range tests {
		cs := a.Query(tt.word)
		if len(cs) != 1 {
			t.Fatalf("%q: %d concepts", tt.word, len(cs))
		}
		if got := a.Bag(tt.passage, tt.lang).Has(cs[0]); got != tt.want {
			t.Errorf("%q meets %q: %v, want %v", tt.word, tt.passage, got, tt.want)
		}
	}
}
