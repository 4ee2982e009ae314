package brief

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// AnswerType is the kind of answer a question asks for. It decides which
// sentence answers it: "how many" wants a count, "why" a cause.
type AnswerType string

// Answer types.
const (
	TypeCount  AnswerType = "count"  // how many, how large
	TypeAmount AnswerType = "amount" // how much money
	TypeDate   AnswerType = "date"   // when, what year, until when
	TypeTime   AnswerType = "time"   // at what time: a clock time or a time of day
	TypeLength AnswerType = "length" // how long: a span of time
	TypeAge    AnswerType = "age"    // how old
	TypeWho    AnswerType = "who"    // who, which country or body
	TypePlace  AnswerType = "place"  // where
	TypeReason AnswerType = "reason" // why
	TypeManner AnswerType = "how"    // how did it happen
	TypeYesNo  AnswerType = "yes_no" // is it, did it
	TypeOther  AnswerType = "other"  // what is, what did
)

// phraseCue is a run of folded words that marks a question's type.
type phraseCue struct {
	words []string
	t     AnswerType
}

func cues(t AnswerType, phrases ...string) []phraseCue {
	out := make([]phraseCue, len(phrases))
	for i, p := range phrases {
		out[i] = phraseCue{strings.Fields(p), t}
	}
	return out
}

// typeCues are tried in order: the first that occurs in the question wins,
// so "how many" is seen before "how" and "since when" before "since".
var typeCues = concatCues(
	cues(TypeCount, "how much of"), // a share: "how much of the capital"
	cues(TypeAmount, "how much money", "how much funding", "how much cash", "how much did", "how much has", "how much will",
		"how much does", "how much is", "what amount", "which amount", "dollar figure", "dollar amount", "in dollars", "in us dollars", "in usd", "price tag", "what sum", "how many dollars",
		"combien d argent", "combien de dollars", "quel montant", "how much"),
	cues(TypeCount, "how many", "number of", "how large", "how big", "what size", "what strength", "what margin", "by how much",
		"combien", "cuantos", "cuantas"),
	cues(TypeAge, "how old", "what age", "which age", "quel age"),
	cues(TypeLength, "how long", "for how long", "combien de temps", "pendant combien de temps"),
	// "At what time did they board": an hour or a part of the day, which
	// a sentence telling only the day ("on Friday") does not give.
	cues(TypeTime, "at what time", "what time", "which time", "what hour", "at what hour", "a quelle heure", "quelle heure", "a quel moment de la journee"),
	cues(TypeDate, "when", "what date", "which date", "what year", "which year", "what years", "which years", "in what years", "what day", "what month", "since when",
		"until when", "by what date", "quand", "quelle date", "quel jour", "quel mois", "quelle annee", "depuis quand", "jusqu a quand", "cuando"),
	cues(TypeReason, "why", "how come", "for what reason", "what reason", "what is the reason", "what the reason", "what was the reason",
		"what were the reasons", "what are the reasons", "on what grounds", "what grounds", "what legal grounds", "argument for", "rationale for", "what caused", "what led to",
		"what prompted", "what drove", "what behind", "what is behind", "what was behind", "comment se fait il", "pourquoi", "pour quelle raison", "por que",
		// What held a thing back asks its cause as much as "why did it fall short".
		"what held", "what holds", "what is holding", "what was holding", "what kept", "what stopped", "what prevented", "what hampered",
		"what hindered", "what slowed", "what delayed", "what limited", "what constrained", "what undermined", "what stood in the way",
		// What a thing is for, and what it hangs on, are asked as its
		// reason is (reasonFacets say which sentences tell them); a
		// condition is a ground too: "only if both countries have an agreement".
		"under what condition", "under what conditions", "on what condition", "on what conditions", "on what terms",
		"under what terms", "on what basis", "purpose of", "what purpose", "goal of", "the goal", "aim of", "meant to achieve",
		"supposed to achieve", "under what circumstances", "in what circumstances", "a quelle condition", "a quelles conditions", "sous quelles conditions",
		// What a deed would need first is the condition it hangs on:
		// "what would Kenya need in place to send police".
		"need in place", "needs in place", "needed in place", "what would it take", "what it would take", "what would be required",
		"what would be needed", "what is required", "what was required"),
	cues(TypePlace, "where", "which city", "what city", "which town", "what town", "which airport", "what airport", "which port", "which village",
		"which neighbourhood", "which neighborhood", "which district", "which region", "which department", "which commune", "which area", "ou se", "ou est", "ou sont",
		"quelle ville", "quel village", "quel quartier", "quelle commune", "quelle region", "quel aeroport", "quel port", "donde"),
	cues(TypeWho, "who", "whom", "whose", "names of", "name of", "noms des", "nom du", "which country", "which countries", "what country", "what countries", "which nation",
		"which nations", "which body", "which official", "which organisation", "which organization", "qui", "quel pays",
		"quels pays", "quien"),
	cues(TypeManner, "by what means", "par quel moyen", "how did", "how does", "how do", "how was", "how were", "how is", "how are", "how will", "how has",
		"how have", "how can", "how could", "comment"),
)

func concatCues(lists ...[]phraseCue) []phraseCue {
	var out []phraseCue
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// askingPrepositions put a question word to what comes before it: "the
// latest on when", "a word about where".
var askingPrepositions = lexiconSet(`on about of for as to sur de concernant`)

// asksOfNext reports the asking preposition at words[i]. An "on" asks of
// what follows after a word for news ("the latest on when"), not after
// what it is part of ("what errand was the team on when ...").
func asksOfNext(words []string, i int) bool {
	if words[i] == "on" {
		return i > 0 && newsWords[words[i-1]]
	}
	return askingPrepositions[words[i]]
}

var newsWords = lexiconSet(`latest news word update updates info details anything something`)

// openingQuestionWords open a question that asks by themselves.
var openingQuestionWords = lexiconSet(`which whose lequel laquelle ` + whatWords)

// yesNoStarts open a question answered by yes or no.
var yesNoStarts = map[string]bool{"is": true, "are": true, "was": true, "were": true, "did": true, "does": true, "do": true,
	"has": true, "have": true, "had": true, "can": true, "will": true, "could": true, "should": true, "would": true, "est": true}

// valued reports a kind of answer that is a value a sentence can be
// checked for: a number, an amount, a date, a span, an age, a name, a
// place.
func (t AnswerType) valued() bool {
	switch t {
	case TypeCount, TypeAmount, TypeDate, TypeTime, TypeLength, TypeAge, TypeWho, TypePlace:
		return true
	}
	return false
}

// clauseOpeners open a clause that sets the scene before the question
// itself: "When Trump froze the fund, how much ...", "At the time of the
// renewal, how many ...", "Lorsque ..., combien ...".
var clauseOpeners = lexiconSet(`when after before once while if at during under amid following of among lorsque lorsqu alors parmi`)

// topicOpeners open a description set before the question, as chat
// types it: "that guy who ..., what ...", "the harvard folks worry ...,
// what ...".
var topicOpeners = lexiconSet(`that this those these the`)

// clauseLeads may come before a clause opener without changing the
// clause: "back when", "right after", "just before".
var clauseLeads = lexiconSet(`back right just even way shortly soon`)

// mainClause returns the question after a leading clause that only sets
// the scene ("When Washington froze its contribution, how much had the
// fund raised?" asks how much, not when), or the question itself. "When
// did ..." is the question, and so is "When ..., and how many ...".
func mainClause(question string) string {
	toks := lexicon.Tokens(question)
	if len(toks) < 3 {
		return question
	}
	opener := 0
	if clauseLeads[toks[0].Text] && clauseOpeners[toks[1].Text] {
		opener = 1 // "back when the council first approved it, ..."
	}
	opens := clauseOpeners[toks[opener].Text] && !yesNoStarts[toks[opener+1].Text] ||
		toks[0].Text == "au" && toks[1].Text == "moment" // "Au moment où ..."
	comma := strings.IndexByte(question, ',')
	// "that second guy from nairobi who didn't make it home, what job
	// ...": a reader names what the question is of, then asks it; a
	// "who" in the description is no question word.
	opens = opens || topicOpeners[toks[0].Text] && comma > 0
	stated := false
	if colon := strings.Index(question, ": "); colon > 0 && !opens && !joinedQuestionWords[toks[0].Text] && !yesNoStarts[toks[0].Text] {
		// "Parliament approved the deployment in November: what was the
		// vote tally?" states the scene, then asks.
		opens, comma, stated = true, colon, true
	}
	if opens && comma < 0 {
		// Typed without its comma: "under res 2743 how many staff ..."
		// asks from its question word on.
		comma = questionWordAfter(toks)
	}
	if !opens || comma < 0 {
		return question
	}
	rest := strings.TrimSpace(question[comma+1:])
	first := lexicon.Tokens(rest)
	if len(first) == 0 || first[0].Text == "and" || first[0].Text == "et" || first[0].Text == "or" {
		return question
	}
	if t := cueType(tokenTexts(first)); t == TypeOther && !yesNoStarts[first[0].Text] && !(stated && joinedQuestionWords[first[0].Text]) &&
		!openingQuestionWords[first[0].Text] { // "When the council approved it, what was ..." asks what
		return question
	}
	return rest
}

// questionWordAfter returns the offset just before the first question word
// past the opening one ("how many" in "under res 2743 how many ..."), as
// the comma of a scene would sit; -1 when there is none.
func questionWordAfter(toks []lexicon.Token) int {
	for i := 2; i < len(toks); i++ {
		if questionWords[toks[i].Text] {
			return toks[i].Start - 1
		}
	}
	return -1
}

// questionWords ask a question inside a scene typed without its comma:
// joinedQuestionWords less those that also join a clause or name a thing
// ("when", "quand", "until", "ou", "comment").
var questionWords = lexiconSet(`how what which who whom whose why where combien quel quelle quels quelles qui pourquoi`)

// questionType tells what kind of answer a question asks for.
func questionType(question string) AnswerType {
	clause := mainClause(question)
	words := tokenTexts(lexicon.Tokens(clause))
	if t := cueType(words); t != TypeOther {
		if t == TypeCount && paysHowMuch(words) && !countsAThing(clause) {
			return TypeAmount
		}
		return t
	}
	if len(words) > 0 && yesNoStarts[words[0]] {
		return TypeYesNo
	}
	if asksErrand(words) {
		return TypeManner
	}
	if asksSize(words) {
		return TypeCount
	}
	return twoFiguresType(words)
}

// sizeNouns name how large a force is, which a count tells.
var sizeNouns = lexiconSet(`strength size ceiling`)

// asksSize reports "what is the present strength of the gsf", "what's
// the GSF's personnel ceiling": a "what" asking a force's size asks a
// count, as "what strength" does, with words between.
func asksSize(words []string) bool {
	if len(words) == 0 || !whatOrWhich[words[0]] {
		return false
	}
	return slices.ContainsFunc(words[1:min(len(words), sizeWindow)], func(w string) bool { return sizeNouns[w] })
}

// sizeWindow is how far into the question the size noun may come: past
// it, the noun is the thing a further clause tells of.
const sizeWindow = 7

// errandNouns name what someone was out doing.
var errandNouns = lexiconSet(`errand errands job task assignment mission`)

// asksErrand reports "what errand was the team on", "what job were they
// on when ...": what those it befell were doing, as a "how" asks of
// the deed's manner ("dispatched to recover a vehicle"), not a role.
func asksErrand(words []string) bool {
	for i := 0; i+3 < len(words); i++ {
		if !whatOrWhich[words[i]] || !errandNouns[words[i+1]] || !beForms[words[i+2]] {
			continue
		}
		for j := i + 3; j < min(len(words), i+7); j++ {
			if words[j] == "on" {
				return true
			}
		}
	}
	return false
}

// whatOrWhich and beForms open an errand asked (asksErrand): "what job
// were they on".
var (
	whatOrWhich = lexiconSet(`what which`)
	beForms     = lexiconSet(`was were is are`)
)

// twoFiguresType is the kind asked by "what were the two figures?", "both
// amounts": two values, amounts when the question speaks of money, else
// counts; TypeOther when none is asked so.
func twoFiguresType(words []string) AnswerType {
	for i := 0; i+1 < len(words); i++ {
		if twoWords[words[i]] && figureNouns[words[i+1]] {
			if slices.ContainsFunc(words, func(w string) bool { return genericMoney[w] || moneyWords[w] || amountHeads[w] }) {
				return TypeAmount
			}
			return TypeCount
		}
	}
	return TypeOther
}

// paysHowMuch reports a French "combien" that counts nothing ("combien
// le Canada a-t-il versé", not "combien de policiers") asked of a
// payment: how much money, as "how much" is.
func paysHowMuch(words []string) bool {
	at := slices.Index(words, "combien")
	if at < 0 || at+1 < len(words) && (words[at+1] == "de" || words[at+1] == "d") {
		return false
	}
	return slices.ContainsFunc(words[at+1:], func(w string) bool { return paymentVerbs[w] })
}

// combienDeRE matches a French "combien" counting a thing: "combien de
// policiers", "combien d'hélicoptères" (the elided "d'" is no token, so
// the words alone cannot tell it from "combien le Canada a-t-il versé").
var combienDeRE = regexp.MustCompile(`(?i)\bcombien\s+d(?:e\s|es\s|['’ʼ])`)

// countsAThing reports a French question counting a thing ("combien
// d'hélicoptères le Salvador a-t-il promis"): a count, though a payment
// verb follows.
func countsAThing(clause string) bool { return combienDeRE.MatchString(clause) }

// paymentVerbs pay, in French, as folded.
var paymentVerbs = lexiconSet(`verse versee verses paye payee payes donne donnee donnes contribue depense depensee promis promise engage engagee recu recue`)

// figureNouns name values without saying of what.
var figureNouns = lexiconSet(`figure figures number numbers amount amounts sum sums total totals chiffre chiffres montant montants`)

// cueType is the kind of answer the first type cue in words asks for.
func cueType(words []string) AnswerType {
	// The cue that comes first says what is asked: "Which countries
	// abstained when ..." asks who, not when.
	// At the same place the longer cue says more: "combien de temps" asks
	// how long, not how many.
	best, bestAt, bestLen := TypeOther, len(words), 0
	for _, c := range typeCues {
		at := runIndex(words, c.words)
		if c.t == TypeTime && at >= 0 && at+len(c.words) < len(words) && timeCompounds[words[at+len(c.words)]] {
			continue // "what time frame", "what time limit": a span or a date, not an hour
		}
		if c.t == TypeCount && vagueNumber(words, at) {
			continue // "a number of the cops wanted out": some, not how many
		}
		if at >= 0 && (at < bestAt || at == bestAt && len(c.words) > bestLen) {
			best, bestAt, bestLen = c.t, at, len(c.words)
		}
	}
	// "Which members threatened a veto when the US floated it?": opened
	// by its own question word, a question's later "when" or "where"
	// starts a clause, not what is asked.
	// "What's the latest on when ..." still asks when.
	if bestAt > 0 && bestLen == 1 && (best == TypeDate || best == TypePlace) && len(words) > 0 && openingQuestionWords[words[0]] &&
		!asksOfNext(words, bestAt-1) {
		return TypeOther
	}
	if best == TypeCount && numberOfALabel(words, bestAt) {
		return TypeOther // "the number of the resolution" is which resolution
	}
	return best
}

// vagueNumber reports the quantifier "a number of" ("a large number
// of") at words[at]: it says some, as "several" does, and asks no count.
func vagueNumber(words []string, at int) bool {
	if at < 0 || words[at] != "number" {
		return false
	}
	return at > 0 && words[at-1] == "a" || at > 1 && words[at-2] == "a"
}

// numberOfALabel reports "number of the resolution" at words[at]: the
// number a thing is named by ("resolution 2814"), not a count of them.
func numberOfALabel(words []string, at int) bool {
	return at+3 < len(words) && words[at] == "number" && words[at+1] == "of" && determiners[words[at+2]] && numberLabels[words[at+3]]
}

// numberWords ask a thing's number, as folded: "resolution number",
// "le numéro de la résolution".
var numberWords = lexiconSet(`number numero`)

// labelNumberWindow is how far after a number word its label may come:
// "number of the resolution", "what number is the resolution".
const labelNumberWindow = 4

// labelOfNumber is the label whose number a number word at words[at] asks
// ("resolution" in "the resolution number", "what number is the
// resolution that ...", "le numéro de la résolution"), or "" when the word
// asks no label's number.
func labelOfNumber(words []string, at int) string {
	if at < 0 || at >= len(words) || !numberWords[words[at]] {
		return ""
	}
	label := func(w string) bool { return numberLabels[w] && !numberWords[w] && len(w) > 3 }
	if at > 0 && label(words[at-1]) {
		return words[at-1]
	}
	// Only small words may come between: "the number of troops the
	// resolution authorized" counts troops.
	for _, w := range words[at+1 : min(len(words), at+1+labelNumberWindow)] {
		if label(w) {
			return w
		}
		if !lexicon.IsStopWord(w) {
			break
		}
	}
	return ""
}

// withoutLabelNumber drops the number words that ask a label's number
// ("what's the resolution number that set up the gsf"): the answer writes
// the number after the label ("Resolution 2793"), and as a word "number"
// finds reports telling a force's numbers.
func withoutLabelNumber(text string) string {
	toks := lexicon.Tokens(text)
	words := tokenTexts(toks)
	var b strings.Builder
	last := 0
	for i, t := range toks {
		if labelOfNumber(words, i) != "" {
			b.WriteString(text[last:t.Start])
			last = t.End
		}
	}
	b.WriteString(text[last:])
	return tidySpaces(b.String())
}

// clockRE matches a time written on the clock: "14:30", "10 a.m.",
// "9pm", "23h", "6 o'clock".
var clockRE = regexp.MustCompile(`(?i)\b\d{1,2}(?:[:.h]\d{2}\b|\s?h\b|\s?[ap]\.?m\b\.?|\s?o['’]clock\b)`)

// timeCompounds make a "time" after "what" something other than an
// hour: "what time frame", "what time limit".
var timeCompounds = lexiconSet(`frame frames limit limits period periods span spans line lines table tables scale scales horizon zone zones`)

// dayParts name a part of the day, in English and French, as folded: a
// time of day where no clock time is written ("peu après minuit").
var dayParts = lexiconSet(`midnight noon midday morning afternoon evening night overnight dawn daybreak dusk nightfall ` +
	`minuit midi matin matinee soir soiree nuit aube crepuscule`)

// statesTimeOfDay reports a clock time or a part of the day in a sentence
// (words are its folded tokens): what "at what time" asks for.
func statesTimeOfDay(sentence string, words []string) bool {
	return clockRE.MatchString(sentence) || slices.ContainsFunc(words, func(w string) bool { return dayParts[w] })
}

// statesAge reports an age among words: "26-year-old", "aged 26", "26
// years old", "âgé de 26 ans".
func statesAge(words []string) bool {
	at := func(i int) string { // "" outside words
		if i >= 0 && i < len(words) {
			return words[i]
		}
		return ""
	}
	for i, w := range words {
		if !lexicon.IsNumber(w) {
			continue
		}
		after, before, twoBefore := at(i+1), at(i-1), at(i-2)
		switch {
		case (after == "year" || after == "years") && at(i+2) == "old", after == "ans": // "26-year-old", "26 ans"
			return true
		case before == "aged" || before == "age": // "aged 26"
			return true
		case (before == "of" || before == "de") && (twoBefore == "age" || twoBefore == "agee"): // "at the age of 26", "âgé de 26"
			return true
		}
	}
	return false
}

// holdsWord reports whether text holds one of the folded words.
func holdsWord(text string, words map[string]bool) bool {
	return slices.ContainsFunc(lexicon.Tokens(text), func(t lexicon.Token) bool { return words[t.Text] })
}

// holdsRun reports whether text holds one of the runs of folded words.
func holdsRun(text string, runs [][]string) bool {
	words := tokenTexts(lexicon.Tokens(text))
	for _, r := range runs {
		if containsRun(words, r) {
			return true
		}
	}
	return false
}

// containsRun reports whether words holds run contiguously.
func containsRun(words, run []string) bool { return runIndex(words, run) >= 0 }

// runIndex returns where run first occurs in words, or -1.
func runIndex(words, run []string) int {
	for i := 0; i+len(run) <= len(words); i++ {
		match := true
		for j, r := range run {
			if words[i+j] != r {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// A number after one of these words names something (resolution 2751,
// article 5) and counts nothing.
var numberLabels = map[string]bool{"resolution": true, "resolutions": true, "article": true, "articles": true, "paragraph": true,
	"chapter": true, "section": true, "no": true, "number": true, "page": true, "pages": true, "vol": true, "session": true,
	"meeting": true, "res": true, "s": true, "resolutions2": true}

// moneyWords mark an amount of money beside a number.
var moneyWords = lexiconSet(`dollar dollars usd us$ euro euros eur shilling shillings ksh kes pound pounds gbp cad yen million billion millions billions funding fund funds budget pledged pledge contributed contribution dollars gourdes gourde`)

func lexiconSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// reasonCues mark a sentence that gives a cause.
var reasonCues = [][]string{{"because"}, {"due", "to"}, {"owing", "to"}, {"as", "a", "result"}, {"result", "of"}, {"in", "order", "to"},
	{"so", "that"}, {"following"}, {"amid"}, {"citing"}, {"cited"}, {"reason"}, {"reasons"}, {"since"}, {"given"}, {"lack", "of"},
	{"shortfall"}, {"after"}, {"over"}, {"unconstitutional"}, {"parce"}, {"raison"}, {"cause"}, {"suite"}, {"afin"}, {"faute"},
	{"en", "raison"}, {"a", "cause"}, {"to", "help"}, {"aimed"}, {"aims"}, {"intended"}, {"why"}, {"argued"}, {"said"}, {"warned"}}

// futureCues tell that a sentence states what is expected, planned or
// promised, not what is.
var futureCues = [][]string{{"will"}, {"expected", "to"}, {"set", "to"}, {"plans", "to"}, {"planned"}, {"aims", "to"}, {"is", "to"},
	{"are", "to"}, {"is", "due"}, {"are", "due"}, {"pledged", "to"}, {"promised", "to"}, {"intends", "to"},
	{"devrait"}, {"devraient"}, {"va"}, {"vont"}, {"prevu"}, {"prevoit"}}

// speaksOfFuture reports a sentence about what is to come.
func speaksOfFuture(sentence string) bool { return holdsRun(sentence, futureCues) }

// asksOfPlan reports a question that asks what is to come in the present
// progressive of a verb of sending ("how many personnel is Chad sending",
// "how many are they deploying"): English says an arrangement so, and the
// report's "is set to deploy 800" answers it.
func asksOfPlan(question string) bool {
	words := tokenTexts(lexicon.Tokens(question))
	for i, w := range words {
		if !planVerbs[w] {
			continue
		}
		for j := i - 1; j >= max(i-3, 0); j-- {
			if progressiveAux[words[j]] {
				return true
			}
		}
	}
	return false
}

// planVerbs send or give what a country has arranged to; progressiveAux
// make them progressive.
var (
	planVerbs      = lexiconSet(`sending deploying contributing dispatching committing`)
	progressiveAux = lexiconSet(`is are am`)
)

// placePreps put a place after them; placeNouns may stand between ("in
// the town of Pont-Sondé", "à l'aéroport Toussaint Louverture").
var (
	placePreps = lexiconSet(`in at near outside from into inside a dans en pres vers`)
	placeNouns = lexiconSet(`the of town city village capital commune district region department neighbourhood neighborhood area
airport port base camp station hospital prison la le l de du des ville aeroport quartier region departement commune`)
)

// namesPlace reports a capitalised name after a place preposition, past
// the sentence's first word: "in the town of Pont-Sondé", "at Toussaint
// Louverture airport".
func namesPlace(sentence string) bool {
	toks := lexicon.Tokens(sentence)
	for i := 1; i < len(toks); i++ {
		r, _ := utf8.DecodeRuneInString(sentence[toks[i].Start:])
		if !unicode.IsUpper(r) || lexicon.IsMonth(toks[i].Text) || lexicon.IsWeekday(toks[i].Text) {
			continue
		}
		for j := i - 1; j >= max(i-4, 0); j-- {
			if placePreps[toks[j].Text] {
				return true
			}
			if !placeNouns[toks[j].Text] {
				break
			}
		}
	}
	return false
}

// causeCues say outright that what follows is a cause; reasonCues also
// hold words that often only introduce one ("said", "after").
var causeCues = [][]string{{"because"}, {"due", "to"}, {"owing", "to"}, {"as", "a", "result"}, {"result", "of"}, {"in", "order", "to"},
	{"so", "that"}, {"citing"}, {"lack", "of"}, {"reason"}, {"reasons"}, {"parce"}, {"en", "raison"}, {"a", "cause"}, {"faute"},
	{"afin"}, {"grace", "a"}, {"in", "response", "to"}, {"in", "the", "wake", "of"}, {"as", "a", "consequence"}, {"prompted", "by"},
	{"against", "the", "backdrop", "of"}, {"in", "light", "of"}, {"in", "view", "of"},
	{"a", "la", "suite"}, {"suite", "a"}, {"en", "reponse"}}

// statesCause reports a sentence that names a cause outright.
func statesCause(sentence string) bool { return holdsRun(sentence, causeCues) }

// changeCues say that a state of things ended or passed to another: what
// "Is Kenya still leading the mission?" turns on.
var changeCues = [][]string{{"handed", "over"}, {"hands", "over"}, {"handing", "over"}, {"took", "over"}, {"takes", "over"},
	{"taken", "over"}, {"no", "longer"}, {"stepped", "down"}, {"steps", "down"}, {"replaced"}, {"replaces"}, {"succeeded"},
	{"withdrew"}, {"withdrawn"}, {"ended"}, {"drawdown"}, {"drawing", "down"}, {"passe", "le", "relais"}, {"remplace"},
	{"remplacee"}, {"cede"}, {"ne", "plus"}}

// statesChange reports a sentence that says a state ended or passed on.
func statesChange(sentence string) bool { return holdsRun(sentence, changeCues) }

// meetsType reports whether a sentence holds the kind of answer asked for.
func meetsType(t AnswerType, sentence string) bool {
	if t == TypeDate || t == TypeLength || t == TypeTime {
		if at := datelineEnd(sentence); at > 0 {
			// "UNITED NATIONS, July 12 (Xinhua) --" dates the report, not
			// what it tells.
			return meetsType(t, sentence[at:])
		}
	}
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	switch t {
	case TypeCount:
		return hasCount(sentence, toks)
	case TypeAmount:
		if strings.ContainsAny(sentence, "$€£") {
			return hasCount(sentence, toks)
		}
		for _, w := range words {
			if moneyWords[w] {
				return hasCount(sentence, toks)
			}
		}
		return false
	case TypeDate, TypeLength:
		if t == TypeLength {
			// A span of time answers "how long" ("within six months",
			// "from 2004 until 2017", "until the end of September"); a
			// date alone ("in October last year") does not.
			return lexicon.HoldsSpan(len(words), func(i int) string { return words[i] })
		}
		for _, w := range words {
			if lexicon.IsMonth(w) || lexicon.IsYear(w) || lexicon.IsWeekday(w) {
				return true
			}
		}
		return false
	case TypeTime:
		return statesTimeOfDay(sentence, words)
	case TypeAge:
		return statesAge(words)
	case TypeReason:
		for _, c := range reasonCues {
			if containsRun(words, c) {
				return true
			}
		}
		return false
	case TypeWho, TypePlace:
		return hasInnerName(sentence)
	}
	return true
}

// datelineRE matches a wire report's opening dateline: a place, a date,
// perhaps the agency, and a dash ("UNITED NATIONS, Sept. 30 (Xinhua) --",
// "Port-au-Prince, Tuesday, December 2, 2025 —").
var datelineRE = regexp.MustCompile(`^[^.!?]{0,60}?\b\d{1,2}(?:, \d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–)\s*`)

// datelineEnd returns where the text after a sentence's dateline starts, or 0.
func datelineEnd(sentence string) int {
	loc := datelineRE.FindStringIndex(sentence)
	if loc == nil {
		return 0
	}
	return loc[1]
}

// hasCount reports a number that counts something: not a year, not the day
// of a date, not a label's number (resolution 2751); or a number word.
func hasCount(sentence string, toks []lexicon.Token) bool {
	words := tokenTexts(toks)
	for i, w := range words {
		if lexicon.IsCountWord(w) || rankCountAt(sentence, toks, words, i) {
			return true
		}
		if !lexicon.IsNumber(w) || lexicon.WrittenAsYear(sentence, toks[i]) {
			continue
		}
		if i > 0 && (numberLabels[words[i-1]] || lexicon.IsMonth(words[i-1])) {
			continue
		}
		if i+1 < len(words) && lexicon.IsMonth(words[i+1]) {
			continue
		}
		return true
	}
	return false
}

// rankCountAt reports a rank that tells a count: "He is the second Kenyan
// officer to be killed" says two have been, as "the third contingent to
// arrive" says three have. The rank follows "the" and a few words after
// it an infinitive opens ("to be", "to" and a lower-case word that is no
// determiner: "the second largest contributor to the force" is no count).
func rankCountAt(sentence string, toks []lexicon.Token, words []string, i int) bool {
	if !rankWords[words[i]] || i == 0 || words[i-1] != "the" {
		return false
	}
	for j := i + 1; j < min(i+rankCountReach, len(words)-1); j++ {
		if superlativeWords[words[j]] || strings.ContainsAny(sentence[toks[j-1].End:toks[j].Start], ",;:") {
			return false
		}
		if words[j] != "to" {
			continue
		}
		next := sentence[toks[j+1].Start:toks[j+1].End]
		return !determiners[words[j+1]] && next == strings.ToLower(next) && !lexicon.IsNumber(words[j+1])
	}
	return false
}

// rankCountReach is how many words after a rank its infinitive may open.
const rankCountReach = 5

// hasInnerName reports a capitalised word past a sentence's first word: a
// person, a country, a body.
func hasInnerName(sentence string) bool {
	words := strings.Fields(sentence)
	for i, w := range words {
		if i == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'("))
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// institutionWords make a capitalised run a body, not a person: "Security
// Council", "High Court", "United Nations".
var institutionWords = lexiconSet(`council nations united security court force forces mission office ministry government police national
assembly department general state states union republic parliament senate congress agency bureau fund group council's community organization organisation
news press times post herald tribune daily agence presse
conseil nations unies securite cour force mission bureau ministere gouvernement police nationale assemblee etats`)

// personTitles stand before a person's name: "Gen Otunge", "Dr. Lamothe".
var personTitles = lexiconSet(`mr mrs ms dr sir gen lt col maj capt sgt insp prof rev fr mme mlle me
constable sergeant corporal inspector superintendent lieutenant brigadier justice professor`)

// hasPersonName reports a person's name past a sentence's first word: a
// run of two or more capitalised words that is not a body's name ("Godfrey
// Otunge", not "High Court"), or a role or title and the name after it
// ("High Court Judge Chacha Mwita", "Government Spokesperson Isaac
// Mwaura", "President Ruto").
func hasPersonName(sentence string) bool { return len(personNames(sentence)) > 0 }

// personNames returns the last word, folded, of each person's name in the
// sentence (as hasPersonName finds them): "otunge" for "Godfrey Otunge".
func personNames(sentence string) []string {
	var names []string
	for _, n := range personFullNames(sentence) {
		words := strings.Fields(n)
		names = append(names, lexicon.Fold(words[len(words)-1]))
	}
	return names
}

// personFullNames returns each person's name in the sentence as written,
// without the role or title before it: "Godfrey Otunge" for "Force
// Commander Godfrey Otunge".
func personFullNames(sentence string) []string {
	var names []string
	words := strings.Fields(sentence)
	var run, shown []string // the folded capitalised words of the current run, and as written
	for i := 0; i <= len(words); i++ {
		capital, ends := false, true
		var folded, core string
		if i < len(words) {
			core = strings.TrimFunc(words[i], func(r rune) bool { return !unicode.IsLetter(r) })
			r, _ := utf8.DecodeRuneInString(core)
			folded = lexicon.Fold(core)
			// A sentence may open with a name ("Mike Waltz, the US
			// ambassador, ..."), not with a word capitalised only there.
			capital = core != "" && unicode.IsUpper(r) && strings.ToUpper(core) != core && (i > 0 || !openingWord(folded))
			// "Kenya, Jamaica" is a list of names, not one.
			ends = !capital || strings.ContainsAny(words[i], ",.;:()")
		}
		if capital && len(run) > 0 && strings.ContainsAny(words[i][:1], "([") {
			// "Haiti (Reuters)": a bracket opens another name.
			if personRun(run) {
				names = append(names, strings.Join(shown[nameStart(run):], " "))
			}
			run, shown = run[:0], shown[:0]
		}
		if capital {
			run, shown = append(run, folded), append(shown, core)
		}
		if ends {
			if personRun(run) {
				names = append(names, strings.Join(shown[nameStart(run):], " "))
			}
			run, shown = run[:0], shown[:0]
		}
	}
	return names
}

// personRun reports whether a run of capitalised words names a person.
func personRun(run []string) bool {
	from := nameStart(run)
	name := run[from:]
	if from > 0 && len(name) >= 1 && !isBodyWord(name[len(name)-1]) {
		return true
	}
	if len(name) < 2 || placeNames[strings.Join(name, " ")] {
		return false // "El Salvador", "Sri Lanka", "South Asian": a place or its people, not a person
	}
	if articles[name[0]] {
		return false // "The Bahamas", "The Hague": no person's name opens with an article
	}
	for _, w := range name {
		if isBodyWord(w) {
			return false
		}
	}
	return true
}

// articles open a place's name ("The Bahamas"), never a person's.
var articles = lexiconSet(`the le la les`)

// placeNames are the places and peoples written in more than one word.
var placeNames = lexicon.PlaceNames()

// nameStart is where the name in a run of capitalised words begins: after
// its last role or title word ("Force Commander Godfrey Otunge"), or at 0.
func nameStart(run []string) int {
	for k := len(run) - 1; k >= 0; k-- {
		if roleHeads[run[k]] || personTitles[run[k]] {
			return k + 1
		}
	}
	return 0
}

// openingWord reports a word that opens sentences: a function word, or
// one of the adverbs and pronouns reporting starts with.
func openingWord(w string) bool {
	return lexicon.IsFunctionWord(w) || phraseEnds[w] || openers[w] || lexicon.IsCountWord(w)
}

var openers = lexiconSet(`but yet also after before since while when then however meanwhile last earlier later speaking
according asked we he she they it i you our his her their its there here this that some many most all both each`)

// isBodyWord reports a word of a body's name, a month or a weekday.
func isBodyWord(w string) bool {
	return institutionWords[w] || lexicon.IsMonth(w) || lexicon.IsWeekday(w)
}
