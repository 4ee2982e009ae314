package brief

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// The answer slot: a question the corpus can answer has a sentence that
// holds what is asked, not only what it is about. "How many Kenyan
// officers have been wounded?" is not answered by "Kenyan officers were
// killed and wounded" (no count) nor by "200 Kenyan officers arrived" (no
// wounds): every topic word is in the corpus, only the relation is not.

// phraseEnds end the phrase a question word asks about: verbs that help,
// prepositions, conjunctions, articles (English and French).
var phraseEnds = lexiconSet(`has have had did does do will would shall may might can could should is are was were be been being
of in on at to for with by from into about during between than since under over per via up out off down
behind against across toward towards around near beyond after before among amid within without through throughout despite
` + predicatives + `
and or but when that which who whom whose where while as if so the a an its their his her this these those
a t il elle ils elles on ont sont est va vont etait sera seront fut le la les un une des du de
dans sur pour avec par entre depuis pendant et ou que qui dont lors`)

// predicatives say a state of the thing asked ("until when is its mandate
// [good] for"): they end its phrase and are no relation to look for.
const predicatives = `good valid active effective due`

var predicative = lexiconSet(predicatives)

// modalWords say what was meant to be ("was supposed to reach what
// headcount"), not what it is of: reports give the figure without them.
var modalWords = lexiconSet(`supposed meant slated`)

// phraseLeads may open the phrase without being part of it.
var phraseLeads = lexiconSet(`is are was were ` + determinerWords + `
le la les l un une des du de d est sont ce cette ces son sa ses leur leurs`)

// phraseVerbs are common verbs without a telling ending: a phrase stops
// before them ("how many women [serve]", "which carrier [flew]").
var phraseVerbs = lexiconSet(`came come comes sat sit sits flew fly flies lost lose loses set sets went go goes gone got get gets
gave give gives took take takes made make makes put puts said say says saw see sees sent send sends serve serves left leave leaves
won win wins held hold holds paid pays told tell tells thought knew know knows began begin begins begun ran run runs rose fell
brought bring brings bought buy buys kept keep keeps met meet meets spent spend spends stood stand stands wrote write writes
want wants need needs mean means meant quit quits become became remain remains stay stays
receive received receives obtain obtained obtains garner garnered recueilli recueillie recueillies recueillis obtenu obtenue obtenues obtenus`)

// nameTail reports a word that ends a body's name the glossary holds
// without it: "mission" in "the Multinational Security Support mission".
// It matters for a "who", whose relation must stand beside the name; for
// a date or a count, beside or in the title will do (and the word kept as
// the relation ranked the bundled notes better).
func nameTail(asked []lexicon.Concept, toks []lexicon.Token, c lexicon.Concept) bool {
	if !nameTails[c.Text] {
		return false
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].Text != c.Text {
			continue
		}
		for _, g := range asked {
			if gt := lexicon.Tokens(g.Text); g.Glossary && len(gt) > 0 && gt[len(gt)-1].Text == toks[i-1].Text {
				return true
			}
		}
	}
	return false
}

var nameTails = lexiconSet(`mission force office operation mechanism`)

// portfolios narrow a role to one office: "the justice minister".
var portfolios = lexiconSet(`justice foreign defence defense interior finance health education trade economy`)

// vagueHeads name no kind of thing: "what stuff is the office to
// supply" asks what, and the sentence that lists rations and fuel never
// calls them stuff.
var vagueHeads = lexiconSet(`stuff thing things`)

// roleRanks narrow a role to another office than the plain one: "the
// deputy head" is not the head.
var roleRanks = lexiconSet(`deputy vice assistant acting interim adjoint adjointe`)

// metaHeads name the kind of answer, not a thing a sentence would say:
// "what is the name of ...", "what number ...".
var metaHeads = lexiconSet(`name names number numbers date dates year years day days month months time times title
identity figure figures total share proportion percentage percent part portion rate nom nombre date annee jour mois temps part pourcentage
article articles report reports document documents paper papers study studies piece story statement release
rapport rapports etude communique`)

// entityHeads name the kind of thing a name answers: "which body", "what
// country". The sentence must hold a name, not the word.
var entityHeads = lexiconSet(`body bodies country countries nation nations state states organisation organization
organisations organizations agency agencies group groups person people official officials entity institution
individual individuals guy guys man woman fellow
pays organisme organisation institution personne`)

// roleHeads are people's roles: "which [spokesperson]", "what [judge]"
// asks for a person, named in the sentence ("Isaac Mwaura"), not for the
// role nor for a body.
var roleHeads = lexiconSet(`pm boss strongman coordinator adviser advisor candidate prosecutor general colonel captain
leader leaders spokesperson spokesman spokeswoman officer officers commander commanders chief chiefs
judge judges minister ministers envoy envoys ambassador ambassadors diplomat diplomats president presidents premier
representative representatives commissioner secretary senator senators lawmaker lawmakers mp mps activist activists
journalist journalists lawyer lawyers governor mayor director directors negotiator negotiators
dirigeant dirigeants chef chefs porte juge juges ministre ministres envoye ambassadeur ambassadeurs diplomate president presidente
representant representante commissaire secretaire senateur avocat avocats journaliste directeur directrice`)

// notHeads describe the head rather than being it: "the first [officer]".
var notHeads = lexiconSet(`first second third fourth fifth last next new former latest previous recent most other main
recently currently presently previously initially originally finally already yet never later earlier afterwards subsequently
exactly precisely roughly approximately nearly almost actually really overall responsible
premier premiere deuxieme dernier derniere prochain prochaine nouveau nouvelle ancien ancienne autre`)

// amountHeads make a question ask for an amount.
var amountHeads = lexiconSet(`salary salaries pay wage wages budget budgets cost costs price prices compensation funding
contribution contributions spending expenditure fee fees allowance allowances stipend
salaire salaires cout couts montant financement indemnite indemnites depense depenses`)

// countHeads make a question ask for a count: "what is the GSF's
// ceiling".
var countHeads = lexiconSet(`headcount ceiling strength size toll tally effectif effectifs plafond`)

// measureHeads name the count itself, which reports give without the
// word: "what headcount" is answered by "a force of 2,500".
var measureHeads = lexiconSet(`headcount size strength effectif effectifs`)

// genericMoney name money without saying what it is for: "how much money"
// is answered by "$200 million", while "how much salary" needs a salary.
var genericMoney = lexiconSet(`money cash funds funding dollars amount sum aid aide argent fonds financement somme`)

// speechActs are deeds of speech a "who" asks the doer of, which a report
// tells with its own verb of saying ("said", "added", a quotation).
var speechActs = lexiconSet(`vow vowed vows warn warned warns claim claimed claims insist insisted insists argue argued argues declare declared declares state stated states assert asserted asserts say said says remark remarked stress stressed`)

// reportsWords reports a sentence of the passages the gate looks at that
// reports words (speechCue).
func reportsWords(r retrieval) bool {
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		sents, _ := r.an.of(h)
		if slices.ContainsFunc(sents, speechCue.MatchString) {
			return true
		}
	}
	return false
}

// relationConcepts is how many of the question's rarest other concepts
// may stand for its relation: one (two let "wounded" be met by "Haiti").
const relationConcepts = 1

// sizeCues end a cue that asks for a size.
var sizeCues = lexiconSet(`big large size strength`)

// maxTerseWords bounds a question typed as a bare phrase ("GSF budget?").
const maxTerseWords = 3

// maxPhraseWords bounds the asked phrase ("former gang members").
const maxPhraseWords = 5

// askedPhrase is the phrase a question word asks about.
type askedPhrase struct {
	head      string   // "ambassador"
	modifiers []string // the phrase's other words: "kenya"
	owner     string   // a modifier written as a possessive: "kenya" in "Kenya's ambassador"
	cue       []string // the question word(s): "who"
}

// askPhrase finds the phrase the question's wh-word asks about: "how many
// former gang [members] have", "which [company] holds", "what is the
// monthly [salary] of", "who is Kenya's [ambassador]"; and the cue ("which
// countries" and "what year" name their thing themselves). The head is ""
// when the question word is followed by its verb ("who commands").
func askPhrase(question string) askedPhrase {
	// "who is currently the GSF special representative": the present's
	// words stand outside the phrase.
	question = tidySpaces(withoutRuns(mainClause(question), presentCues))
	toks := lexicon.Tokens(question)
	words := tokenTexts(toks)
	var cue []string
	start := -1
	for _, c := range typeCues {
		if at := runIndex(words, c.words); at >= 0 && (start < 0 || at+len(c.words) < start) {
			start, cue = at+len(c.words), c.words
		}
	}
	if start < 0 && len(words) > 0 {
		// "Under which resolution", "at what airport": a preposition may
		// lead the question word.
		at := 0
		if len(words) > 1 && leadingPrepositions[words[0]] {
			at = 1
		}
		if words[at] == "which" || whatCues[words[at]] {
			start, cue = at+1, words[at:at+1]
		}
	}
	if start < 0 {
		start, cue = inSituWhat(words)
	}
	if start < 0 && len(words) > 0 && len(words) <= maxTerseWords && !yesNoStarts[words[0]] {
		// "GSF budget?", "GSF commander": a terse question is all phrase,
		// its head the last word.
		// Only a head that names a kind of answer (an amount, a role, a
		// body) asks for one: "binuh mandate end" names no kind.
		for _, w := range words {
			if phraseEnds[w] || phraseVerbs[w] || lexicon.IsStopWord(w) {
				return askedPhrase{} // a sentence, not a phrase
			}
		}
		last := words[len(words)-1]
		if !amountHeads[last] && !roleHeads[last] && !entityHeads[last] {
			return askedPhrase{}
		}
		p := askedPhrase{head: last, modifiers: words[:len(words)-1]}
		for _, t := range toks[:len(toks)-1] {
			if possessive(question, t) {
				p.owner = t.Text // "kenya's ambassador"
			}
		}
		return p
	}
	if start < 0 {
		return askedPhrase{}
	}
	if namingCue(cue) {
		// "which town was ... shot", "what year did ...": the cue names
		// the thing asked; what follows is the rest of the question.
		return askedPhrase{cue: cue}
	}
	i := start
	led := false
	for i < len(words) && phraseLeads[words[i]] {
		i, led = i+1, true
	}
	if !led && start > 0 && (words[start-1] == "who" || words[start-1] == "qui") {
		return askedPhrase{cue: cue} // "who commands the force"
	}
	out := askedPhrase{cue: cue}
	var kept []string
	for n := 0; i < len(words) && n < maxPhraseWords; i, n = i+1, n+1 {
		w := words[i]
		if (w == "of" || w == "de") && len(kept) > 0 && metaHeads[kept[len(kept)-1]] {
			// "which piece of Kenyan legislation", "what kind of
			// support": the thing is named after "of".
			kept, n = nil, -1
			continue
		}
		if phraseEnds[w] || phraseVerbs[w] || verbLike(w) && !(determined(question, toks, start, i) && modifiesNext(words, i)) || verbBeforeParticle(words, i) {
			break
		}
		if possessive(question, toks[i]) {
			out.owner = w
		}
		if i > 0 && question[toks[i-1].End:toks[i].Start] == "/" {
			continue // "police/gendarmes": the other word for the same thing
		}
		if !notHeads[w] && (len(w) > 2 || roleHeads[w]) {
			kept = append(kept, w)
		}
	}
	switch {
	case len(kept) == 0:
		out.owner = ""
	case lexicon.IsFrenchOpener(words[0]): // its phrase puts its head first ("la contribution américaine")
		out.head, out.modifiers = kept[0], kept[1:]
	default:
		out.head, out.modifiers = kept[len(kept)-1], kept[:len(kept)-1]
	}
	if out.owner == out.head {
		out.owner = "" // "the force's" with nothing after: the head itself
	}
	return out
}

// verbBeforeParticle reports a verb the question writes without a telling
// ending, which ends the asked phrase: an irregular past ("which judge
// threw out the deployment"), or a word a particle follows ("which
// country stepped up", "which official shut off the funding").
func verbBeforeParticle(words []string, i int) bool {
	return i > 0 && (lexicon.IsIrregularVerb(words[i]) || i+1 < len(words) && particles[words[i+1]])
}

// particles make a phrasal verb of the word before them ("over" and
// "down" are left out: they lead a noun as often, "a veto over").
var particles = lexiconSet(`out up off`)

// whatCues are the "what" words: with "which" they open a question's
// phrase, and before a label they ask which one ("what resolution",
// "quelle résolution").
var whatCues = lexiconSet(whatWords)

// whatWords are whatCues as written; openingQuestionWords hold them too.
const whatWords = `what quel quelle quels quelles`

// leadingPrepositions may open a question before its "which": "under
// which resolution", "in what town", "sous quelle résolution".
var leadingPrepositions = lexiconSet(`under in at by from with for to on into sous dans par selon en`)

// verbLike reports a word ending as a participle does, "killed",
// "deploying", but for the things named so ("ceiling").
func verbLike(w string) bool {
	if nounIngs[w] {
		return false // "ceiling", "funding": things
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") || len(w) > 5 && strings.HasSuffix(w, "ing") || shortPast(w)
}

// shortPast reports a four-letter past whose stem ends in a vowel or a
// glide ("sued", "died", "owed", "eyed"), not a thing ("shed", "sled").
func shortPast(w string) bool {
	return len(w) == 4 && strings.HasSuffix(w, "ed") && strings.ContainsRune("aiouwy", rune(w[1]))
}

// determined reports a determiner or a possessive among the question's
// words from start to before i: "the estimated budget" is a noun phrase,
// "when was Godfrey Otunge appointed force commander" a clause.
func determined(question string, toks []lexicon.Token, start, i int) bool {
	for j := start; j < i; j++ {
		if determiners[toks[j].Text] || possessive(question, toks[j]) {
			return true
		}
	}
	return false
}

// determiners open a noun phrase; phraseLeads hold them too.
var determiners = lexiconSet(determinerWords)

// determinerWords are determiners as written.
const determinerWords = `the a an its their his her this that these those`

// modifiesNext reports a participle that qualifies the noun after it
// ("the estimated first-year operating budget", "the GSF's authorized
// ceiling"), not the verb of a clause ("the officer killed in ..."): a
// word follows that is neither a function word nor a participle itself,
// or a participle that qualifies the noun after it ("the estimated
// operating budget").
func modifiesNext(words []string, i int) bool {
	if i+1 >= len(words) {
		return false
	}
	next := words[i+1]
	if phraseEnds[next] || phraseVerbs[next] || lexicon.IsStopWord(next) || deedEnds[next] ||
		auxiliaries[next] || lexicon.IsNumber(next) || strings.HasSuffix(next, "ly") {
		return false
	}
	return !verbLike(next) || modifiesNext(words, i+1)
}

// inSituWhat finds a "what" asking a figure in the middle of a question,
// "the MSS was supposed to reach what headcount": where its phrase starts
// and the cue, or -1 when there is none. Other nouns are left alone: "within
// what timeframe" asks within a clause the question opens with.
func inSituWhat(words []string) (int, []string) {
	for i, w := range words {
		if i == 0 || i+1 >= len(words) || w != "what" && w != "which" {
			continue
		}
		if next := words[i+1]; countHeads[next] || amountHeads[next] {
			return i + 1, words[i : i+1]
		}
	}
	return -1, nil
}

// possessive reports a token of question written with "'s": "Kenya's".
func possessive(question string, t lexicon.Token) bool {
	rest := question[t.End:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// nounIngs end like verbs but name things: a predicate is what is done,
// and "funding" or "meeting" is asked about.
var nounIngs = lexiconSet(`during being according including following regarding concerning ongoing morning evening
funding meeting training fighting hearing ruling briefing building thing nothing something anything everything
policing spending ceiling wording`)

// auxiliaries help the verb a question asks of: "who has [led]".
var auxiliaries = lexiconSet(`has have had did does do will would shall can could should may might is are was were been being currently now still`)

// reportingVerbs tell how a report names someone, not what they do: "who
// is listed as the deputy commander" asks for the commander.
var reportingVerbs = lexiconSet(`listed named called known described mentioned reported cited quoted identified
credited considered seen regarded expected said`)

// predicateOf returns the verb that follows a question's cue: "who is
// [commanding]", "who [signed]"; "" when there is none.
func predicateOf(question string, cue []string) string {
	words := tokenTexts(lexicon.Tokens(question))
	at := runIndex(words, cue)
	if at < 0 {
		return ""
	}
	for _, w := range words[at+len(cue):] {
		switch {
		case auxiliaries[w] || nounIngs[w]:
			continue
		case reportingVerbs[w], phraseVerbs[w]:
			return "" // "who went to court": a common verb is said in too many ways to ask for
		case len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")),
			len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			return w
		}
		if !phraseLeads[w] {
			return "" // "who is Kenya's ambassador": a thing, not a deed
		}
	}
	return ""
}

// deedHelpers put a deed after its doer: "when did Chad's troops [land]",
// "when has Kenya [sent]". A form of "be" is left out: "when was the
// meeting" dates a thing.
var deedHelpers = lexiconSet(`did does do has have had will`)

// askedDeed returns the verb a "when did X <verb> (Y)" question asks the
// date of: the word before the first determiner or preposition after the
// doer ("did Kenya's parliament [reject] the deployment", "did Chad's
// troops [land] in Haiti"), else the last word that is no name ("did
// Christofides [visit] Santo Domingo"); "" when there is none or it is a
// common verb. Besides the doer's names it returns the doer's own words:
// the words of the run before the deed ("did Kenya's [high] [court]
// approve", "did Chad's [troops] land"), which a sentence telling the
// deed must hold too.
func askedDeed(question string, cue []string, names map[string]bool) (deed string, doers, heads []string) {
	if q, _, ok := strings.Cut(question, "?"); ok {
		question = q // "... would arrive? writing a timeline"
	}
	question = beforeSetting(question)
	toks := lexicon.Tokens(question)
	words := tokenTexts(toks)
	at := runIndex(words, cue)
	if at < 0 || at+len(cue) >= len(words) || !deedHelpers[words[at+len(cue)]] {
		return "", nil, nil
	}
	seen := false
	for i := at + len(cue) + 1; i < len(words); i++ {
		w := words[i]
		if (determiners[w] || deedEnds[w]) && seen {
			break
		}
		if names[w] || capitalised(question, toks[i]) || lexicon.IsStopWord(w) || lexicon.IsYear(w) {
			if !seen && !lexicon.IsStopWord(w) && !lexicon.IsYear(w) {
				doers = append(doers, w)
			}
			continue // "Santo Domingo" is where, not what was done
		}
		if seen {
			heads = append(heads, deed)
		}
		deed, seen = w, true
	}
	if phraseVerbs[deed] && !motionVerbs[deed] || reportingVerbs[deed] || nounIngs[deed] {
		return "", nil, nil
	}
	return deed, doers, heads
}

// motionVerbs are common verbs of coming and going: "when did the
// Guatemalan police [leave] Haiti" asks the date of a departure, which a
// date of their pledge does not answer.
var motionVerbs = lexiconSet(`leave leaves left go goes went gone come comes came`)

// meantWords say a deed is yet to be done: "plans to visit", "is set to
// deploy", "pledged to send", "will arrive".
var meantWords = lexiconSet(`plan plans planned planning intend intends intended set expected scheduled slated due
will would shall aims aim hopes hope poised ready pledged pledge pledges promised promise promises vowed vow vows
threatened threaten threatens`)

// meantWindow is how many words before a deed a word saying it is meant
// may stand ("announced plans [to] visit").
const meantWindow = 3

// doneBy reports a top sentence that tells the deed as done, not meant,
// and names one of its doers, or stands beside a sentence or under a
// title that does: Boinet's visit to Haiti is no visit of Christofides'.
func doneBy(r retrieval, c lexicon.Concept, doers, heads []string) bool {
	var of, own []lexicon.Concept
	for _, a := range r.asked {
		if slices.Contains(doers, a.Text) {
			of = append(of, a)
		}
		if slices.Contains(heads, a.Text) && !a.Glossary {
			own = append(own, a)
		}
	}
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		sents, bags := r.an.of(h)
		title := r.an.title(h)
		for i, b := range bags {
			named := func(d lexicon.Concept) bool { return title.meets(d) || b.meets(d) || besideHolds(bags, i, d) }
			if !b.meets(c) || len(of) > 0 && !slices.ContainsFunc(of, named) {
				continue
			}
			// "When did Kenya's senate approve the deployment?": Kenya's
			// parliament approving it is no deed of its senate.
			if slices.ContainsFunc(own, func(d lexicon.Concept) bool { return !named(d) }) {
				continue
			}
			toks := lexicon.Tokens(sents[i])
			for j, t := range toks {
				if !r.an.bag(t.Text, h.Doc.Lang).meets(c) {
					continue
				}
				if !slices.ContainsFunc(toks[max(j-meantWindow, 0):j], func(p lexicon.Token) bool { return meantWords[p.Text] }) {
					return true
				}
			}
		}
	}
	return false
}

// offerWords tell a deed offered, not yet done: "offered to deploy",
// "agreed to send", "committed to provide".
var offerWords = lexiconSet(`offer offers offered offering agree agrees agreed commit commits committed`)

// meantOrOffered reports a word saying a deed is meant or offered, not
// done: one of meantWords or offerWords.
func meantOrOffered(w string) bool { return meantWords[w] || offerWords[w] }

// askedAsMeant reports a question that asks its deed as meant: a word of
// meantOrOffered or a French helper of the future (frenchFuture) before
// it ("how many will arrive", "how many is Chad set to deploy", "how many
// did Kenya pledge to send", "le Tchad va-t-il déployer"). A past form
// not followed by "to" describes the thing counted, not the deed: "how
// many of the 3 helicopters El Salvador promised made it to Haiti" asks
// an arrival.
func askedAsMeant(question, deed string) bool {
	words := tokenTexts(lexicon.Tokens(question))
	at := slices.Index(words, deed)
	if at < 0 {
		at = len(words)
	}
	for i, w := range words[:at] {
		if frenchFuture[w] || meantOrOffered(w) && !describing(words, i) {
			return true
		}
	}
	return false
}

// describing reports a past form at i that ends a clause describing the
// set a partitive count asks a part of ("how many of the troops Kenya
// pledged", "how many of the promised troops"): it follows the "of" of
// "how many of", and a word other than "to" follows it. "How many troops
// have the nations promised altogether" asks the promise.
func describing(words []string, i int) bool {
	of := slices.Index(words, "of")
	partitive := of > 0 && of < i && (words[of-1] == "many" || words[of-1] == "much")
	return partitive && strings.HasSuffix(words[i], "ed") && i+1 < len(words) && words[i+1] != "to"
}

// frenchFuture are the helpers of a French deed to come, folded: "le
// Tchad va-t-il déployer", "vont envoyer", "doit arriver".
var frenchFuture = lexiconSet(`va vont ira iront doit doivent devrait devraient prevoit prevoient compte comptent`)

// toldOnlyAsMeant reports a sentence that writes the deed, and writes it
// each time after a word saying it is meant or offered ("offered to
// deploy", "is set to deploy", "expected to arrive"); false when it does
// not write the deed.
func toldOnlyAsMeant(an *analysis, sentence, lang string, deed lexicon.Concept) bool {
	toks := lexicon.Tokens(sentence)
	told := false
	for j, t := range toks {
		if !an.bag(t.Text, lang).meets(deed) {
			continue
		}
		if !slices.ContainsFunc(toks[max(j-meantWindow, 0):j], func(p lexicon.Token) bool { return meantOrOffered(p.Text) }) {
			return false
		}
		told = true
	}
	return told
}

// promiseWords tell a count promised rather than done: "Chad offered
// 1,500 soldiers", "its 1,500-commitment", "pledged over 3 100 troops".
var promiseWords = lexiconSet(`offer offers offered pledge pledges pledged promise promises promised commitment commitments committed vowed`)

// promisedInstead reports a sentence that does not write the deed asked
// as done but tells a promise: "how many Chadian gendarmes have arrived"
// is not counted by "Chad offered 1,500 soldiers".
func promisedInstead(an *analysis, sentence, lang string, deed lexicon.Concept) bool {
	if an.bag(sentence, lang).meets(deed) && !toldOnlyAsMeant(an, sentence, lang, deed) {
		return false
	}
	return slices.ContainsFunc(lexicon.Tokens(sentence), func(t lexicon.Token) bool { return promiseWords[t.Text] || strings.HasSuffix(t.Text, "-commitment") })
}

// beforeSetting returns a question up to the setting that follows what
// it asks ("how big was the MSS | when the council renewed it", "how much
// had the fund received | by the end of 2024", "which crew torched the
// town hall | right after the PM vowed to act"), or the whole question.
func beforeSetting(question string) string {
	toks := lexicon.Tokens(question)
	for i := 2; i < len(toks); i++ {
		if t := toks[i].Text; settingOpeners[t] || t == "by" && timeAfterBy(toks[i+1:]) || atTheTime(toks[i:]) {
			if clauseLeads[toks[i-1].Text] {
				i--
			}
			return strings.TrimSpace(question[:toks[i].Start])
		}
	}
	return question
}

// settingOpeners open a clause after what a question asks that only sets
// its scene. Not "of", "among", "at" or "under", which open one only
// before the question ("of the money promised, how much ..."), nor
// "once": "who said they were pausing once the PM walked away" is told
// by the sentence of that setting (real_fresh11).
var settingOpeners = lexiconSet(`when while whilst after before if during amid following lorsque lorsqu quand pendant apres avant`)

// atTheTime reports a setting opened by "at the time of", "around the
// time", "by the time": "how many did Kenya have | at the time of the
// conference" asks a count, set then. French says it "au moment où",
// "au moment de", "à l'époque où": "combien de déplacés en Haïti | au
// moment où la FRG a été créée" asks a count whose verb is no deed.
func atTheTime(toks []lexicon.Token) bool {
	if len(toks) > 1 && (toks[0].Text == "au" && toks[1].Text == "moment" || toks[0].Text == "a" && toks[1].Text == "epoque") {
		return true
	}
	return len(toks) > 2 && (toks[0].Text == "at" || toks[0].Text == "around" || toks[0].Text == "by") && toks[1].Text == "the" && toks[2].Text == "time"
}

// timeAfterBy reports a time after "by" ("by the end of 2024", "by
// 2025", "by March"), not who did it ("by the funding freeze").
func timeAfterBy(toks []lexicon.Token) bool {
	if len(toks) > 1 && toks[0].Text == "the" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return false
	}
	w := toks[0].Text
	return w == "end" || w == "time" || lexicon.IsYear(w) || lexicon.IsMonth(w)
}

// countDeed returns the verb a count question asks of its head: the last
// word, before a preposition or a word of time, of the run after the
// head's helper verb that is neither a stop word nor a name ("how many
// soldiers did they [offer] at", "how many officers did the Kenyan
// government [deploy]"); "" when there is none. A common verb is no deed
// unless phrased says it opens a phrase of a paraphrase group ("did Chad
// [put] on the table" is an offer).
func countDeed(question string, cue []string, head string, names map[string]bool, phrased func(string) bool) string {
	toks := lexicon.Tokens(question)
	words := tokenTexts(toks)
	at := runIndex(words, cue)
	if at < 0 {
		return ""
	}
	rest := words[at+len(cue):]
	h := slices.Index(rest, head)
	if head == "" {
		h = -1 // "what did it offer": the helper follows the cue
	}
	if h >= 0 && h+1 < len(rest) && cue[0] == "combien" {
		// French puts the doer between the head and its verb:
		// "combien de policiers [le Kenya] a-t-il [déployés]".
		return frenchDeed(rest[h+1:], names)
	}
	if head == "" && len(rest) > 0 && rest[0] == "of" {
		h = partHead(rest)
	}
	from := h + 2
	if partitiveClause(rest, h) {
		// "how many of the 3 helicopters El Salvador promised actually
		// [made it to] Haiti": the clause after the head only says which
		// of them; the deed asked is the verb that ends the run.
		from = h + 1
	} else if h < 0 && head != "" || h+1 >= len(rest) || !auxiliaries[rest[h+1]] {
		return inSituDeed(question, toks, at)
	}
	// The deed is the last word of the run after the helper, before a
	// preposition: "did the Kenyan government [send] to Haiti"; "are in
	// the force" has none.
	deed := ""
	for _, w := range rest[from:] {
		if deedEnds[w] {
			break
		}
		if auxiliaries[w] || names[w] || lexicon.IsStopWord(w) {
			continue
		}
		deed = w
	}
	if (phraseVerbs[deed] || reportingVerbs[deed]) && (phrased == nil || !phrased(deed)) {
		return ""
	}
	return deed
}

// partitiveClause reports a count asked of a part of a set the question
// describes with a clause of its own, with no helper after the head:
// "how many of the troops Kenya pledged arrived" (rest opens at "of").
func partitiveClause(rest []string, h int) bool {
	return h > 0 && rest[0] == "of" && h+1 < len(rest) && !auxiliaries[rest[h+1]] && !deedEnds[rest[h+1]]
}

// partHead is the index of the set a partitive count asks a part of, the
// first word after "of" that is neither a stop word nor a number ("of the
// 3 [helicopters]"); -1 when there is none.
func partHead(rest []string) int {
	for i := 1; i < len(rest); i++ {
		if !lexicon.IsStopWord(rest[i]) && !lexicon.IsNumber(rest[i]) {
			return i
		}
	}
	return -1
}

// frenchAuxiliaries are the helpers of a French compound verb, with the
// pronoun of an inverted question ("a-t-il", "ont-ils"), folded.
var frenchAuxiliaries = lexiconSet(`a ont est sont ete etait etaient avait avaient va vont sera seront aura auront t il ils elle elles`)

// frenchTenseHelpers are the helpers English tells with one of its own
// ("ont été blessés": "were wounded", "va-t-il envoyer": "will send");
// "être" alone makes the plain past of a verb of motion ("sont arrivés":
// "arrived"), which English asks with no helper and so with no deed.
var frenchTenseHelpers = lexiconSet(`a ont avait avaient aura auront va vont`)

// frenchDeedReach is how many words of a doer may stand between a French
// count's head and its helper verb ("le Parlement kényan").
const frenchDeedReach = 4

// frenchDeed is the verb of a French count after its head: the first
// word after the helper verbs that follow the doer ("kényans [ont été]
// blessés", "le Kenya [a-t-il] déployés"); "" when no helper comes
// within frenchDeedReach words, none is a frenchTenseHelper, or a common
// verb follows them.
func frenchDeed(words []string, names map[string]bool) string {
	i := 0
	for i < len(words) && i <= frenchDeedReach && !frenchAuxiliaries[words[i]] {
		i++
	}
	if i >= len(words) || !frenchAuxiliaries[words[i]] {
		return ""
	}
	had := false // an "avoir" or "aller" among the helpers
	for i < len(words) && frenchAuxiliaries[words[i]] {
		had = had || frenchTenseHelpers[words[i]]
		i++
	}
	if i >= len(words) || !had {
		return ""
	}
	w := words[i]
	if deedEnds[w] || names[w] || lexicon.IsStopWord(w) || phraseVerbs[w] || reportingVerbs[w] {
		return ""
	}
	return w
}

// inSituDeed is the deed of a question typed in a statement's order,
// its cue where the answer would stand: "chad offered [how many]
// soldiers" asks what Chad offered. The word just before the cue, in
// the same clause ("compare the votes: how many" opens a new one), is the
// verb when it is neither a stop word nor a helper; "" otherwise.
func inSituDeed(question string, toks []lexicon.Token, at int) string {
	if at < 1 || strings.TrimSpace(question[toks[at-1].End:toks[at].Start]) != "" {
		return ""
	}
	v := toks[at-1].Text
	if auxiliaries[v] || lexicon.IsStopWord(v) || joinedQuestionWords[v] || phraseVerbs[v] || reportingVerbs[v] {
		return ""
	}
	return v
}

// deedEnds end the words a count's deed is sought among.
var deedEnds = lexiconSet(`at in on to from for with by during into of about over under after before since than and or so now when while whilst quand lorsque as later earlier
last next this week weeks month months year years day days total`)

// namingCue reports a cue that names the thing asked: "which town",
// "what year", "quel aéroport".
func namingCue(cue []string) bool {
	if len(cue) < 2 || phraseEnds[cue[1]] || amountHeads[cue[1]] {
		return false // "quel montant de la contribution": the amount of what follows
	}
	switch cue[0] {
	case "which", "what", "quel", "quelle", "quels", "quelles":
		return true
	}
	return false
}

// answerSlot is what a sentence must hold to answer the question.
type answerSlot struct {
	kind AnswerType
	head []lexicon.Concept // the asked phrase's concepts
	// relation holds the rarest other concepts the top passages hold; a
	// sentence must hold one of them. A concept before one of them that
	// starts a paraphrase it ends ("lost their lives" is "killed") holds it
	// too.
	relation []lexicon.Concept
	// setRelation is set when the relation is a word of the question's
	// setting ("when the Trump freeze hit"), the main clause's words held
	// by no passage: the sentence before may tell that setting.
	setRelation bool
	lang        string // the question's language, as documents name it
	// person is set for "who" questions: the name and the relation asked
	// must be in one sentence.
	person bool
	// role is set when the question asks for a person by role ("which
	// gang leader", "who is the Kenyan officer"): a body or a country does
	// not answer it, a person's name must.
	role bool
	// which is the thing of "which <thing>": one is named or numbered
	// beside it ("which hospital": "the Bernard Mevs hospital").
	which []lexicon.Concept
	asked []lexicon.Concept // the question's concepts, which a named answer does not repeat
	// persons are the people a date, place or age is asked of, by the last
	// word of their names: the sentence, or the one before, names them.
	persons map[string]bool
	// size is set for "how big", "what strength": the number counts the
	// head's members ("5,550 personnel"), not the head itself.
	size bool
	// named holds a head that is a name ("how many Guatemalans"), which
	// a sentence need not repeat ("people") but which a number beside it
	// counts ("75 Guatemalans").
	named []lexicon.Concept
	// focus is the thing a date or a place is asked of, when the cue
	// names the kind of answer ("what date ... election"): the sentence,
	// or one beside it, must hold it as well as the relation.
	focus *lexicon.Concept
	// titled is set when the relation is rare enough among the top
	// passages for a title holding it to say what a sentence is about
	// ("Central American", not "mission").
	titled bool
	// bodies are the topic's bodies the question names (glossary names);
	// owners, those among them the asked phrase belongs to ("the GSF
	// special representative", "the MSS's commander").
	bodies, owners []lexicon.Concept
	// grain is how fine a date the cue asks for: "month" for "what
	// month" (a month must be named, "this year" does not answer), "day"
	// for "what date", "which day" (a month or a weekday).
	grain string
	// predicate is the deed a plain "who" asks the doer of ("who is
	// commanding the contingent"): the sentence, or one beside it, must
	// say it, itself or through its group; a list of the countries that
	// sent the contingent does not say who commands it.
	predicate *lexicon.Concept
	// deed is the verb a count is asked of ("how many soldiers did Chad
	// [offer] at the New York conference"): a sentence that holds it may
	// leave the relation to the sentence beside it ("The strongest
	// commitments during a conference in New York came from African
	// governments. Chad offered 1,500 soldiers").
	deed     *lexicon.Concept
	deedOnly bool // the deed stands for the relation, within numberWindow
	// deedDone is set when the question asks the count's deed as done
	// ("how many have actually arrived"), not as meant ("how many will
	// arrive"): a sentence telling it only as meant does not count it.
	deedDone bool
	// bodySince is the date of the earliest hit that names a body the
	// question names, for a count or an amount asked of it: a report from
	// before then, naming no body asked, tells of something else ("how
	// much has Canada pledged to the Gang Suppression Force" is not
	// answered by Canada's pledge to the mission before it).
	bodySince time.Time
	// roleDeed is what the role asked for did, in a clause of its own:
	// "the judge that [blocked] the deployment".
	roleDeed string
	// deedUntold is set when no top passage holds the predicate.
	deedUntold bool
	// scene is the question's rarest word of the whole corpus, when so
	// few reports write it that a sentence holding it is of the very
	// thing asked ("who threatened to sink the idea of ..." and "that
	// idea was set aside because China and Russia were opposed"): the
	// doer that sentence names answers though the reader's verb is not
	// the reporter's.
	scene *lexicon.Concept
	// spoken is set when the predicate is a deed of speech ("who vowed",
	// "who warned"): a sentence reporting words ("He added that the
	// force would ...", a quotation) tells it in its own verb.
	spoken bool
	// payer is who an amount is asked of ("how much has Kenya spent"):
	// a sentence about another's money does not answer, though every
	// passage names Kenya.
	payer *lexicon.Concept
	// qualifiers are the names the main clause narrows its thing to (a
	// country, a nationality, a place: "the Salvadoran commander",
	// "Belize officers"; persons, titles and acronyms are left to other
	// rules): the sentence, one beside it or its report's title holds
	// each; a sentence about another of the kind is a near miss.
	qualifiers []lexicon.Concept
	// numbered are the numbers the question names a thing by ("res
	// 2699"): the report holds each, or it is about another resolution.
	numbered []lexicon.Concept
	// roleAsked is the role a "which" or "what is the name of" asks a
	// person by ("the Salvadoran force commander"), when the sentence
	// need not repeat it: a sentence whose every person is named with
	// another role ("Prime Minister Alix Didier Fils-Aime") does not name
	// the one asked. personWords are the words of the persons' names the
	// passages write, so that "Conille said" names Garry Conille.
	roleAsked   *lexicon.Concept
	personWords map[string]bool
	// years are the years the main clause asks of ("killed in 2022"): the
	// sentence, one beside it, the title, or the report's date says each.
	years []lexicon.Concept
	// month is the month the main clause asks of with its year ("arrived
	// in March 2025"): the sentence, one beside it, the title, or the
	// report's date says it; a report of January does not tell March.
	month *lexicon.Concept
	// ranked pairs a rank the question writes with the word it places
	// ("its second year"): a sentence placing another of the series
	// there ("its first year") tells of another.
	ranked [][2]string
	// rank narrows the role asked to another office ("the deputy
	// head"): a sentence in the question's language holds it.
	rank *lexicon.Concept
	// rivals are the names the top passages write that the question does
	// not (nor every passage, nor a person's): a sentence naming one
	// ("Chad offered 1,500 soldiers") tells its own count, date or
	// amount, not that of the one the sentence beside names ("... and
	// Burundi").
	rivals map[string]bool
	// whose are the names that say whose the thing asked is ("did
	// Burundi offer", "Bangladeshi troops"), of which a rival is another;
	// a place or a setting ("à Port-au-Prince", "at the New York
	// conference") has none.
	whose map[string]bool
	// doers are those of whose that do the deed asked, its subject ("did
	// Burundi offer", "le Guatemala a-t-il promis"): one every passage
	// names still narrows what is asked.
	doers map[string]bool
	// sharedDoers are the doers every top passage names: a sentence naming
	// one, even among others ("Guatemala, El Salvador, Jamaica and Belize
	// have together pledged"), is of it; one naming none but another doer
	// ("El Salvador had promised three helicopters") is not.
	sharedDoers []string
	// office is an office a "which country" asks the holder of ("held
	// the presidency"): a sentence, or one beside it, holds it other than
	// in a person's role word ("Haiti's President, Edgard Leblanc" is a
	// person's office, not a country's).
	office []lexicon.Concept
	// against is set when a count of voters asks of those against ("how
	// many members voted against"): a tally of those in favour does not
	// answer it, nor the other way round.
	against bool
	// owned is the role or the doer's own word the question says whose it
	// is ("Haiti's foreign minister", "what did Haiti's parliament
	// approve"), with its owner; ownerPersons are the words of persons'
	// names the top passages write, which own no role. act is the deed of
	// a plain "what did X do".
	owned        *ownedRole
	ownerPersons map[string]bool
	act          *askedAct
	// people are the peoples the names of the bodies a count is asked of
	// hold ("the Haitian National Police"): a number counting another
	// people the question does not name ("750 agents kényans") counts
	// another's force.
	people []string
	// countedBody is set when a count is asked of one of bodies, named in
	// the count's own clause ("how many personnel does the GSF have"), not
	// in a clause of time or place after it ("how large had it grown by
	// the time it became the GSF").
	countedBody bool
	// presentPlace is set when a count asked of the present has for its
	// relation only where the force stands ("currently have on the
	// ground"): a sentence telling the count as of now ("currently
	// deploys approximately 1,000 personnel") gives it there.
	presentPlace bool
	// rest are the question's other concepts than the relation (not the
	// head's, the cue's, nor too common to tell): what a vote was on, when
	// the tally tells the vote.
	rest []lexicon.Concept
}

// slotOf finds the question's slot among the concepts it asks about: the
// head, unless it is a name (a passage may say "people" for "Haitians") or
// names the kind of answer; and the rarest other concept that the top
// passages hold, not a word of the cue nor of time ("now", "so far").
func slotOf(r retrieval, w []float64, bags []termBag) answerSlot {
	s := answerSlot{kind: r.kind, lang: questionLang(r.question)}
	p := askPhrase(r.question)
	head, modifiers, cue := p.head, p.modifiers, p.cue
	s.size = len(cue) > 0 && sizeCues[cue[len(cue)-1]]
	s.asked = r.asked
	if s.kind == TypeDate || s.kind == TypePlace || s.kind == TypeAge {
		s.persons = map[string]bool{}
		for _, n := range personNames(r.question) {
			s.persons[n] = true
		}
		if s.kind == TypeAge {
			// A date may be a record's, of a passage whose byline names
			// the author ("When was the Tishkov article published?").
			for _, n := range surnamesFound(r) {
				s.persons[n] = true
			}
		}
	}
	if s.kind == TypeDate && len(cue) > 0 {
		switch cue[len(cue)-1] {
		case "month", "mois":
			s.grain = "month"
		case "date", "day", "jour":
			s.grain = "day"
		}
	}
	s.person = len(cue) > 0 && (cue[0] == "who" || cue[0] == "whom" || cue[0] == "whose" || cue[0] == "qui")
	names := r.an.namedSet(r.question)
	toks := lexicon.Tokens(r.question)
	if len(cue) == 1 && (cue[0] == "which" || whatCues[cue[0]]) || s.kind == TypeOther && numberLabels[head] && slices.Equal(cue, []string{"number", "of"}) {
		// The thing named: the head, or for "which gang figures" (a
		// word that names no thing) the word before it.
		thing := head
		if metaHeads[head] && len(modifiers) > 0 {
			thing = modifiers[len(modifiers)-1]
		}
		if numberWords[thing] {
			// "what number is the resolution that ...": the label after.
			words := tokenTexts(toks)
			if l := labelOfNumber(words, slices.Index(words, thing)); l != "" {
				thing = l
			}
		}
		if cue[0] != "which" && (!numberLabels[thing] || thing == "number" || thing == "no") {
			// "What support", "what role" ask for more than a name; "what
			// resolution", "what meeting number" ask which one.
			thing = ""
		}
		for _, c := range r.asked {
			// A label is no name, though the passages capitalise it
			// ("Resolution 2793") and so the question is recased.
			if c.Text == thing && (!names[thing] || numberLabels[thing]) {
				s.which = append(s.which, c)
			}
		}
	}
	// The persons' words are read from the top passages once, and only
	// if asked for.
	var persons map[string]bool
	personWords := func() map[string]bool {
		if persons == nil {
			persons = personWordsFound(r)
		}
		return persons
	}
	skip := map[string]bool{}
	// The cue's words and the head's modifiers ("how many former gang
	// [members]") are not the relation.
	for _, w := range cue {
		skip[w] = true
	}
	for _, w := range modifiers {
		skip[w] = !names[w] // "Kenya's ambassador": Kenya is still asked
	}
	for _, c := range presentCues {
		for _, w := range c {
			skip[w] = true
		}
	}
	source := sourceWords(r.question, cue)
	for _, w := range source {
		// "what was the most cash the americans said": the head is asked,
		// whoever said it.
		skip[w] = skip[w] || w != head
	}
	if told := attribution(r.question); len(told) > 0 && (tellingAuxiliaries[told[0]] || joinedQuestionWords[told[0]]) && closesItsPart(r.question, told) {
		// "how many displaced people did UN News cite": the outlet and its
		// verb of telling say who gave the figure, not what it counts (an
		// outlet set apart, "per that intel brief, ...", is left alone).
		for _, w := range told {
			skip[w] = skip[w] || w != head
		}
		for w := range tellVerbs {
			skip[w] = true
		}
		for w := range toldVerbs {
			skip[w] = true
		}
	}
	for w := range proForms {
		skip[w] = true // "the one that left behind the abuse legacy" names its thing elsewhere
	}
	for _, w := range periodParts(tokenTexts(toks)) {
		skip[w] = true // "landed at the end of 2024": the date, not what the number is of
	}
	var others []int
	for _, c := range r.asked {
		if c.Glossary {
			s.bodies = append(s.bodies, c)
			if ts := lexicon.Tokens(c.Text); len(ts) > 0 && (slices.Contains(modifiers, ts[len(ts)-1].Text) || ts[len(ts)-1].Text == p.owner) {
				s.owners = append(s.owners, c)
			}
		}
	}
	for i, c := range r.asked {
		if labelsNumber(r.question, toks, c.Text) || repeatedBy(toks, c.Text) {
			continue // "res 2699": the label names the number, no relation; nor "block by block"
		}
		// Whose thing is asked for is part of it: "Kenya's ambassador",
		// "the Gang Suppression Force's budget" (a topic name included);
		// unless every top passage is about the owner ("Haiti's president"
		// over reporting on Haiti), which a sentence then need not repeat.
		if ts := lexicon.Tokens(c.Text); p.owner != "" && len(ts) > 0 && ts[len(ts)-1].Text == p.owner && !inEveryPassage(r, c) && !ownerNamedBy(p, names) {
			s.head = append(s.head, c)
			continue
		}
		if c.Glossary || skip[c.Text] || notHeads[c.Text] || lexicon.IsMonth(c.Text) || lexicon.IsWeekday(c.Text) || lexicon.IsYear(c.Text) || s.person && nameTail(r.asked, toks, c) {
			continue
		}
		if c.Text == head {
			if (amountHeads[head] || genericMoney[head]) && (s.kind == TypeOther || s.kind == TypeCount) {
				s.kind = TypeAmount
			}
			if countHeads[head] && s.kind == TypeOther {
				s.kind = TypeCount // "what headcount", "the authorized ceiling"
			}
			if entityHeads[head] && s.kind == TypeOther {
				s.kind = TypeWho // "which body": a name answers
			}
			// "which judge": the person's name answers, with or without
			// "judge"; a role narrowed by its portfolio ("the justice
			// minister") is named with it, or another minister answers.
			isRole := roleHeads[head] || !s.person && groupOfRole(r.an.lex, c) // "which mouthpiece"; "who is the commandant" asks as before
			personsRole := isRole && !s.person && s.kind != TypeCount
			narrowed := slices.ContainsFunc(modifiers, func(m string) bool { return portfolios[m] })
			byRole := personsRole && !narrowed
			if (personsRole || s.person) && narrowed { // "who is the defence minister" too
				for _, m := range r.asked {
					if slices.Contains(modifiers, m.Text) && portfolios[m.Text] {
						s.head = append(s.head, m)
					}
				}
			}
			// So is a role narrowed by its rank ("the deputy head", "the
			// vice president"): the head alone names someone else.
			for j, m := range r.asked {
				if slices.Contains(modifiers, m.Text) && roleRanks[m.Text] {
					s.rank = &r.asked[j]
				}
			}
			if isRole && (s.kind == TypeOther || s.kind == TypeWho) {
				s.kind, s.role = TypeWho, true
				// A role the top passages write (itself or through its
				// group) tells a person named with another role apart.
				if byRole && anyMeets(bags, c) {
					s.roleAsked = &r.asked[i]
					s.personWords = personWords()
				}
			}
			// "How much money": any amount answers, whatever it is called.
			plainMoney := s.kind == TypeAmount && genericMoney[head]
			if !names[head] && !metaHeads[head] && !vagueHeads[head] && !entityHeads[head] && !byRole && !plainMoney && !measureHeads[head] {
				s.head = append(s.head, c)
			}
			if names[head] {
				s.named = append(s.named, c)
			}
			continue
		}
		others = append(others, i)
	}
	// The relation is asked in the main clause: "When Washington froze
	// its contribution, how much had the fund [raised]": the scene's
	// words come after its own.
	inMain := map[string]bool{}
	main := mainClause(r.question)
	if main == r.question {
		// "how much had the fund received by the end of 2024", "which
		// country held the presidency when res 2699 was adopted": a clause
		// after what is asked sets the scene too.
		main = beforeSetting(r.question)
	}
	if main != r.question {
		for _, c := range r.an.lex.Query(main) {
			inMain[c.Text] = true
		}
	}
	sort.SliceStable(others, func(x, y int) bool {
		if mx, my := inMain[r.asked[others[x]].Text], inMain[r.asked[others[y]].Text]; len(inMain) > 0 && mx != my {
			return mx
		}
		return w[others[x]] > w[others[y]]
	})
	// For a plain "what" ("what categories can a complaint fall into"),
	// the relation is sought among the sentences that hold the head: a
	// rarer word held elsewhere ("fallen hero") tells of something else.
	relBags := bags
	if s.kind == TypeOther && len(s.head) > 0 {
		var withHead []termBag
		for _, b := range bags {
			if !slices.ContainsFunc(s.head, func(c lexicon.Concept) bool { return !b.meets(c) }) {
				withHead = append(withHead, b)
			}
		}
		if len(withHead) > 0 {
			relBags = withHead
		}
	}
	held := 0
	for _, i := range others {
		if phraseVerbs[r.asked[i].Text] && !opensPhrase(r.an.lex, toks, r.asked[i]) || predicative[r.asked[i].Text] || figureWords[r.asked[i].Text] || modalWords[r.asked[i].Text] {
			continue // too common to tell
		}
		if anyMeets(relBags, r.asked[i]) {
			s.relation = append(s.relation, r.asked[i])
			if i > 0 && phraseSpans(r.an.lex, toks, r.asked[i-1], r.asked[i]) {
				s.relation = append(s.relation, r.asked[i-1])
			}
			// A person's other name stands for them too: "Samuel Kitwai"
			// is "Kitwai" in the next sentence.
			for _, j := range []int{i - 1, i + 1} {
				if names[r.asked[i].Text] && j >= 0 && j < len(r.asked) && names[r.asked[j].Text] && adjacentWords(toks, r.asked[i].Text, r.asked[j].Text) {
					s.relation = append(s.relation, r.asked[j])
				}
			}
			if held++; held == relationConcepts {
				s.setRelation = len(inMain) > 0 && !inMain[r.asked[i].Text]
				break
			}
		}
	}
	var rest []lexicon.Concept // what the sentence must hold when a tally tells the relation
	for _, i := range others {
		c := r.asked[i]
		if phraseVerbs[c.Text] && !opensPhrase(r.an.lex, toks, c) || predicative[c.Text] || figureWords[c.Text] || modalWords[c.Text] {
			continue
		}
		if !slices.ContainsFunc(s.relation, func(x lexicon.Concept) bool { return x.Text == c.Text }) {
			rest = append(rest, c)
		}
	}
	if s.kind == TypeAmount {
		s.relation = append(s.relation, arrivedMoney(r.an.lex, s.relation)...)
	}
	if s.kind == TypeAmount && len(cue) > 0 {
		if at := runIndex(tokenTexts(toks), cue); at >= 0 {
			for _, t := range toks[at+len(cue) : min(at+len(cue)+3, len(toks))] {
				if !names[t.Text] {
					continue
				}
				for i, c := range r.asked {
					if c.Text == t.Text && !c.Glossary {
						s.payer = &r.asked[i]
					}
				}
				break
			}
		}
	}
	if s.typed() {
		// A count, an amount, a date or a length is someone's: the doer's
		// or the owner's the question names narrows it.
		ofSomeone := s.kind == TypeCount || s.kind == TypeAmount || s.kind == TypeDate || s.kind == TypeLength
		if ofSomeone {
			s.whose, s.doers = ownerNames(r.question, toks, names, head), doerNames(r.question, toks, names)
		}
		s.qualifiers = qualifiersOf(r, names, inMain, source, personWords(), s)
		s.numbered, s.years = numbersNamingOf(r, toks), yearsOf(r, inMain)
		s.month = monthOf(r, s.years)
		s.ranked = rankedWords(toks)
		if len(s.qualifiers) > 0 && ofSomeone {
			// A doer every passage names ("le Guatemala a-t-il promis" over
			// passages on the Guatemalan and Salvadoran contingents) makes
			// them a story of several doers: a name each writes is another.
			for _, q := range s.qualifiers {
				if s.doers[q.Text] && inEveryPassage(r, q) {
					s.sharedDoers = append(s.sharedDoers, q.Text)
				}
			}
			s.rivals = rivalNames(r, toks, personWords(), len(s.sharedDoers) > 0)
		} else {
			s.whose, s.doers = nil, nil
		}
	}
	if s.person && len(cue) == 1 && head == "" {
		if v := predicateOf(r.question, cue); v != "" {
			for i, c := range r.asked {
				if c.Text == v && !c.Glossary {
					s.predicate = &r.asked[i]
					break
				}
			}
		}
		// A deed no top passage tells, in any of its words, is not
		// told by a sentence in another language either ("who heads
		// UNSOH": no passage says who heads it).
		s.spoken = s.predicate != nil && speechActs[s.predicate.Text]
		if s.predicate != nil && !s.spoken {
			if c := sceneWord(r, w, names, inMain); c != nil && anyHolds(bags, *c) {
				s.scene = c
			}
		}
		s.deedUntold = s.predicate != nil && !anyMeets(bags, *s.predicate) && !(s.spoken && reportsWords(r)) && s.scene == nil
	}
	if s.role {
		s.owned = roleOwnerOf(r, p, toks, names)
	}
	if s.kind == TypeOther && head == "" {
		var doer []string
		if s.act, doer = actOf(r, cue, names); s.act != nil {
			s.owned = actOwnerOf(r, doer)
		}
	}
	if s.owned != nil {
		s.ownerPersons = personWords()
	}
	if s.kind == TypeDate && !s.person && len(cue) == 1 && head == "" {
		// "When did Kenya's parliament reject the deployment?": the
		// sentence, or one beside it, tells the deed asked; a date of its
		// approval does not answer.
		// A reporter may date it in other words ("authorized" for "vote"),
		// so only a deed no top passage tells in any of its words is
		// checked: "When did Kenya's parliament reject the deployment?" is
		// not answered by the date it approved it.
		// So is a deed the passages tell only as meant ("announced plans
		// to visit Santo Domingo", "is set to deploy"): "when did" asks
		// of one done.
		if v, doers, heads := askedDeed(r.question, cue, names); v != "" {
			s.deedUntold = slices.ContainsFunc(r.asked, func(c lexicon.Concept) bool {
				return c.Text == v && !c.Glossary && (!anyMeets(bags, c) || !doneBy(r, c, doers, heads))
			})
			// "When did the Council vote to turn the MSS into a UN
			// peacekeeping operation?": what the vote was to do is the
			// deed dated; no top passage telling it, the vote on
			// something else dates nothing of it.
			if inf := infinitiveAfter(r.question, v); inf != "" && !s.deedUntold {
				s.deedUntold = slices.ContainsFunc(r.asked, func(c lexicon.Concept) bool {
					return c.Text == inf && !c.Glossary && !anyMeets(bags, c)
				})
			}
		}
	}
	if len(cue) == 2 && cue[0] == "which" && countryHeads[cue[1]] {
		// Only an office a person's role word also holds ("presidency",
		// "President"): other deeds ("co-led", "put forward") are left as
		// they were.
		for _, c := range s.relation {
			if roleHeads[c.Text] {
				continue
			}
			for w := range roleHeads {
				if r.an.bag(w, lexicon.English).meets(c) {
					s.office = append(s.office, c)
					break
				}
			}
		}
	}
	if s.kind == TypeCount {
		for _, c := range s.bodies {
			for _, t := range lexicon.Tokens(c.Text) {
				// A people no group holds ("Haitian") is told by its ending.
				if (peopleWord(t.Text) || strings.HasSuffix(t.Text, "ian")) && !slices.Contains(s.people, t.Text) {
					s.people = append(s.people, t.Text)
				}
			}
		}
	}
	if s.kind == TypeCount {
		s.against = slices.ContainsFunc(tokenTexts(toks), func(w string) bool { return againstWords[w] })
		// A word that meets a group only with the words after it opens a
		// phrase of the group.
		phrased := func(w string) bool {
			alone := r.an.lex.Query(w)
			return len(alone) > 0 && len(alone[0].Related) == 0 && slices.ContainsFunc(r.asked, func(c lexicon.Concept) bool { return c.Text == w && len(c.Related) > 0 })
		}
		if v := countDeed(r.question, cue, head, names, phrased); v != "" {
			for i, c := range r.asked {
				if c.Text == v && !c.Glossary && !slices.ContainsFunc(s.relation, func(x lexicon.Concept) bool { return x.Text == v }) {
					s.deed = &r.asked[i]
					break
				}
			}
		}
		// "How many officers did Guatemala withdraw?": a count's deed no
		// top passage tells in any of the words of its group (a
		// withdrawal, where they tell only pledges) never happened as far
		// as the reports go. A deed with no group may be a reader's idiom
		// the reports tell otherwise ("how many lives did the bloodshed
		// claim", "sign off on"), and a deed of intent may be told by any
		// verb of announcing ("Benin had announced 2,000 men" for "how
		// many men did Benin promise"): both are left to the other checks.
		s.deedUntold = s.deed != nil && len(s.deed.Related) > 0 && !meantWords[s.deed.Text] && !anyMeets(bags, *s.deed)
		// "How many are they sending" asks a deed under way, which a
		// report tells as planned ("is set to deploy 800").
		s.deedDone = s.deed != nil && !offerWords[s.deed.Text] && !meantWords[s.deed.Text] && !promiseWords[s.deed.Text] && !strings.HasSuffix(s.deed.Text, "ing") && !askedAsMeant(r.question, s.deed.Text)
	}
	if (s.kind == TypeCount || s.kind == TypeAmount) && len(s.bodies) > 0 {
		s.bodySince = firstNaming(r, s.bodies)
	}
	if s.kind == TypeCount {
		s.countedBody = namesBodyCounted(tokenTexts(toks), s.bodies)
		s.presentPlace = r.present && len(s.relation) == 1 && slices.Contains(withinRuns(tokenTexts(toks), presenceRuns), s.relation[0].Text)
	}
	if s.role {
		s.roleDeed = relativeDeed(toks, head)
	}
	s.titled = len(s.relation) > 0 && !slices.ContainsFunc(s.relation, func(c lexicon.Concept) bool { return inEveryPassage(r, c) })
	if head == "" && len(cue) >= 2 && (s.kind == TypeDate || s.kind == TypePlace) && len(others) > 0 {
		// "On what date will Haiti hold its next presidential election?":
		// the cue names the kind of answer, and the question ends on
		// the thing it dates; a date of something else does not answer.
		// The last concept that is neither a name nor the relation:
		// "... due to [land] in Haiti".
		byPlace := slices.Clone(others)
		slices.Sort(byPlace)
		for j := len(byPlace) - 1; j >= 0; j-- {
			c := r.asked[byPlace[j]]
			if names[c.Text] {
				continue
			}
			if (!phraseVerbs[c.Text] || infinitiveIn(r.question, c.Text)) && !slices.ContainsFunc(s.relation, func(x lexicon.Concept) bool { return x.Text == c.Text }) {
				s.focus = &c
			}
			break
		}
	}
	s.rest = rest
	return s
}

// arrivedMoney returns the concept of receiving when an amount's relation
// is a verb of arrival ("how much cash had actually landed in the trust
// fund", "arrived", "came in"): money that arrives is money received, which
// the reports write "had already been received by the Trust Fund".
func arrivedMoney(lex *lexicon.Analyzer, relation []lexicon.Concept) []lexicon.Concept {
	if !slices.ContainsFunc(relation, func(c lexicon.Concept) bool { return slices.Contains(c.Related, arrivalGroup) }) {
		return nil
	}
	return lex.Query("received")
}

// arrivalGroup is the paraphrase group of deploying and arriving.
const arrivalGroup = "_p_deploy"

// infinitiveIn reports a verb the question writes after "to" ("what
// date are the last officers due to [leave]", "set to [go]"): a common
// verb, but the deed the date is asked of, which a date of another deed
// ("killed on Tuesday") does not answer.
func infinitiveIn(question, verb string) bool {
	return containsRun(tokenTexts(lexicon.Tokens(question)), []string{"to", verb})
}

// infinitiveAfter returns the verb of "to <verb>" right after the deed
// ("vote [to turn]", "agree [to withdraw]"), "" when none follows or it
// is a stop word, a common verb or a name.
func infinitiveAfter(question, deed string) string {
	toks := lexicon.Tokens(question)
	words := tokenTexts(toks)
	i := slices.Index(words, deed)
	if i < 0 || i+2 >= len(words) || words[i+1] != "to" {
		return ""
	}
	v := words[i+2]
	if lexicon.IsStopWord(v) || phraseVerbs[v] || capitalised(question, toks[i+2]) {
		return ""
	}
	return v
}

// holdsNumbers reports whether a report (its title and sentences) holds
// every number the question names its thing by. Only the gate asks it: a
// comparison may name one side by number ("abstained on the 2025 force
// resolution but not on resolution 2699"), and the other side's report
// still answers.
func (s answerSlot) holdsNumbers(title termBag, bags []termBag) bool {
	report := append([]termBag{title}, bags...)
	return !slices.ContainsFunc(s.numbered, func(n lexicon.Concept) bool { return !anyHolds(report, n) })
}

// labelsNumber reports a word the question writes before a number it
// labels: "res" in "res 2699".
func labelsNumber(question string, toks []lexicon.Token, word string) bool {
	for i := range toks {
		if at := questionLabelAt(question, toks, i); at >= 0 && toks[at].Text == word {
			return true
		}
	}
	return false
}

// numbersNamingOf returns the question's numbers written after a label
// ("resolution 2751", "res 2699"), not years.
func numbersNamingOf(r retrieval, toks []lexicon.Token) []lexicon.Concept {
	var out []lexicon.Concept
	for i, t := range toks {
		if questionLabelAt(r.question, toks, i) >= 0 && !lexicon.IsYear(t.Text) {
			for _, c := range r.asked {
				if c.Text == t.Text {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// questionLabelAt returns where the label of a number the question names
// a thing by stands ("res" of "res 2699"), read as a sentence's is, or -1.
func questionLabelAt(question string, toks []lexicon.Token, i int) int {
	if !lexicon.IsNumber(toks[i].Text) {
		return -1
	}
	if at := labelAt(question, toks, i); at >= 0 && numberLabels[toks[at].Text] {
		return at
	}
	return -1
}

// yearsOf returns the year the main clause asks of, when it names one:
// a comparison of two years asks of each in turn.
func yearsOf(r retrieval, inMain map[string]bool) []lexicon.Concept {
	var out []lexicon.Concept
	for _, c := range r.asked {
		if lexicon.IsYear(c.Text) {
			out = append(out, c)
		}
	}
	if len(out) != 1 || len(inMain) > 0 && !inMain[out[0].Text] {
		return nil
	}
	return out
}

// yearsTold reports whether the sentence at, or what is around it, says
// every year the question asks of (asked at the gate only).
func (s answerSlot) yearsTold(h document.Hit, sents []string, bags []termBag, at int, title termBag) bool {
	return !slices.ContainsFunc(s.years, func(y lexicon.Concept) bool { return !yearTold(h, sents, bags, at, title, y) })
}

// yearTold reports whether the sentence at, one beside it, the title or
// the report's date says the year. A year a span runs until ("extended
// for one year, until July 15, 2025") is when it ends, not when the
// sentence's deed was done.
func yearTold(h document.Hit, sents []string, bags []termBag, at int, title termBag, y lexicon.Concept) bool {
	near := func(i int) bool {
		return bags[i].holds(y) && slices.ContainsFunc(lexicon.Tokens(untilYear.ReplaceAllString(sents[i], " ")), func(t lexicon.Token) bool { return t.Text == y.Text })
	}
	if title.holds(y) || slices.ContainsFunc([]int{at - 1, at, at + 1}, func(i int) bool { return i >= 0 && i < len(bags) && near(i) }) {
		return true
	}
	// A report tells of its own year and of the one before ("fin 2024" in
	// January 2025); an undated one, of any when it names none.
	d := h.Doc.Published
	if d.IsZero() {
		report := append([]termBag{title}, bags...)
		return anyHolds(report, y) || !slices.ContainsFunc(report, namesAYear)
	}
	want, _ := strconv.Atoi(y.Text)
	return d.Year() == want || d.Year()-1 == want
}

// monthOf returns the one month the question names beside the one year
// its main clause asks of, or nil.
func monthOf(r retrieval, years []lexicon.Concept) *lexicon.Concept {
	if len(years) != 1 {
		return nil
	}
	var out *lexicon.Concept
	for i, c := range r.asked {
		if _, ok := monthNumbers[c.Text]; ok && c.Text != "may" {
			if out != nil {
				return nil // "between January and March 2025" asks of a span
			}
			out = &r.asked[i]
		}
	}
	return out
}

// monthTold reports whether the sentence at, one beside it, the title or
// the report's date says the month asked (a dated report tells of its own
// month and of the one before, "last month"); an undated report says it
// or names no month. Months are read from the words as written: a stem
// ("mar" of "mars") may be another word's.
func (s answerSlot) monthTold(h document.Hit, sents []string, at int) bool {
	if s.month == nil {
		return true
	}
	want := monthNumbers[s.month.Text]
	says := func(text string) bool { return slices.Contains(monthsNamed(text), want) }
	near := sents[max(at-1, 0):min(at+2, len(sents))]
	if says(h.Doc.Title) || slices.ContainsFunc(near, says) || partOfYearHolds(sents[at], s.years[0].Text, want) {
		return true
	}
	if len(monthsNamed(sents[at])) > 0 {
		return false // "arrived on 18 January 2025" is not March's
	}
	if d := h.Doc.Published; !d.IsZero() {
		year, _ := strconv.Atoi(s.years[0].Text)
		asked := time.Date(year, want, 1, 0, 0, 0, 0, time.UTC)
		month := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		return month.Equal(asked) || month.Equal(asked.AddDate(0, 1, 0))
	}
	// An undated report says the month, or dates nothing of the year
	// asked by another ("18 janvier 2025" is not March 2025's; "began in
	// June" names no year).
	return slices.ContainsFunc(sents, says) || !slices.ContainsFunc(sents, func(x string) bool { return datesYear(x, s.years[0].Text) })
}

// partOfYear writes a part of a year: "early 2025", "by the end of 2024",
// "mi-2025".
var partOfYear = regexp.MustCompile(`(?i)\b(early|beginning of|start of|mid|middle of|late|end of|d[ée]but|fin|mi)[\s-]+(\d{4})\b`)

// partOfYearHolds reports a sentence writing a part of the year asked
// that holds the month asked: "early 2025" tells of "early January 2025",
// a reader's month being as loose as the report's part of the year.
func partOfYearHolds(sentence, year string, month time.Month) bool {
	for _, m := range partOfYear.FindAllStringSubmatch(sentence, -1) {
		if m[2] != year {
			continue
		}
		switch strings.ToLower(m[1]) {
		case "early", "beginning of", "start of", "début", "debut":
			return month <= time.April
		case "mid", "middle of", "mi":
			return month >= time.May && month <= time.August
		default:
			return month >= time.September
		}
	}
	return false
}

// datesYear reports a text writing a month with the year ("18 janvier
// 2025", "January 18, 2025").
func datesYear(text, year string) bool {
	toks := lexicon.Tokens(text)
	for i, t := range toks {
		if _, ok := monthNumbers[t.Text]; ok && slices.ContainsFunc(toks[i+1:min(i+3, len(toks))], func(n lexicon.Token) bool { return n.Text == year }) {
			return true
		}
	}
	return false
}

// monthsNamed returns the months a text names ("janvier", "March"; a
// "may" in lower case is a verb).
func monthsNamed(text string) []time.Month {
	var out []time.Month
	for _, t := range lexicon.Tokens(text) {
		if m, ok := monthNumbers[t.Text]; ok && (t.Text != "may" || capitalised(text, t)) {
			out = append(out, m)
		}
	}
	return out
}

// untilYear matches the end of a span up to its year: "until July 15,
// 2025", "jusqu'au 31 janvier 2027", "through 2026".
var untilYear = regexp.MustCompile(`(?i)\b(?:until|till|through|jusqu['’](?:au|en|à))\s+[^.;]{0,20}?\b(?:19|20)\d\d\b`)

// namesAYear reports a bag holding a year.
func namesAYear(b termBag) bool {
	for t := range b.Bag {
		if lexicon.IsYear(t) {
			return true
		}
	}
	return false
}

// onlyOtherRoles reports a sentence naming persons, each with a role
// written beside the name (within roleReach, as for the holders of a
// role), none of them the role asked, itself or through its group; a
// name the passages give a person alone ("Conille said") has no role.
// names are the sentence's personFullNames.
func (s answerSlot) onlyOtherRoles(an *analysis, sentence string, names []string, lang string) bool {
	for _, t := range lexicon.Tokens(sentence) {
		if t.Start > 0 && capitalised(sentence, t) && s.personWords[t.Text] && !slices.ContainsFunc(names, func(n string) bool {
			return slices.Contains(strings.Fields(lexicon.Fold(n)), t.Text)
		}) {
			return false
		}
	}
	seen := 0
	for _, name := range names {
		at := strings.Index(sentence[seen:], name)
		if at < 0 {
			return false
		}
		at += seen
		seen = at + len(name)
		around := sentence[max(at-roleReach, 0):min(at+len(name)+roleReach, len(sentence))]
		titled := slices.ContainsFunc(lexicon.Tokens(around), func(t lexicon.Token) bool { return honorific(t.Text) })
		if !titled || an.bag(around, lang).meets(*s.roleAsked) {
			return false // a name without a role may be anyone's; one with the role asked answers
		}
	}
	return len(names) > 0
}

// repeatedBy reports a word written "X by X" in the question: "block by
// block" says how, and is no relation.
func repeatedBy(toks []lexicon.Token, word string) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Text == word && toks[i+1].Text == "by" && toks[i+2].Text == word {
			return true
		}
	}
	return false
}

// qualifierNear reports whether the sentence at, or one beside it, holds
// the qualifier other than as one of a list of names ("El Salvador,
// Guatemala, Jamaica, the Bahamas, and the Kenyan Force Commander Godfrey
// Otunge" names no Salvadoran commander).
func qualifierNear(an *analysis, sents []string, bags []termBag, at int, lang string, held func(lexicon.Concept) bool, q lexicon.Concept, rivals map[string]bool) bool {
	alone := func(sentence string) bool {
		_, alone := namedInList(an, sentence, lang, q)
		return alone
	}
	if held(q) && alone(sents[at]) {
		return true
	}
	if namesRival(sents[at], rivals) {
		return false
	}
	for _, j := range []int{at - 1, at + 1} {
		if j >= 0 && j < len(bags) && bags[j].meets(q) && alone(sents[j]) {
			return true
		}
	}
	return false
}

// ownerNamedBy reports an owner that a name before it says whose it is:
// "the Kenyan contingent's base" is "the Kenyans' base", the name asked
// of as a qualifier.
func ownerNamedBy(p askedPhrase, names map[string]bool) bool {
	at := slices.Index(p.modifiers, p.owner)
	return at > 0 && names[p.modifiers[at-1]]
}

// qualifiersOf returns the question's names, in its main clause, that
// narrow what is asked and that not every top passage holds: not a body
// (bodies have rules of their own), not the head or its owner, not who
// tells the figure, nor a word of a person's name (persons, of personWordsFound).
func qualifiersOf(r retrieval, names, inMain map[string]bool, source []string, persons map[string]bool, s answerSlot) []lexicon.Concept {
	var out []lexicon.Concept
	for _, c := range r.asked {
		if c.Glossary || len(inMain) > 0 && !inMain[c.Text] || slices.Contains(source, c.Text) || !allNamed(c.Text, names) {
			continue
		}
		// An acronym is written in too many ways ("HQ", "headquarters").
		if slices.ContainsFunc(lexicon.Tokens(c.Text), func(t lexicon.Token) bool { return writtenInCapitals(r.question, t.Text) }) {
			continue
		}
		// A person is told by a role or a pronoun as often as by name ("the
		// President" for Ruto), and a title is no name, nor a word the
		// passages capitalise in a name of something else ("the Standing
		// Partnership Group" for "standing next to", "Office" for "the un
		// political office").
		if slices.ContainsFunc(lexicon.Tokens(c.Text), func(t lexicon.Token) bool {
			return persons[t.Text] || honorific(t.Text) || verbLike(t.Text) || isBodyWord(t.Text)
		}) {
			continue
		}
		if slices.ContainsFunc(append(slices.Clone(s.head), s.named...), func(x lexicon.Concept) bool { return x.Text == c.Text }) {
			continue
		}
		// A name every passage holds is their topic, not a narrowing; but
		// not the doer or owner of the thing asked: "combien d'hélicoptères
		// le Guatemala a-t-il promis" is not told by El Salvador's promise,
		// though each passage names Guatemala.
		if inEveryPassage(r, c) && !s.doers[c.Text] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// writtenInCapitals reports whether the question writes the (folded) word
// in capitals: "HQ", "PAP".
func writtenInCapitals(question, word string) bool {
	for _, t := range lexicon.Tokens(question) {
		if w := question[t.Start:t.End]; t.Text == word && len(w) > 1 && strings.ToUpper(w) == w {
			return true
		}
	}
	return false
}

// personWordsFound returns the words, folded, of the persons' names the
// question and the top passages write ("godfrey", "otunge").
func personWordsFound(r retrieval) map[string]bool {
	found := map[string]bool{}
	add := func(text string) {
		for _, n := range personFullNames(text) {
			for _, w := range strings.Fields(n) {
				found[lexicon.Fold(strings.ToLower(w))] = true
			}
		}
	}
	add(r.question)
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		sents, _ := r.an.of(h)
		for _, sent := range sents {
			add(sent)
		}
	}
	return found
}

// allNamed reports whether every word of a concept is one of the
// question's names.
func allNamed(text string, names map[string]bool) bool {
	toks := lexicon.Tokens(text)
	for _, t := range toks {
		if !names[t.Text] {
			return false
		}
	}
	return len(toks) > 0
}

// rivalIn reports whether a sentence names another of the topic's bodies
// and none the question names: "the MSS had a budget of $600 million"
// does not give the budget of the force that replaced it.
func (s answerSlot) rivalIn(b termBag) bool {
	if len(s.bodies) == 0 {
		return false
	}
	other := false
	for t := range b.Bag {
		if !lexicon.IsGlossaryToken(t) {
			continue
		}
		if slices.ContainsFunc(s.bodies, func(c lexicon.Concept) bool { return slices.Contains(c.Forms, t) }) {
			return false
		}
		other = true
	}
	return other
}

// figureOfRival reports a sentence whose first figure goes with another of
// the topic's bodies, the one named nearest it: "the GSF has a ceiling of
// 5,550, more than twice the planned strength of the MSS" gives the GSF's
// figure, not the MSS's.
func (s answerSlot) figureOfRival(an *analysis, sentence, lang string) bool {
	if len(s.bodies) == 0 {
		return false
	}
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	at := -1
	for i := range words {
		if countAt(sentence, toks, words, i) {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	for width := 1; at-width >= 0 || at+width < len(toks); width++ {
		b := an.bag(sentence[toks[max(at-width, 0)].Start:toks[min(at+width, len(toks)-1)].End], lang)
		if s.namesBody(b) {
			return false
		}
		if s.rivalIn(b) {
			return true
		}
	}
	return false
}

// namesDateAt reports whether a sentence names a date as fine as grain:
// a month, or for a day a weekday or a day of a month ("on Friday", "25
// June"; "in March 2024" does not say which day).
func namesDateAt(sentence, grain string) bool {
	if at := datelineEnd(sentence); at > 0 {
		sentence = sentence[at:] // the dateline dates the report
	}
	words := tokenTexts(lexicon.Tokens(sentence))
	for i, w := range words {
		switch {
		case grain == "month" && lexicon.IsMonth(w), grain == "day" && lexicon.IsWeekday(w):
			return true
		case grain == "day" && lexicon.IsMonth(w):
			// "25 June", "June 25", "le 30 septembre": a day of the month.
			for _, j := range []int{i - 1, i + 1} {
				if j >= 0 && j < len(words) && dayOfMonth(words[j]) {
					return true
				}
			}
		}
	}
	return false
}

// dayOfMonth reports a number from 1 to 31 ("25", "1er").
func dayOfMonth(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "er"), "th"), "st")
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1 && n <= 31
}

// sameWordFamily reports whether text holds the word or a close form of
// it: the stemmer makes one of "nationality" and "nations", which a head
// must not ("what nationality" is not answered by "United Nations").
func sameWordFamily(text, word string) bool {
	if len(word) < 8 || float64(len(lexicon.Stem(word, lexicon.English))) >= 0.7*float64(len(word)) {
		return true // the stemmer took off an ending, not a suffix that makes another word
	}
	for _, t := range lexicon.Tokens(text) {
		if float64(sharedPrefix(t.Text, word)) >= 0.8*float64(max(len(t.Text), len(word))) {
			return true
		}
	}
	return false
}

// sharedPrefix is how many first bytes a and b share.
func sharedPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// besideHolds reports whether the sentence before or after sentence at
// holds c, itself or through its group.
func besideHolds(bags []termBag, at int, c lexicon.Concept) bool {
	for _, j := range []int{at - 1, at + 1} {
		if j >= 0 && j < len(bags) && bags[j].meets(c) {
			return true
		}
	}
	return false
}

// compoundTail is the verb of a hyphened compound that names who does it:
// "Kenyan-led", "US-backed", "UN-funded".
var compoundTail = regexp.MustCompile(`(?i)(\p{L}{3,})[-–](?:led|backed|funded|supported|sponsored|commanded|headed)\b`)

// relativeDeed returns the verb of a relative clause on head: "the judge
// that [blocked]", "the officer who was [killed]"; "" when there is none.
func relativeDeed(toks []lexicon.Token, head string) string {
	words := tokenTexts(toks)
	for i, w := range words {
		if w != head || i+2 >= len(words) || words[i+1] != "that" && words[i+1] != "who" && words[i+1] != "which" {
			continue
		}
		for _, v := range words[i+2:] {
			switch {
			case deedEnds[v]:
				return "" // "the judge that in January blocked": not a plain clause
			case !auxiliaries[v] && !lexicon.IsStopWord(v) && !notHeads[v]:
				return v // "the judge who has not yet [ruled]", "that first [blocked]"
			}
		}
	}
	return ""
}

// roleWindow is how many sentences before a role and its holder's name
// the deed asked of them may be told.
const roleWindow = 3

// aboveHolds reports whether one of the n sentences before at holds c.
func aboveHolds(bags []termBag, at, n int, c lexicon.Concept) bool {
	above := bags[max(at-n, 0):at]
	return anyMeets(above, c)
}

// figureWords name a number, not what it counts: "the latest figure for
// how many personnel" relates the count to nothing.
var figureWords = lexiconSet(`figure figures number numbers total tally`)

// adjacentWords reports whether a and b follow one another in toks.
func adjacentWords(toks []lexicon.Token, a, b string) bool {
	for i := 1; i < len(toks); i++ {
		if x, y := toks[i-1].Text, toks[i].Text; x == a && y == b || x == b && y == a {
			return true
		}
	}
	return false
}

// filledBy reports whether a sentence of a document holds the slot. The
// document's title may hold the relation: under "Central American troops
// arrive in Haiti", "The new arrivals were made up of 75 Guatemalans"
// counts the Central American contingent.
func (s answerSlot) filledBy(an *analysis, sents []string, bags []termBag, at int, lang string, title termBag) bool {
	sentence, bag, before := sents[at], bags[at], ""
	if isSourceList(sentence) {
		return false // "Source: Daily Nation March 21, 2026" dates the report
	}
	if at > 0 && !isSourceList(sents[at-1]) {
		before = sents[at-1] // a byline names the author, not whom the sentence is of
	}
	switch s.kind {
	case TypeReason, TypeManner, TypeYesNo:
		return true
	}
	// A name asked for may be the subject of the sentence before ("The
	// largest gap concerned Benin. ... it offered ...").
	if !meetsType(s.kind, sentence) && !((s.kind == TypeWho || s.kind == TypePlace) && meetsType(s.kind, before)) {
		return false
	}
	if s.grain != "" && !namesDateAt(sentence, s.grain) {
		return false
	}
	if ranksAnother(lexicon.Tokens(sentence), s.ranked) {
		return false // "the budget for its second year" is not the first year's
	}
	// The person asked for by role may be named the sentence before, when
	// that one is of what is asked too (not "Prime Minister Fils-Aimé said
	// the meeting ..." before a sentence naming Bangladesh). Both
	// sentences' names are read once, for this and for the role beside them.
	var names, namesBefore []string
	if s.role || s.roleAsked != nil {
		names, namesBefore = personFullNames(sentence), personFullNames(before)
	}
	if s.role && len(names) == 0 && !(len(namesBefore) > 0 && slices.ContainsFunc(s.relation, bags[max(at-1, 0)].meets)) {
		return false
	}
	if s.roleAsked != nil {
		named, who := sentence, names
		if len(names) == 0 {
			named, who = before, namesBefore // the person may be named in the sentence before
		}
		if s.onlyOtherRoles(an, named, who, lang) {
			return false // "Prime Minister Alix Didier Fils-Aime" is no force commander
		}
	}
	if s.ownerMismatch(an, sents, bags, at, lang, title) {
		return false // "Then-Kenyan Foreign Minister Alfred Mutua" is no Bahamian minister
	}
	held := bag.meets
	if lang != "" && s.lang != "" && !strings.HasPrefix(lang, s.lang) {
		// Words of another language meet through the glossary, the groups,
		// and as cognates ("secretary", "secrétaire").
		toks := lexicon.Tokens(sentence)
		held = func(c lexicon.Concept) bool {
			return bag.meets(c) || cognateOf(toks, lang, c.Text, s.lang) != ""
		}
		// The number must stand beside the head in the sentence's words:
		// "2,500 members" for "combien de membres".
		head := slices.Clone(s.head)
		for i, c := range head {
			if w := cognateOf(toks, lang, c.Text, s.lang); w != "" && !bag.meets(c) {
				if cs := an.lex.Query(w); len(cs) > 0 {
					head[i] = cs[0]
				}
			}
		}
		s.head = head
	}
	if otherLang := lang != "" && s.lang != "" && !strings.HasPrefix(lang, s.lang); s.rank != nil && !otherLang && !bag.meets(*s.rank) {
		return false // "the deputy head of BINUH" is not its head
	}
	englishSentence := lang == "" || strings.HasPrefix(lang, lexicon.English)
	for _, c := range s.head {
		if s.kind == TypeCount && personHypernyms[c.Text] && slices.ContainsFunc(tokenTexts(lexicon.Tokens(sentence)), func(w string) bool { return personKinds[w] }) {
			continue // "how many men": soldiers, officers, staff are men
		}
		if !held(c) && !s.size && !(voterHeads[c.Text] && s.kind == TypeCount && tallies(sentence, s.against)) {
			return false
		}
		// Held through the stemmer alone, the head must still be of the
		// word's family: "nationality" is not "United Nations".
		if englishSentence && s.lang != lexicon.French && !c.Glossary && !slices.ContainsFunc(c.Related, func(f string) bool { return bag.Bag[f] }) && !sameWordFamily(sentence, c.Text) {
			return false
		}
	}
	if s.kind == TypeOther && len(s.which) > 0 && !namedBeside(an, sentence, lang, s.which, s.asked) {
		// "Which hospital", "which gang": the sentence names one, or
		// numbers it, beside the word ("the Bernard Mevs hospital", "the
		// 400 Mawozo gang"), not "airlifted to hospital" or "gang members".
		return false
	}
	if s.kind != TypeWho && !s.person && deedOfAnother(an, sentence, lang, s.relation, s.asked) {
		return false
	}
	if len(s.persons) > 0 && !holdsWord(sentence, s.persons) && !holdsWord(before, s.persons) {
		// "When was Godfrey Otunge appointed": a sentence dating someone
		// else's appointment does not answer.
		return false
	}
	for _, q := range s.qualifiers {
		if slices.Contains(s.sharedDoers, q.Text) && held(q) {
			continue
		}
		if !qualifierNear(an, sents, bags, at, lang, held, q, s.rivalsOf(q)) && !title.meets(q) && !s.owned.ownerInReport(an, sents, bags, at, lang, q, s.ownerPersons) {
			return false // "the Salvadoran commander" is not named where no Salvadoran is
		}
	}
	relationHeld := held
	if s.person && compoundTail.MatchString(sentence) {
		// "the Kenyan-led mission" says who leads, a country: it does not
		// hold "in charge" for a person named beside it.
		plain := an.bag(compoundTail.ReplaceAllString(sentence, "$1"), lang)
		relationHeld = func(c lexicon.Concept) bool { return held(c) && plain.meets(c) }
	}
	if s.owned != nil {
		// The owner of the role asked is held by a sentence writing the
		// role without one, in a report naming the owner (ownerInReport).
		plainHeld := relationHeld
		relationHeld = func(c lexicon.Concept) bool {
			return plainHeld(c) || s.owned.ownerInReport(an, sents, bags, at, lang, c, s.ownerPersons)
		}
	}
	byTitle, setBefore, presentHere := false, false, false
	if len(s.relation) > 0 && !slices.ContainsFunc(s.relation, relationHeld) {
		byTitle = s.titled && slices.ContainsFunc(s.relation, title.meets)
		// A date or a thing may be stated beside the sentence that holds
		// the relation; a number must be in it, and so must a person
		// ("Mike Waltz, the US ambassador" does not answer for Kenya's);
		// a count may lean on the title when it counts the head beside
		// it (an amount's sentence names what it pays for).
		beside := slices.ContainsFunc(s.relation, func(c lexicon.Concept) bool { return besideHolds(bags, at, c) })
		if beside && s.kind != TypeWho && !s.person {
			// Nor does the sentence beside one that tells another's deed.
			beside = slices.ContainsFunc([]int{at - 1, at + 1}, func(j int) bool {
				return j >= 0 && j < len(bags) && slices.ContainsFunc(s.relation, bags[j].meets) && !deedOfAnother(an, sents[j], lang, s.relation, s.asked)
			})
		}
		deedHere := s.kind == TypeCount && s.deed != nil && held(*s.deed) && beside
		// A person asked for by role ("who was the judge that blocked
		// the deployment") may be named after the deed is told: "Kenya's
		// high court has blocked the deployment ... But High Court Judge
		// Chacha Mwita ruled Friday ...".
		roleAfter := s.role && s.roleDeed != "" && slices.ContainsFunc(s.relation, func(c lexicon.Concept) bool {
			return c.Text == s.roleDeed && aboveHolds(bags, at, roleWindow, c)
		})
		// So may the reader's rarest word of the deed's circumstances
		// ("the officer who was shot while escorting a fuel convoy"),
		// told a few sentences before one that tells the deed itself in
		// the question's word and names the doer ("... escorted tankers
		// ... Constable X was shot"): the report pins the scene down.
		deedAbove := slices.ContainsFunc(s.relation, func(c lexicon.Concept) bool { return aboveHolds(bags, at, roleWindow, c) })
		if deedAbove && s.role && s.roleDeed != "" && slices.ContainsFunc(s.asked, func(c lexicon.Concept) bool { return c.Text == s.roleDeed && held(c) }) {
			roleAfter = true
		}
		// "How much got stuck when the Trump freeze hit?": "The decision
		// follows a freeze imposed by Donald Trump. ... the remaining $13.3
		// million has now been blocked".
		setBefore = s.setRelation && s.kind == TypeAmount && at > 0 && slices.ContainsFunc(s.relation, bags[at-1].meets)
		// "Who presided over the rollout of the complaints system?": a
		// sentence that tells the deed itself in its own word and names
		// the doer ("The launch was presided over by Jack Ombaka") answers
		// though the rarer word of the reader's ("system") is not in it.
		deedTold := s.person && s.predicate != nil && !s.spoken && !phraseVerbs[s.predicate.Text] && bag.meets(*s.predicate) && len(personFullNames(sentence)) > 0
		// A tally tells the vote, not what was voted on: "15 voix pour"
		// follows the sentence that says the mandate was renewed.
		tallyHere := s.kind == TypeCount && beside && s.countsVotes() && tallies(sentence, s.against)
		// "How many council members backed the GSF resolution?": a tally
		// in favour tells the members' backing in its own words ("12
		// members in favor"); what they voted on stands in it or beside.
		voteTold := s.votedFor(an, sentence, bags, at, title)
		beside = beside || voteTold
		// "How many personnel does the GSF currently have on the ground":
		// "currently deploys approximately 1,000 personnel" tells it.
		presentHere = s.presentPlace && holdsRun(sentence, presentCues)
		if s.kind == TypeAmount && !setBefore || s.person && !roleAfter && !deedTold || s.kind == TypeCount && !byTitle && !deedHere && !tallyHere && !voteTold && !presentHere {
			return false
		}
		// So may the thing of "which resolution", numbered a few
		// sentences after the deed: "... renewed the mandate ... adopted
		// unanimously as resolution 2814".
		whichAfter := s.kind == TypeOther && len(s.which) > 0 && slices.ContainsFunc(s.relation, func(c lexicon.Concept) bool {
			return aboveHolds(bags, at, roleWindow, c)
		})
		if setBefore {
			beside = true
		}
		if !roleAfter && !beside && !byTitle && !whichAfter && !deedTold && !presentHere {
			return false
		}
		if voteTold {
			s.relation = nil // the tally's number is the vote's: no word of the relation stands by it
		}
		if deedHere && !byTitle {
			// The number is the deed's, next to it: "Chad offered 1,500
			// soldiers", not "a target of 5,500 troops, after nations ...
			// offered".
			s.relation, s.deedOnly = []lexicon.Concept{*s.deed}, true
		}
	}
	if s.kind == TypeCount && s.deedDone && (toldOnlyAsMeant(an, sentence, lang, *s.deed) || promisedInstead(an, sentence, lang, *s.deed)) {
		// "How many Bangladeshi personnel have actually arrived?": "a
		// target of 5,500 troops, after nations including Bangladesh
		// offered to deploy soldiers" counts no arrival.
		return false
	}
	if s.payer != nil && !held(*s.payer) && !bags[max(at-1, 0)].meets(*s.payer) {
		return false
	}
	if s.payer != nil && s.kind == TypeAmount {
		// "$110.3 million had been pledged by several countries, including
		// the United States, Canada, France, Spain": a total, not Spain's;
		// so is the share of it the next sentence gives ("Of the amount,
		// $85 million had already been received").
		listed, _ := namedInList(an, sentence, lang, *s.payer)
		if !listed && !held(*s.payer) {
			listed, _ = namedInList(an, before, lang, *s.payer)
		}
		if listed {
			return false
		}
	}
	// Money is the body's own: the sentence must name the body asked of.
	// (For counts and dates, asking the same of the sentence turned away
	// right answers whose sentence names no body.)
	if s.kind == TypeAmount && s.rivalIn(bag) {
		return false
	}
	// So is a role or a deed, when the body is what it is of: "who is the
	// head of UNSOH", "who heads UNSOH" are not answered by BINUH's head.
	if s.person && (len(s.head) > 0 && len(s.relation) == 0 || s.predicate != nil) && s.rivalIn(bag) {
		return false
	}
	// The predicate is an English verb; a sentence in another language
	// meets it too loosely through cognates to ask this of it
	// ("coordinates", "Coordonnateur").
	if s.deedUntold || s.predicate != nil && englishSentence && !held(*s.predicate) && !besideHolds(bags, at, *s.predicate) && !(s.spoken && speechCue.MatchString(sentence)) && !(s.scene != nil && bag.holds(*s.scene)) {
		return false
	}
	if len(s.office) > 0 && !slices.ContainsFunc([]int{at - 1, at, at + 1}, func(j int) bool {
		return j >= 0 && j < len(sents) && officeHeld(an, sents[j], lang, s.office)
	}) {
		return false // "Haiti's President" holds no presidency a country held
	}
	if s.focus != nil && !held(*s.focus) {
		if !besideHolds(bags, at, *s.focus) {
			return false
		}
		// Both beside and neither here: the sentence dates something
		// else the report goes on to ("Chad is set to deploy 800 ...
		// The force should reach full strength by October").
		if len(s.relation) > 0 && !slices.ContainsFunc(s.relation, held) {
			return false
		}
	}
	switch s.kind {
	case TypeCount, TypeAmount:
		return numberFor(an, sentence, lang, s, byTitle || setBefore || presentHere) // told before: any amount of the sentence
	}
	return true
}

// numberOfDeed reports, of a sentence that tells a count's deed, whether
// its number is the deed's: "Chad offered 1,500 soldiers", not "a target
// of 5,500 troops, after nations including Chad offered to deploy
// soldiers". True of any sentence not telling the deed with a count.
func (s answerSlot) numberOfDeed(an *analysis, sentence, lang string) bool {
	if s.kind != TypeCount || s.deed == nil || s.deedOnly || !meetsType(TypeCount, sentence) || !an.bag(sentence, lang).meets(*s.deed) {
		return true
	}
	s.relation, s.deedOnly = []lexicon.Concept{*s.deed}, true
	return numberFor(an, sentence, lang, s, false)
}

// numberWindow is how far (in words) from a number what it counts may be;
// predicateWindow, how far the rest of the question's relation.
const (
	numberWindow    = 3
	predicateWindow = 15
)

// numberFor reports whether a number in the sentence is the one asked for:
// an amount has its currency or money word beside it ("$15 million", "600
// million dollars"); a count has the head within a few words ("200 Kenyan
// police officers", "a force of 5,550", "5,550-strong force"); and the
// predicate is within a clause of it, not at the far end of a long
// sentence. When the document's title holds the relation instead, the
// number must count the head, or the name asked about, beside it.
func numberFor(an *analysis, sentence, lang string, s answerSlot, byTitle bool) bool {
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	holds := func(from, to int, cs []lexicon.Concept) bool {
		return slices.ContainsFunc(cs, an.bag(sentence[toks[from].Start:toks[to].End], lang).meets)
	}
	// What a number counts is a few words from it, not counting the
	// little ones: "up to 70 civilian and seconded personnel".
	counts := func(i int, cs ...lexicon.Concept) bool {
		from, to := contentSpan(sentence, toks, words, i, numberWindow)
		return holds(from, to, cs)
	}
	related := func(i int, cs []lexicon.Concept) bool {
		if s.deedOnly {
			return counts(i, cs...)
		}
		return holds(max(i-predicateWindow, 0), min(i+predicateWindow, len(toks)-1), cs)
	}
	// The number counts the head itself, people of its kind, people
	// serving as it, or the voters of a tally.
	countsHead := func(i int) bool {
		return counts(i, s.head...) || countsPersons(s.head) && countsPersonKind(sentence, toks, words, i) ||
			servingAs(sentence, toks, words, i, func(from, to int) bool { return holds(from, to, s.head) }) ||
			len(s.head) == 1 && voterHeads[s.head[0].Text] && tallyAt(words, i, s.against)
	}
	for i := range toks {
		if !countAt(sentence, toks, words, i) {
			continue
		}
		if s.kind == TypeAmount && !moneyAt(sentence, toks, i) {
			continue
		}
		if s.kind == TypeCount && !s.size && len(s.head) > 0 && !countsHead(i) {
			continue
		}
		// A size counts the members of the thing sized, of any kind: "how
		// big is the police and corrections unit" is told by "up to 70
		// civilian and seconded personnel".
		if s.kind == TypeCount && len(s.head) > 0 && !s.size {
			if from, to := contentSpan(sentence, toks, words, i, numberWindow); countsAnotherKind(words[from:to+1], s.head) {
				continue // "1,000 police officers" are no count of soldiers
			}
		}
		if s.kind == TypeCount && len(s.people) > 0 {
			if from, to := contentSpan(sentence, toks, words, i, numberWindow); slices.ContainsFunc(words[from:to+1], func(w string) bool {
				return peopleWord(w) && !s.ofPeople(an, w, lang)
			}) {
				continue // "750 agents kényans" are no count of the Haitian police
			}
		}
		if s.kind == TypeCount && len(s.head) > 0 && i+1 < len(words) && lexicon.IsTimeUnit(words[i+1]) && !slices.ContainsFunc(s.head, func(c lexicon.Concept) bool { return lexicon.IsTimeUnit(c.Text) }) {
			continue // "a visit of three days", "15 months after": a span, not a count of the head
		}
		if byTitle {
			if s.kind == TypeCount && !counts(i, append(slices.Clone(s.head), s.named...)...) {
				continue
			}
		} else if len(s.relation) > 0 && !related(i, s.relation) && !(s.countsVotes() && tallyAt(words, i, s.against)) {
			continue // a tally counts the vote, which the sentence or the one beside it says is on what was asked
		}
		return true
	}
	return false
}

// personHypernyms name people of any kind: "how many men did Chad offer"
// is answered by "Chad offered 1,500 soldiers".
var personHypernyms = lexiconSet(`people persons personnel men individuals personnes hommes`)

// personKinds are the kinds of people a report counts.
var personKinds = lexiconSet(`people persons personnel men women staff individuals members troops soldiers officers
police policemen policewomen cops constables gendarmes marines peacekeepers agents guards civilians advisers advisors
experts engineers medics fighters servicemen recruits
personnes hommes femmes membres troupes soldats militaires policiers gendarmes agents effectifs civils conseillers`)

// serviceKinds sort the people a report counts into kinds no one of
// which is another: soldiers, police, civilians. A word of none of them
// ("personnel", "men", "gendarmes") may count any.
var serviceKinds = wordKinds(map[string]string{
	"military": `troops soldiers soldier military servicemen marines troupes soldats militaires`,
	"police":   `police policemen policewomen cops constables policiers`,
	"civilian": `civilian civilians civil civils`,
})

// wordKinds turns kinds' word lists into each word's kind.
func wordKinds(kinds map[string]string) map[string]string {
	out := map[string]string{}
	for kind, words := range kinds {
		for _, w := range strings.Fields(words) {
			out[w] = kind
		}
	}
	return out
}

// countsAnotherKind reports the words a number counts naming people of a
// kind (soldiers, police, civilians) that the head asks none of, and none
// of the head's: "1,000 police officers" for "how many soldiers", "70
// civilian and seconded personnel" for "how many troops". "Officers" is
// of no kind: armies and police forces both have them.
func countsAnotherKind(counted []string, head []lexicon.Concept) bool {
	asked := map[string]bool{}
	for _, c := range head {
		for _, t := range lexicon.Tokens(c.Text) {
			if k := serviceKinds[t.Text]; k != "" {
				asked[k] = true
			}
		}
	}
	if len(asked) == 0 {
		return false
	}
	other := false
	for _, w := range counted {
		k := serviceKinds[w]
		if asked[k] {
			return false
		}
		other = other || k != ""
	}
	return other
}

// servingAs reports whether the people a number counts are said, right
// after, to serve as what the question counts: "up to 70 civilian and
// seconded personnel to serve as police and corrections advisers" counts
// advisers, as "200 officers deployed as trainers" counts trainers. The
// number must count people (personKinds), and the "as" stand within
// servingWindow words after what it counts, the role within as many
// after the "as": "70 personnel, as the resolution says, ..." is no role.
func servingAs(sentence string, toks []lexicon.Token, words []string, i int, holdsHead func(from, to int) bool) bool {
	from, to := contentSpan(sentence, toks, words, i, numberWindow)
	if !slices.ContainsFunc(words[from:to+1], func(w string) bool { return personKinds[w] }) {
		return false
	}
	for j := to + 1; j < min(to+1+servingWindow, len(words)); j++ {
		if strings.ContainsAny(sentence[toks[j-1].End:toks[j].Start], ",;:") {
			return false // a clause of its own: "as" no longer says what they serve as
		}
		if words[j] == "as" {
			return j+1 < len(toks) && holdsHead(j+1, min(j+servingWindow, len(toks)-1))
		}
	}
	return false
}

// voterHeads count those who vote: a tally ("12 votes in favour", "13
// in favour") counts them.
var voterHeads = lexiconSet(`members countries states nations delegations votes`)

// againstWords ask of the votes against.
var againstWords = lexiconSet(`against opposed oppose opposing rejected reject`)

// countsVotes reports a count of votes ("how many votes", "what was the
// vote tally"), which a tally answers whatever it says was voted on. A
// count of voters is not: "members" may be gang members.
func (s answerSlot) countsVotes() bool {
	return slices.ContainsFunc(s.head, func(c lexicon.Concept) bool { return c.Text == "votes" || c.Text == "vote" })
}

// votedFor reports a tally in favour that tells the vote a count of
// voters asks of in a reader's word ("backed", "okayed", "signed off
// on"): a relation of no paraphrase group, which the lexicon knows in no
// other wording, is the reader's word for the vote; one of a group
// ("opposed", "abstained") is the reports' own and still must be held.
// What the vote was on (a thing voted on the question names) stands in the
// sentence, one beside it, or the title: "The vote saw 12 members in
// favor" after "the UNSC adopted Resolution 2793".
func (s answerSlot) votedFor(an *analysis, sentence string, bags []termBag, at int, title termBag) bool {
	if s.kind != TypeCount || s.against || len(s.head) != 1 || !voterHeads[s.head[0].Text] || len(s.relation) != 1 || len(s.relation[0].Related) > 0 {
		return false
	}
	if !tallies(sentence, false) {
		return false
	}
	// The question names a thing put to a vote ("the GSF resolution"):
	// "how many gang members did officers arrest" asks of no vote.
	on := slices.IndexFunc(s.rest, func(c lexicon.Concept) bool { return votedThings[c.Text] })
	if on < 0 {
		return false
	}
	c := s.rest[on]
	return bags[at].meets(c) || besideHolds(bags, at, c) || title.meets(c)
}

// votedThings are what a council or a parliament votes on.
var votedThings = lexiconSet(`resolution resolutions motion bill proposal draft text mandate renewal extension deployment`)

// tallies reports a sentence with a vote tally of the side asked (tallyAt).
func tallies(sentence string, against bool) bool {
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	for i := range words {
		if countAt(sentence, toks, words, i) && tallyAt(words, i, against) {
			return true
		}
	}
	return false
}

// tallyAt reports a number that counts the votes of a side: "12 votes in
// favour", "13 in favour", "12 in favor"; "two against" when the question
// asks of those against.
func tallyAt(words []string, i int, against bool) bool {
	next := func(k int) string {
		if i+k < len(words) {
			return words[i+k]
		}
		return ""
	}
	at := 1
	if next(1) == "votes" || next(1) == "vote" || voterHeads[next(1)] {
		at = 2 // "12 votes in favor", "12 members in favor"
	}
	if next(1) == "voix" {
		// French counts a side's votes as "15 voix pour", "2 voix contre".
		side := "pour"
		if against {
			side = "contre"
		}
		return next(2) == side
	}
	if against {
		return next(at) == "against"
	}
	return next(at) == "in" && (next(at+1) == "favour" || next(at+1) == "favor")
}

// servingWindow: how far after what a number counts the "as" may stand,
// and the role after the "as".
const servingWindow = 4

// countsPersons reports a count's head that names people of any kind.
func countsPersons(head []lexicon.Concept) bool {
	return slices.ContainsFunc(head, func(c lexicon.Concept) bool { return personHypernyms[c.Text] })
}

// countsPersonKind reports whether the number at i counts people of some
// kind, a few words from it (as numberFor's counts reads it).
func countsPersonKind(sentence string, toks []lexicon.Token, words []string, i int) bool {
	from, to := contentSpan(sentence, toks, words, i, numberWindow)
	return slices.ContainsFunc(words[from:to+1], func(w string) bool { return personKinds[w] })
}

// contentSpan is the span of tokens around toks[i], width words either
// side, reaching forward within the clause over the conjunctions of a
// number's coordinated words and the adverbs before its verb: "up to 70
// civilian and seconded personnel", "750 agents kényans déjà déployés".
func contentSpan(sentence string, toks []lexicon.Token, words []string, i, width int) (from, to int) {
	from, to = max(i-width, 0), i
	for n := 0; to < len(words)-1 && n < width; {
		if strings.ContainsAny(sentence[toks[to].End:toks[to+1].Start], ",;:") {
			break
		}
		if to++; !numberFillers[words[to]] {
			n++
		}
	}
	return from, to
}

// numberFillers stand between a number and what it counts or its verb
// without telling either.
var numberFillers = lexiconSet(`and or et ou already still now currently just deja toujours encore actuellement`)

// namedBeside reports a name with a word the question does not hold (a
// run of capitalised words, not opening the sentence: "Kenya Airways" for
// a question about Kenyans) within two words of one of head, or a number
// right after it ("resolution 2793").
func namedBeside(an *analysis, sentence, lang string, head, asked []lexicon.Concept) bool {
	const width = 2
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	bagOf := func(from, to int) termBag {
		return an.bag(sentence[toks[max(from, 0)].Start:toks[min(to, len(toks)-1)].End], lang)
	}
	capital := func(i int) bool { return i > 0 && capitalised(sentence, toks[i]) }
	for i := 0; i < len(toks); i++ {
		if at := labelAt(sentence, toks, i); at >= 0 && lexicon.IsNumber(words[i]) && slices.ContainsFunc(head, bagOf(at, at).meets) {
			return true
		}
		if !capital(i) {
			continue
		}
		end := capitalRunEnd(sentence, toks, i)
		fresh := false
		for j := i; j <= end; j++ {
			own := bagOf(j, j)
			fresh = fresh || !slices.ContainsFunc(asked, own.meets) || slices.ContainsFunc(head, own.meets)
		}
		if fresh && slices.ContainsFunc(head, bagOf(i-width, end+width).meets) {
			return true
		}
		i = end
	}
	return false
}

// labelNumbers returns the numbers a sentence writes right after the
// label ("resolution 2814", "meeting no. 9,430").
func labelNumbers(an *analysis, sentence, lang string, label lexicon.Concept) []string {
	toks := lexicon.Tokens(sentence)
	var out []string
	for i := range toks {
		if at := labelAt(sentence, toks, i); at >= 0 && lexicon.IsNumber(toks[i].Text) && an.bag(sentence[toks[at].Start:toks[at].End], lang).meets(label) {
			out = append(out, toks[i].Text)
		}
	}
	return out
}

// labelAt returns where the label of the number at i stands: the word
// right before it, or before its "no." ("Meeting no.: 9,430"); -1 when
// punctuation parts them ("at the meeting, 15 members").
func labelAt(sentence string, toks []lexicon.Token, i int) int {
	gap := func(j int) string { return strings.TrimSpace(sentence[toks[j].End:toks[j+1].Start]) }
	if i > 1 && (toks[i-1].Text == "no" || toks[i-1].Text == "number") && strings.Trim(gap(i-1), ".:") == "" && gap(i-2) == "" {
		return i - 2
	}
	if i > 0 && gap(i-1) == "" {
		return i - 1
	}
	return -1
}

// surnamesFound returns the question's capitalised words that the top
// passages write as the last word of a person's name: "Kabiru" of "how
// old was benedict Kabiru" ("Bénédict Kabiru" in the reports).
func surnamesFound(r retrieval) []string {
	found := map[string]bool{}
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		sents, _ := r.an.of(h)
		for _, sent := range sents {
			for _, n := range personNames(sent) {
				found[n] = true
			}
		}
	}
	var out []string
	for _, t := range lexicon.Tokens(r.question) {
		if capitalised(r.question, t) && found[t.Text] {
			out = append(out, t.Text)
		}
	}
	return out
}

// listGap is what stands between two names of a list: "Jamaica, the
// Bahamas, and Canada", "Benin et le Tchad".
var listGap = regexp.MustCompile(`^\s*(?:[,;]\s*)?(?:(?:and|or|as well as|et|ou|ainsi que)\s+)?(?:(?:the|la|le|les|l')\s*)?$`)

// namedInList reports whether the sentence names c in a run of three or
// more names, and whether it names c outside any such run. Named only in
// a list ("officers from Bahamas, Belize, El Salvador, Guatemala and
// Jamaica"), what the sentence says is of them all, not of c; a figure
// beside a list ("Canada, France, Turkey, Spain and Italy") is theirs
// together.
func namedInList(an *analysis, sentence, lang string, c lexicon.Concept) (listed, alone bool) {
	toks := lexicon.Tokens(sentence)
	type run struct{ from, to int }
	var runs []run
	for i := 0; i < len(toks); i++ {
		if capitalised(sentence, toks[i]) {
			end := capitalRunEnd(sentence, toks, i)
			runs = append(runs, run{i, end})
			i = end
		}
	}
	for i := 0; i < len(runs); {
		j := i
		for j+1 < len(runs) && listGap.MatchString(strings.ToLower(sentence[toks[runs[j].to].End:toks[runs[j+1].from].Start])) {
			j++
		}
		holds := false
		for k := i; k <= j; k++ {
			holds = holds || an.bag(sentence[toks[runs[k].from].Start:toks[runs[k].to].End], lang).meets(c)
		}
		if holds && j-i+1 < 3 {
			alone = true
		}
		listed = listed || holds && j-i+1 >= 3
		i = j + 1
	}
	return listed, alone
}

// sourceWords are the words of who tells the figure, not what it is of:
// "how much did [Kenya's National Security Advisor] say ...", "...,
// according to [the UN]". Reports name the source apart from the figure.
func sourceWords(question string, cue []string) []string {
	words := tokenTexts(lexicon.Tokens(question))
	var out []string
	if at := runIndex(words, []string{"according", "to"}); at >= 0 {
		rest := question[lexicon.Tokens(question)[at+1].End:]
		if end := strings.IndexAny(rest, ",;?"); end >= 0 {
			rest = rest[:end]
		}
		out = append(out, tokenTexts(lexicon.Tokens(rest))...)
	}
	if at := runIndex(words, cue); at >= 0 && len(cue) > 0 && at+len(cue) < len(words) && auxiliaries[words[at+len(cue)]] {
		from := at + len(cue) + 1
		for j := from; j < len(words) && j < from+maxSourceWords; j++ {
			if sayingVerbs[words[j]] {
				out = append(out, words[from:j]...)
				break
			}
		}
	}
	return out
}

// maxSourceWords bounds the words naming who said a figure.
const maxSourceWords = 6

// sayingVerbs tell who gave a figure.
var sayingVerbs = lexiconSet(`say said says tell told claim claimed`)

// deedOfAnother reports a relation written as a deed done to someone the
// question does not name: "the appointment of Jack Christofides" does not
// date Godfrey Otunge's appointment.
func deedOfAnother(an *analysis, sentence, lang string, relation, asked []lexicon.Concept) bool {
	toks := lexicon.Tokens(sentence)
	for i := 0; i+2 < len(toks); i++ {
		if toks[i+1].Text != "of" && toks[i+1].Text != "de" {
			continue
		}
		if !slices.ContainsFunc(relation, an.bag(sentence[toks[i].Start:toks[i].End], lang).meets) {
			continue
		}
		// The person is the run of capitalised words right after "of",
		// and another when the question names none of its words.
		if !capitalised(sentence, toks[i+2]) {
			continue
		}
		name := sentence[toks[i+2].Start:toks[capitalRunEnd(sentence, toks, i+2)].End]
		if hasPersonName(name) && !slices.ContainsFunc(asked, an.bag(name, lang).meets) {
			return true
		}
	}
	return false
}

// moneyAt reports a currency sign or money word beside the number at i.
func moneyAt(sentence string, toks []lexicon.Token, i int) bool {
	if before := sentence[:toks[i].Start]; strings.HasSuffix(strings.TrimRight(before, " "), "$") ||
		strings.HasSuffix(before, "€") || strings.HasSuffix(before, "£") || strings.HasSuffix(strings.TrimRight(before, " "), "US$") {
		return true
	}
	for j := max(i-2, 0); j <= min(i+2, len(toks)-1); j++ {
		if j != i && moneyWords[toks[j].Text] && !lexicon.IsNumber(toks[j].Text) {
			return true
		}
	}
	return false
}

// countAt reports whether the sentence's token i (its folded words are
// words) is a number that counts something.
func countAt(sentence string, toks []lexicon.Token, words []string, i int) bool {
	w := words[i]
	if lexicon.IsCountWord(w) || rankCountAt(sentence, toks, words, i) {
		return true
	}
	if !lexicon.IsNumber(w) || lexicon.WrittenAsYear(sentence, toks[i]) {
		return false
	}
	if i > 0 && (numberLabels[words[i-1]] || lexicon.IsMonth(words[i-1])) {
		return false
	}
	// "du 11 au 14 août", "from 11 to 14 August": the first day of a span.
	if i+3 < len(words) && spanWords[words[i+1]] && lexicon.IsNumber(words[i+2]) && lexicon.IsMonth(words[i+3]) {
		return false
	}
	return i+1 >= len(words) || !lexicon.IsMonth(words[i+1])
}

// spanWords join the first and last days of a span.
var spanWords = lexiconSet(`to and through until au et jusqu`)

// presenceRuns say a force is where it serves: "on the ground", "in the
// field", "sur le terrain".
var presenceRuns = [][]string{{"on", "the", "ground"}, {"in", "the", "field"}, {"sur", "le", "terrain"}}

// withinRuns returns the words of words that lie within one of runs.
func withinRuns(words []string, runs [][]string) []string {
	var in []string
	for _, run := range runs {
		if at := runIndex(words, run); at >= 0 {
			in = append(in, words[at:at+len(run)]...)
		}
	}
	return in
}

// namesBodyCounted reports whether a count question's words name one of
// bodies before the first word that ends the count's clause ("how many
// personnel does the Gang Suppression Force have on the ground"): that body
// is the one counted. An "of" leads the owner of what is counted ("how many
// members of the GSF") and ends nothing here.
func namesBodyCounted(words []string, bodies []lexicon.Concept) bool {
	end := slices.IndexFunc(words, func(w string) bool { return deedEnds[w] && w != "of" })
	if end < 0 {
		end = len(words)
	}
	for _, b := range bodies {
		if run := tokenTexts(lexicon.Tokens(b.Text)); len(run) > 0 && containsRun(words[:end], run) {
			return true
		}
		if slices.ContainsFunc(words[:end], func(w string) bool { return slices.Contains(b.Forms, w) }) {
			return true
		}
	}
	return false
}

// firstNaming returns the publication date of the earliest dated hit
// that names one of bodies, in its title or text; zero when none does.
func firstNaming(r retrieval, bodies []lexicon.Concept) time.Time {
	var first time.Time
	for _, h := range r.hits {
		d := h.Doc.Published
		if d.IsZero() || !first.IsZero() && !d.Before(first) {
			continue
		}
		_, bags := r.an.of(h)
		if slices.ContainsFunc(append([]termBag{r.an.title(h)}, bags...), func(b termBag) bool { return namesAny(b, bodies) }) {
			first = d
		}
	}
	return first
}

// filledIn is filledBy for sentence at of hit h, which must also be of a
// report from when the body asked of existed, or name it.
func (s answerSlot) filledIn(an *analysis, h document.Hit, sents []string, bags []termBag, at int, title termBag) bool {
	if !s.bodySince.IsZero() && !s.namesBody(bags[at]) {
		d := h.Doc.Published
		if !d.IsZero() && d.Before(s.bodySince) {
			return false
		}
		// Undated, the report must name the body somewhere, unless it
		// names no other either.
		if d.IsZero() && !s.namesBody(title) && !slices.ContainsFunc(bags, s.namesBody) &&
			(s.rivalIn(title) || slices.ContainsFunc(bags, s.rivalIn)) {
			return false
		}
	}
	if len(s.persons) > 0 {
		// A title about someone else ("Jack Christofides appointed ...")
		// does not tell the deed of the person asked about.
		if others := an.titlePersons(h); len(others) > 0 && !slices.ContainsFunc(others, func(n string) bool { return s.persons[n] }) {
			title = termBag{}
		}
	}
	return s.filledBy(an, sents, bags, at, h.Doc.Lang, title)
}

// namesBody reports whether a bag names a body the question names.
func (s answerSlot) namesBody(b termBag) bool { return namesAny(b, s.bodies) }

// namesAny reports whether a bag holds one of cs, or a word of its group.
func namesAny(b termBag, cs []lexicon.Concept) bool {
	return slices.ContainsFunc(cs, b.meets)
}

// sentence returns the first sentence of the top passages that holds the
// slot, and whether there is one.
func (s answerSlot) sentence(r retrieval, passages int) (string, bool) {
	if len(subQueries(r.query)) > 0 {
		return "", true // each part has its own slot; the coverage gate judges the whole
	}
	for _, h := range r.hits[:min(passages, len(r.hits))] {
		sents, sb := r.an.of(h)
		title := r.an.title(h)
		if !s.holdsNumbers(title, sb) {
			continue // "chaired the vote on resolution 2751": a report on 2793 does not say
		}
		for i, x := range sents {
			if s.filledIn(r.an, h, sents, sb, i, title) && s.yearsTold(h, sents, sb, i, title) && s.monthTold(h, sents, i) {
				return x, true
			}
		}
	}
	return "", false
}

// describe says what no sentence held, for the abstention's note: "the
// number asked for (officers, wounded)".
func (s answerSlot) describe() string {
	what := map[AnswerType]string{TypeCount: "the number", TypeAmount: "the amount", TypeDate: "the date", TypeLength: "the length of time", TypeAge: "the age",
		TypeWho: "the name", TypePlace: "the place"}[s.kind]
	if what == "" {
		what = "the answer"
	}
	var words []string
	for _, c := range s.head {
		words = append(words, c.Text)
	}
	if len(s.relation) > 0 {
		words = append(words, s.relation[0].Text)
	}
	if len(words) == 0 {
		return what + " asked for"
	}
	return what + " asked for (" + strings.Join(words, ", ") + ")"
}

// questionLang is lexicon.QuestionLang: the question's language, "" when
// it cannot tell.
func questionLang(q string) string { return lexicon.QuestionLang(q) }

// A word and its translation count as one when they share their first
// cognatePrefix letters ("secretary", "secrétaire"), or when their stems,
// each in its language, share their first cognateStemPrefix letters and
// most of the shorter stem ("membres" and "members": "membr", "member").
const (
	cognatePrefix     = 5
	cognateStemPrefix = 4
	cognateStemShare  = 0.75
)

// cognateOf returns the token, of a text in lang, that starts like word, of
// a question in wordLang; "" when there is none.
func cognateOf(toks []lexicon.Token, lang, word, wordLang string) string {
	stem := lexicon.Stem(word, wordLang)
	for _, t := range toks {
		if len(word) >= cognatePrefix && len(t.Text) >= cognatePrefix && t.Text[:cognatePrefix] == word[:cognatePrefix] {
			return t.Text
		}
		other := lexicon.Stem(t.Text, lang)
		if n := sharedPrefix(stem, other); n >= cognateStemPrefix && float64(n) >= cognateStemShare*float64(min(len(stem), len(other))) {
			return t.Text
		}
	}
	return ""
}

// groupOfRole reports a word of a paraphrase group that holds a role
// ("mouthpiece" with "spokesperson"): it asks for a person as the role
// does.
func groupOfRole(lex *lexicon.Analyzer, c lexicon.Concept) bool {
	if len(c.Related) == 0 {
		return false
	}
	for w := range roleHeads {
		for _, rc := range lex.Query(w) {
			if slices.ContainsFunc(rc.Related, func(g string) bool { return slices.Contains(c.Related, g) }) {
				return true
			}
		}
	}
	return false
}

// opensPhrase reports a word that opens, with the next word of the
// question, a phrase of a group it is not of alone: "paid in" is
// "received", though "paid" alone is too common to tell.
func opensPhrase(lex *lexicon.Analyzer, toks []lexicon.Token, c lexicon.Concept) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text != c.Text {
			continue
		}
		alone := lex.Bag(toks[i].Text, "")
		for g := range lex.Bag(toks[i].Text+" "+toks[i+1].Text, "") {
			if lexicon.IsGroup(g) && !alone[g] {
				return true
			}
		}
	}
	return false
}

// phraseSpans reports whether the question words from first to last (at
// most three apart) form a member of first's group: "lost their lives".
func phraseSpans(lex *lexicon.Analyzer, toks []lexicon.Token, first, last lexicon.Concept) bool {
	if len(first.Related) == 0 {
		return false
	}
	for i, t := range toks {
		if t.Text != first.Text {
			continue
		}
		for j := i + 1; j < min(i+4, len(toks)); j++ {
			if toks[j].Text != last.Text {
				continue
			}
			var words []string
			for _, x := range toks[i : j+1] {
				words = append(words, x.Text)
			}
			if lex.Bag(strings.Join(words, " "), "").Has(lexicon.Concept{Related: first.Related}) &&
				!lex.Bag(first.Text, "").Has(lexicon.Concept{Related: first.Related}) {
				return true
			}
		}
	}
	return false
}

// typed reports whether the slot asks for a kind of value a sentence can
// be checked for (a number, an amount, a date, a name, a place).
func (s answerSlot) typed() bool { return s.kind.valued() }

// topBags returns the term bags of the titles and sentences of the
// passages the relevance gate looks at.
func topBags(r retrieval) []termBag {
	var bags []termBag
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		_, sb := r.an.of(h)
		bags = append(bags, r.an.title(h))
		bags = append(bags, sb...)
	}
	return bags
}

// inEveryPassage reports whether each passage the gate looks at holds the
// concept, in its title or a sentence.
func inEveryPassage(r retrieval, c lexicon.Concept) bool {
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		_, sb := r.an.of(h)
		if title := r.an.title(h); !title.meets(c) && !anyMeets(sb, c) {
			return false
		}
	}
	return len(r.hits) > 0
}

// seriesRanks place one of a series: rankWords, the first and the last too.
var seriesRanks = func() map[string]bool {
	m := lexiconSet(`first last premier premiere dernier derniere`)
	maps.Copy(m, rankWords)
	return m
}()

// rankedWords pairs each rank of toks with the word after it: "second
// year".
func rankedWords(toks []lexicon.Token) [][2]string {
	var out [][2]string
	for i := 0; i+1 < len(toks); i++ {
		if seriesRanks[toks[i].Text] && !lexicon.IsStopWord(toks[i+1].Text) {
			out = append(out, [2]string{toks[i].Text, toks[i+1].Text})
		}
	}
	return out
}

// ranksAnother reports a sentence that places the word of a ranked pair
// by another rank and never by the pair's own.
func ranksAnother(toks []lexicon.Token, ranked [][2]string) bool {
	for _, p := range ranked {
		own, other := false, false
		for _, q := range rankedWords(toks) {
			if q[1] == p[1] {
				own = own || q[0] == p[0]
				other = other || q[0] != p[0]
			}
		}
		if other && !own {
			return true
		}
	}
	return false
}

// rivalNames returns the words the question's top passages write as
// names (capitalised inside a sentence, never in lower case) that the question does not
// hold, nor every top passage ("Haiti") unless the doer asked is in every
// one too (everyDoer), nor a person's name: another country, people or
// place than the one asked of.
func rivalNames(r retrieval, question []lexicon.Token, persons map[string]bool, everyDoer bool) map[string]bool {
	top := r.hits[:min(gatePassages, len(r.hits))]
	var texts []string
	for _, h := range top {
		texts = append(texts, h.Text)
	}
	text := " " + strings.Join(texts, " ") + " "
	skip := maps.Clone(persons)
	for _, t := range question {
		skip[t.Text] = true
	}
	held := map[string]int{} // how many top passages write the word
	for _, h := range top {
		seen := map[string]bool{}
		for _, t := range lexicon.Tokens(h.Doc.Title + " " + h.Text) {
			if !seen[t.Text] {
				seen[t.Text] = true
				held[t.Text]++
			}
		}
	}
	out := map[string]bool{}
	for _, h := range top {
		for _, t := range lexicon.Tokens(h.Text) {
			w := h.Text[t.Start:t.End]
			if out[t.Text] || skip[t.Text] || held[t.Text] == len(top) && !everyDoer || len(t.Text) < 3 || !capitalised(h.Text, t) || strings.ToUpper(w) == w ||
				lexicon.IsStopWord(t.Text) || honorific(t.Text) || isBodyWord(t.Text) || countWord(text, strings.ToLower(w)) > 0 || countWord(text, w) == 0 {
				continue
			}
			// A word of the question's in another form or language
			// ("Salvadorans" for "Salvadoriens") is none.
			if bag := r.an.bag(w, h.Doc.Lang); slices.ContainsFunc(r.asked, bag.meets) {
				skip[t.Text] = true
				continue
			}
			out[t.Text] = true
		}
	}
	return out
}

// namesRival reports a sentence that writes one of rivals as a name.
func namesRival(sentence string, rivals map[string]bool) bool {
	for _, t := range lexicon.Tokens(sentence) {
		if rivals[t.Text] && capitalised(sentence, t) {
			return true
		}
	}
	return false
}

// rivalsOf returns the rivals of a qualifier that says whose the thing
// is; one that says where or of what has none.
func (s answerSlot) rivalsOf(q lexicon.Concept) map[string]bool {
	if !s.whose[q.Text] {
		return nil
	}
	return s.rivals
}

// partEnds close a part of a question or open its setting.
var partEnds = lexiconSet(`and et when while after before during quand lorsque apres avant pendant`)

// closesItsPart reports a verb of telling that ends its part of the
// question ("how many displaced people did UN News cite?", "..., and what
// did the chronicle say?"), not one that opens what was told ("how many
// men had Benin said it would contribute": Benin's deed is the count's).
func closesItsPart(question string, told []string) bool {
	toks := lexicon.Tokens(question)
	last := -1
	for i, t := range toks {
		if t.Text == told[len(told)-1] {
			last = i
		}
	}
	if last < 0 {
		return true
	}
	for _, t := range toks[last+1:] {
		if partEnds[t.Text] {
			return true // "..., and ...", "... cite when the GSF was authorized"
		}
		if !lexicon.IsStopWord(t.Text) && !tellVerbs[t.Text] && !toldVerbs[t.Text] {
			return false
		}
	}
	return true
}

// ownerNames returns the names of the question that say whose the thing
// asked is: the subject after an auxiliary ("did Burundi offer"), or, in
// French, before one ("combien d'hélicoptères le Guatemala [a]-t-il
// promis", "le Guatemala [a] promis", "la France [va]-t-elle envoyer"), a
// possessive ("Jamaica's rep"), or a people before the head or another
// thing ("Bangladeshi troops"); not a place or a setting ("at the New
// York conference", "à Port-au-Prince").
func ownerNames(question string, toks []lexicon.Token, names map[string]bool, head string) map[string]bool {
	out := map[string]bool{}
	for i, t := range toks {
		if !names[t.Text] {
			continue
		}
		rest := question[t.End:]
		subject := isDoer(question, toks, i)
		possessive := strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
		beforeHead := head != "" && i+1 < len(toks) && toks[i+1].Text == head
		// A people before a thing: "the first Chadian gendarmes".
		people := i+1 < len(toks) && !names[toks[i+1].Text] && !lexicon.IsStopWord(toks[i+1].Text) &&
			slices.ContainsFunc(demonymEndings, func(e string) bool { return strings.HasSuffix(t.Text, e) })
		if subject || possessive || beforeHead || people {
			out[t.Text] = true
		}
	}
	return out
}

// doerNames returns the names of the question that do the deed asked:
// the subject after an auxiliary ("did Burundi offer") or, in French,
// before one ("le Guatemala a-t-il promis").
func doerNames(question string, toks []lexicon.Token, names map[string]bool) map[string]bool {
	out := map[string]bool{}
	for i, t := range toks {
		if names[t.Text] && isDoer(question, toks, i) {
			out[t.Text] = true
		}
	}
	return out
}

// isDoer reports the question's word at i as the subject of its deed.
func isDoer(question string, toks []lexicon.Token, i int) bool {
	return i > 0 && auxiliaries[toks[i-1].Text] || frenchSubject(question, toks, i)
}

// invertedPronouns close an inverted French question's helper ("a-t-il",
// "va-t-elle"): among frenchAuxiliaries, but no helper a doer stands
// before.
var invertedPronouns = lexiconSet(`t il ils elle elles`)

// frenchSubject reports a name a French helper after it makes the doer
// ("le Guatemala [a]-t-il promis", "les Bahamas [ont] envoyé"). The folded
// "a" is also the preposition "à" ("envoyés au Kenya à la mission"), told
// apart as written.
func frenchSubject(question string, toks []lexicon.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	if !frenchAuxiliaries[next.Text] || invertedPronouns[next.Text] || next.Text == "ete" {
		return false
	}
	return next.Text != "a" || rawWord(question, next) == "a"
}

// countryHeads make a "which" ask for a country.
var countryHeads = lexiconSet(`country countries nation nations state states pays`)

// officeHeld reports whether a sentence holds one of the offices other
// than in a person's role word: "the presidency", "presided", not "Haiti's
// President".
func officeHeld(an *analysis, sentence, lang string, office []lexicon.Concept) bool {
	var kept []string
	for _, t := range lexicon.Tokens(sentence) {
		if !roleHeads[t.Text] {
			kept = append(kept, sentence[t.Start:t.End])
		}
	}
	return slices.ContainsFunc(office, an.bag(strings.Join(kept, " "), lang).meets)
}

// peopleWord reports a (folded) word naming a people of a place a
// paraphrase group holds: "kenyan", "kenyans" (kényans), "chadian",
// "canadien", the place's name begun again with a demonym's ending.
func peopleWord(w string) bool {
	g := lexicon.GroupOf(w)
	if g == nil {
		g = lexicon.GroupOf(strings.TrimSuffix(w, "s"))
	}
	base := strings.TrimSuffix(strings.TrimSuffix(w, "s"), "e")
	for _, e := range demonymEndings {
		// "kenyan" is "kenya" with its ending, though the group writes "kényan".
		if place, ok := strings.CutSuffix(base, e); ok && len(place) >= 4 && lexicon.GroupOf(place) != nil {
			return true
		}
	}
	for _, m := range g {
		m = lexicon.Fold(m)
		if len(m) >= 4 && len(base) > len(m) && sharedPrefix(base, m) >= len(m)-1 && slices.ContainsFunc(demonymEndings, func(e string) bool { return strings.HasSuffix(base, e) }) {
			return true
		}
	}
	return false
}

// ofPeople reports a people word of one of the slot's peoples, or one the
// question asks of in any of its forms ("kényans" for "Kenyan").
func (s answerSlot) ofPeople(an *analysis, w, lang string) bool {
	for _, p := range s.people {
		if sharedPrefix(w, p) >= len(p)-1 {
			return true
		}
	}
	return slices.ContainsFunc(s.asked, an.bag(w, lang).meets)
}

// countedGroups are the groups a count question asks of together, by
// the words either side of a conjunction in its asked phrase: "how many
// Guatemalan and Salvadoran personnel" asks two counts (guatemalan,
// salvadoran), as "how many police and soldiers" does; nil when it asks
// one ("how many personnel ..., and how many civilians" is two parts).
func countedGroups(question string, asked []lexicon.Concept) []lexicon.Concept {
	if questionType(question) != TypeCount {
		return nil
	}
	toks := lexicon.Tokens(mainClause(question))
	words := tokenTexts(toks)
	start := -1
	for _, c := range typeCues {
		if c.t != TypeCount {
			continue
		}
		if at := runIndex(words, c.words); at >= 0 && (start < 0 || at+len(c.words) < start) {
			start = at + len(c.words)
		}
	}
	if start < 0 {
		return nil
	}
	var out []lexicon.Concept
	add := func(w string) {
		if i := slices.IndexFunc(asked, func(c lexicon.Concept) bool { return c.Text == w }); i >= 0 &&
			!slices.ContainsFunc(out, func(c lexicon.Concept) bool { return c.Text == w }) {
			out = append(out, asked[i])
		}
	}
	for i := start + 1; i+1 < len(words) && i < start+maxPhraseWords; i++ {
		if words[i] != "and" && words[i] != "et" {
			if phraseEnds[words[i]] || verbLike(words[i]) {
				break
			}
			continue
		}
		if next := words[i+1]; questionWords[next] || phraseEnds[next] || lexicon.IsStopWord(next) || lexicon.IsStopWord(words[i-1]) {
			return nil // "and how many civilians": a part of its own
		}
		add(words[i-1])
		add(words[i+1])
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// groupCountReach is how many words before a group's word its number may
// stand ("two senior officers from Belize").
const groupCountReach = 4

// groupDeedReach is how many words after a group's word the number of
// its deed may stand ("Chad offered 1,500 soldiers").
const groupDeedReach = 2

// groupsCounted is how many of groups a sentence gives a number for,
// within the group's clause: before the group's word ("75 Guatemalans and
// eight Salvadorans" counts both) or just after it, the group as the doer
// ("Chad offered 1,500 soldiers"); "deployments from Guatemala, Jamaica,
// El Salvador" counts none.
func groupsCounted(an *analysis, sentence, lang string, groups []lexicon.Concept) int {
	toks := lexicon.Tokens(sentence)
	words := tokenTexts(toks)
	meets := make([]int, len(toks)) // per token, 1 + the group it names, or 0
	for i, t := range toks {
		b := an.bag(t.Text, lang)
		for g, c := range groups {
			if b.meets(c) {
				meets[i] = g + 1
				break
			}
		}
	}
	counted := make([]bool, len(groups))
	for i := range toks {
		if meets[i] != 0 && (countNear(sentence, toks, words, meets, i, -1, groupCountReach) ||
			countNear(sentence, toks, words, meets, i, 1, groupDeedReach)) {
			counted[meets[i]-1] = true
		}
	}
	n := 0
	for _, c := range counted {
		if c {
			n++
		}
	}
	return n
}

// countNear reports a number within reach words of the group's word at
// i, before it (step -1) or after it (step 1), with no clause mark or
// other group's word between.
func countNear(sentence string, toks []lexicon.Token, words []string, meets []int, i, step, reach int) bool {
	for j := i + step; j >= 0 && j < len(toks) && (j-i)*step <= reach; j += step {
		a, b := min(j, j-step), max(j, j-step)
		if strings.ContainsAny(sentence[toks[a].End:toks[b].Start], ",;:") || meets[j] != 0 {
			return false
		}
		if countAt(sentence, toks, words, j) {
			return true
		}
	}
	return false
}

// periodWords name a part of a year or a month: "the end of 2024",
// "early March", "fin 2024", "début janvier".
var periodWords = lexiconSet(`end start beginning middle close turn early late mid fin debut milieu`)

// periodParts returns the words of a question that place a year or a
// month within it ("end" in "at the end of 2024"): they date the thing
// asked, and a sentence holding "end" elsewhere ("as of the end of 2024
// a total of $110.3 million") is not of it.
func periodParts(words []string) []string {
	var out []string
	for i, w := range words {
		if !periodWords[w] {
			continue
		}
		j := i + 1
		for j < len(words) && (words[j] == "of" || words[j] == "de" || words[j] == "d" || words[j] == "the") {
			j++
		}
		if j < len(words) && (lexicon.IsYear(words[j]) || lexicon.IsMonth(words[j])) {
			out = append(out, w)
		}
	}
	return out
}

// sceneDocs is how many passages of the whole corpus may hold a word for
// it to pin down what a sentence holding it is about, and sceneShare how
// many passages the corpus must have for each of them: in a corpus of
// three reports every word is rare.
const (
	sceneDocs  = 2
	sceneShare = 20
)

// sceneWord is the question's rarest word in the whole corpus (no name,
// no glossary term, no number), when at most sceneDocs passages (and a
// sceneShare-th of the corpus) hold it; nil otherwise. A word of a clause
// beside the main one ("who funded the unit [that would chase the
// attackers to the last alley]") says what the thing is, not the deed
// asked, and pins nothing.
func sceneWord(r retrieval, w []float64, names, inMain map[string]bool) *lexicon.Concept {
	if r.corpusDF == nil {
		return nil
	}
	var best *lexicon.Concept
	bestW := 0.0
	for i, c := range r.asked {
		if i >= len(r.corpusDF) || i >= len(w) || c.Glossary || names[c.Text] || lexicon.IsNumber(c.Text) || strings.Contains(c.Text, " ") {
			continue
		}
		if df := r.corpusDF[i]; df == 0 || df > sceneDocs || df*sceneShare > r.corpusN || len(inMain) > 0 && !inMain[c.Text] {
			continue
		}
		if best == nil || w[i] > bestW {
			best, bestW = &r.asked[i], w[i]
		}
	}
	return best
}
