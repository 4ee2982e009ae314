package brief

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Whose a role or a deed is. "Who is Haiti's foreign minister" asks the
// minister of one owner (a country, its people); a sentence that writes
// the role with another owner in its noun phrase ("Dominican Republic
// Foreign Minister Roberto Álvarez", "Then-Kenyan Foreign Minister") names
// another's, however much of the rest of the question it holds. So does
// "Kenya's parliament has approved" for "what did Haiti's parliament
// approve". A role written with no owner is left to the other rules: a
// report often names the country once, sentences before.

// ownedRole is a role or a doer's own word the question says whose it is:
// the word ("minister", "parliament") and its owner ("haiti").
type ownedRole struct {
	thing lexicon.Concept
	owner lexicon.Concept
	// skip are the question's own words of the phrase ("foreign" in
	// "Haiti's foreign minister"): written before the role in a sentence,
	// they are its title, not its owner.
	skip map[string]bool
	// doer is set for the doer of a deed, which a sentence may leave to
	// the one before ("Kenya's parliament had passed a motion ... But
	// the judge ruled ...").
	doer bool
}

// roleOwnerOf returns the owner a role question names for its head: the
// possessive ("Haiti's foreign minister"), a people or place before the
// head ("the Bahamian foreign minister"), or one after it with "of" ("the
// foreign minister of Jamaica"). Only a country or a people is an owner
// here (a body of the topic has rules of its own, rivalIn); nil when there
// is none.
func roleOwnerOf(r retrieval, p askedPhrase, toks []lexicon.Token, names map[string]bool) *ownedRole {
	if p.head == "" || len(p.cue) == 0 || !holderCues[p.cue[0]] {
		return nil // "what was the unit doing when the East African cop ...": no holder asked
	}
	thing := conceptNamed(r.asked, p.head)
	if thing == nil {
		return nil
	}
	var owner *lexicon.Concept
	switch {
	case p.owner != "":
		owner = conceptEndingIn(r.asked, p.owner)
	default:
		for _, m := range p.modifiers {
			if c := conceptNamed(r.asked, m); c != nil && (names[m] || peopleWord(m)) && ownerWord(m, m) {
				owner = c
			}
		}
	}
	if owner == nil {
		owner = ownerAfterOf(r.asked, toks, p.head, names)
	}
	if owner == nil || owner.Glossary || owner.Text == thing.Text {
		return nil
	}
	skip := map[string]bool{p.head: true}
	for _, m := range p.modifiers {
		skip[m] = m != owner.Text
	}
	return &ownedRole{thing: *thing, owner: *owner, skip: skip}
}

// actOwnerOf returns the doer's own word and its owner for a plain "what
// did X's Y <verb>" question ("what did Haiti's parliament approve": the
// parliament, Haiti's), nil when the doer has no owner written as a
// possessive or no word of its own.
func actOwnerOf(r retrieval, doer []string) *ownedRole {
	at := slices.IndexFunc(doer, func(w string) bool { return possessiveIn(r.question, w) })
	if at < 0 || at == len(doer)-1 {
		return nil
	}
	owner := conceptNamed(r.asked, doer[at])
	thing := conceptNamed(r.asked, doer[len(doer)-1])
	if owner == nil || thing == nil || owner.Glossary || thing.Glossary {
		return nil
	}
	skip := map[string]bool{}
	for _, w := range doer[at+1:] {
		skip[w] = true
	}
	return &ownedRole{thing: *thing, owner: *owner, skip: skip, doer: true}
}

// possessiveIn reports a word the question writes with "'s".
func possessiveIn(question string, w string) bool {
	return slices.ContainsFunc(lexicon.Tokens(question), func(t lexicon.Token) bool { return t.Text == w && possessive(question, t) })
}

// holderCues ask for the holder of a role: "who is", "which official",
// "what is the name of".
var holderCues = lexiconSet(`who whom whose qui which what quel quelle name`)

// conceptNamed returns the asked concept written as the word, or nil.
func conceptNamed(asked []lexicon.Concept, w string) *lexicon.Concept {
	for i, c := range asked {
		if c.Text == w {
			return &asked[i]
		}
	}
	return nil
}

// conceptEndingIn returns the asked concept whose last word is w ("the
// dominican republic's" is "dominican republic"), or nil.
func conceptEndingIn(asked []lexicon.Concept, w string) *lexicon.Concept {
	for i, c := range asked {
		if ts := lexicon.Tokens(c.Text); len(ts) > 0 && ts[len(ts)-1].Text == w {
			return &asked[i]
		}
	}
	return nil
}

// ownerAfterOf returns the name after "of" that follows the head in the
// question ("the foreign minister of [jamaica]", "of the [bahamas]"), or
// nil.
func ownerAfterOf(asked []lexicon.Concept, toks []lexicon.Token, head string, names map[string]bool) *lexicon.Concept {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Text != head || toks[i+1].Text != "of" {
			continue
		}
		j := i + 2
		if j+1 < len(toks) && articles[toks[j].Text] {
			j++
		}
		if names[toks[j].Text] {
			return conceptEndingIn(asked, toks[j].Text)
		}
	}
	return nil
}

// ownerWord reports a word that names a country or a people, as written
// (raw, lower-cased with its dots: "u.s.") and folded (w): a place or
// people of the paraphrase groups ("dominican", "kenyan", "u.s."), or one
// with a demonym's ending ("haitian", "somali"). (A word of a name of
// places.txt is read with its neighbours: inPlaceName.)
func ownerWord(raw, w string) bool {
	if personKinds[w] {
		return false // "police" is whom a role leads, not whose it is
	}
	if peopleWord(w) || placeGroup(lexicon.GroupOf(raw)) || placeGroup(lexicon.GroupOf(w)) {
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese")) || len(w) > 4 && strings.HasSuffix(w, "ali")
}

// placeGroup reports a paraphrase group of a country: one that holds its
// people's name ("kenya, nairobi, kényans, ..."), not a kind of people
// ("police, policemen, officers": "policemen" reads as a people too).
func placeGroup(g []string) bool {
	return slices.ContainsFunc(g, func(m string) bool { return peopleWord(lexicon.Fold(m)) }) &&
		!slices.ContainsFunc(g, func(m string) bool { return personKinds[lexicon.Fold(m)] })
}

// rawWord is the sentence's word at t as written, lower-cased, with the
// dots of an abbreviation ("U.S." is "u.s.").
func rawWord(sentence string, t lexicon.Token) string {
	end := t.End
	for end < len(sentence) && (sentence[end] == '.' || unicode.IsLetter(rune(sentence[end]))) {
		end++
	}
	return strings.ToLower(sentence[t.Start:end])
}

// placeLike reports a word naming a country or a people, or a country
// whose people's name does ("haiti": "haitian", "somalia": "somalian").
func placeLike(raw, w string) bool {
	return ownerWord(raw, w) || strings.HasSuffix(w, "i") && ownerWord(w+"an", w+"an") || strings.HasSuffix(w, "a") && ownerWord(w+"n", w+"n")
}

// roleReachLeft is how many words before a role its owner may stand,
// title words between ("Dominican Republic Foreign Minister").
const roleReachLeft = 4

// ownersAt returns the owners the noun phrase of the role at
// toks[from:j+1] writes: capitalised country or people words before it, up to a
// possessive ("Haiti's Foreign Minister", "Then-Kenyan Foreign Minister",
// "U.S. Permanent Representative"); a country after "of" or "du" past the
// holder's name ("Ambassador Eloy Alfaro de Alba of Panama", "Prime
// Minister of Haiti"); and a French people right after it ("le ministre
// haïtien"). The question's own words (skip), title words and persons'
// words are not owners; own reports a word of the owner asked.
func ownersAt(sentence string, toks []lexicon.Token, from, j int, skip, persons map[string]bool, own func(lexicon.Token) bool) []lexicon.Token {
	var out []lexicon.Token
	owner := func(k int) bool {
		t := toks[k]
		// A word of a person's name is no owner, unless a group knows it
		// for a country ("Kenya Airways" makes no person of Kenya).
		person := persons[t.Text] && lexicon.GroupOf(t.Text) == nil && !peopleWord(t.Text)
		return !skip[t.Text] && !person && !honorific(t.Text) && !portfolios[t.Text] && !roleRanks[t.Text] && !isBodyWord(t.Text) &&
			(own(t) || placeLike(rawWord(sentence, t), t.Text) || inPlaceName(toks, k))
	}
	for k := from - 1; k >= max(from-roleReachLeft, 0); k-- {
		t := toks[k]
		gap := sentence[t.End:toks[k+1].Start]
		possessive := strings.HasPrefix(gap, "'s") || strings.HasPrefix(gap, "’s")
		if g := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")); g != "" && g != "-" && g != "." {
			break // a comma or a bracket closes the phrase
		}
		if !capitalised(sentence, t) {
			break
		}
		if owner(k) || acronym(sentence, t) && !skip[t.Text] {
			out = append(out, t)
		}
		if possessive {
			break
		}
	}
	// Past the holder's name (its particles too, "de Alba"): "of Panama".
	k := j + 1
	for k < len(toks) && k <= j+roleReachLeft+1 && !strings.ContainsAny(sentence[toks[k-1].End:toks[k].Start], ",;:()") &&
		(capitalised(sentence, toks[k]) || nameParticles[toks[k].Text] && k+1 < len(toks) && capitalised(sentence, toks[k+1])) {
		k++
	}
	if k+1 < len(toks) && ownerLinks[toks[k].Text] && !strings.ContainsAny(sentence[toks[k-1].End:toks[k+1].Start], ",;:()") {
		n := k + 1
		if n+1 < len(toks) && articles[toks[n].Text] {
			n++
		}
		if capitalised(sentence, toks[n]) && owner(n) {
			out = append(out, toks[n])
		}
	}
	// A French people right after the role: "le ministre haïtien"; and the
	// peoples joined to it past each holder's name: "les diplomates
	// américain Henry T. Wooster et canadien André François Giroux".
	if j+1 < len(toks) && !capitalised(sentence, toks[j+1]) && strings.TrimSpace(sentence[toks[j].End:toks[j+1].Start]) == "" && owner(j+1) {
		out = append(out, toks[j+1])
		out = append(out, joinedPeoples(sentence, toks, j+2, owner)...)
	}
	return out
}

// joinedPeoples returns the peoples joined by "et"/"and" after the holder's
// name that starts at toks[k], each followed by a holder of its own, up to
// a comma or a bracket.
func joinedPeoples(sentence string, toks []lexicon.Token, k int, owner func(int) bool) []lexicon.Token {
	var out []lexicon.Token
	closed := func(k int) bool { return strings.ContainsAny(sentence[toks[k-1].End:toks[k].Start], ",;:()") }
	for {
		for k < len(toks) && capitalised(sentence, toks[k]) && !closed(k) {
			k++
		}
		if k+1 >= len(toks) || closed(k) || closed(k+1) || toks[k].Text != "et" && toks[k].Text != "and" ||
			capitalised(sentence, toks[k+1]) || !owner(k+1) {
			return out
		}
		out = append(out, toks[k+1])
		k += 2
	}
}

// inPlaceName reports a word that is part of a name of places.txt with
// the words beside it ("Costa" in "Costa Rica"), not a word such a name
// also holds ("the", "and").
func inPlaceName(toks []lexicon.Token, k int) bool {
	for from := max(k-2, 0); from <= k; from++ {
		for to := k + 1; to <= min(from+4, len(toks)); to++ {
			if to-from > 1 && placeNames[strings.Join(tokenTexts(toks[from:to]), " ")] {
				return true
			}
		}
	}
	return false
}

// ownerLinks tie a role to the owner after it: "Prime Minister of Haiti",
// "la sécurité du Kenya".
var ownerLinks = lexiconSet(`of du`)

// nameParticles stand inside a person's name: "Eloy Alfaro de Alba".
var nameParticles = lexiconSet(`de da del della di van von der la le`)

// acronym reports a token written in capitals of two to five letters
// ("US", "UN"): a body or a country that owns a role before it.
func acronym(sentence string, t lexicon.Token) bool {
	w := sentence[t.Start:t.End]
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 5 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsDigit) < 0
}

// whose says whose a sentence writes the owned role: ownedByOther when
// each writing of it names an owner in its phrase, none the one asked
// ("Then-Kenyan Foreign Minister Alfred Mutua" for a Bahamian minister);
// ownedByAsked when one names the one asked; ownerUnwritten when it does
// not write the role, or writes it once without an owner.
func (o *ownedRole) whose(an *analysis, sentence, lang string, persons map[string]bool) int {
	toks := lexicon.Tokens(sentence)
	seen := false
	own := func(w lexicon.Token) bool {
		return an.bag(sentence[w.Start:w.End], lang).meets(o.owner) || slices.Contains(o.owner.Forms, w.Text)
	}
	for j := range toks {
		from := o.writtenAt(an, sentence, toks, j, lang)
		if from < 0 {
			continue
		}
		owners := ownersAt(sentence, toks, from, j, o.skip, persons, own)
		if len(owners) == 0 {
			return ownerUnwritten
		}
		if slices.ContainsFunc(owners, own) {
			return ownedByAsked
		}
		seen = true
	}
	if seen {
		return ownedByOther
	}
	return ownerUnwritten
}

// The answers of whose.
const (
	ownerUnwritten = iota
	ownedByAsked
	ownedByOther
)

// otherOwners reports a sentence that writes the owned role as another
// owner's, or writes it without an owner after a sentence that writes it
// as another's ("Minister Álvarez emphasized ..." after "Dominican
// Republic Foreign Minister Roberto Álvarez"; "The national assembly
// backed a motion tabled by parliament's committee" after "Kenya's
// parliament has approved"): the report goes on about the same one. A
// doer's sentence need not write it at all: "But the judge ruled ..."
// after "Kenya's parliament had passed a motion" tells of Kenya's.
func (o *ownedRole) otherOwners(an *analysis, sents []string, at int, lang string, persons map[string]bool) bool {
	if o == nil {
		return false
	}
	switch o.whose(an, sents[at], lang, persons) {
	case ownedByOther:
		return true
	case ownedByAsked:
		return false
	}
	return at > 0 && (o.doer || o.writes(an, sents[at], lang)) && o.whose(an, sents[at-1], lang, persons) == ownedByOther
}

// writes reports a sentence that writes the owned role.
func (o *ownedRole) writes(an *analysis, sentence, lang string) bool {
	toks := lexicon.Tokens(sentence)
	for j := range toks {
		if o.writtenAt(an, sentence, toks, j, lang) >= 0 {
			return true
		}
	}
	return false
}

// writtenAt returns where a writing of the owned role ending at toks[j]
// starts: j for a word ("Minister"), j-1 for a two-word name of its group
// ("National Assembly" for parliament); -1 when none ends there.
func (o *ownedRole) writtenAt(an *analysis, sentence string, toks []lexicon.Token, j int, lang string) int {
	if t := toks[j]; !(o.skip[t.Text] && t.Text != o.thing.Text) && an.bag(t.Text, lang).meets(o.thing) {
		return j
	}
	if j > 0 && !an.bag(toks[j-1].Text, lang).meets(o.thing) && an.bag(sentence[toks[j-1].Start:toks[j].End], lang).meets(o.thing) {
		return j - 1
	}
	return -1
}

// askedAct is the deed a plain "what did X('s Y) <verb>" question asks
// of, with its doer: the names (doers) and the doer's own words (heads,
// "transitional council").
type askedAct struct {
	deed         lexicon.Concept
	doers, heads []lexicon.Concept
}

// actOf returns the deed and doer of a plain "what did ..." question,
// and the doer's words in order ("haiti", "transitional", "council"); nil
// when it asks something else. The doer's words past its owner ("Haiti's")
// are its own: a sentence telling the deed must hold them.
func actOf(r retrieval, cue []string, names map[string]bool) (*askedAct, []string) {
	if len(cue) != 1 || !whatCues[cue[0]] {
		return nil, nil
	}
	v, doers, heads := askedDeed(r.question, cue, names)
	deed := conceptNamed(r.asked, v)
	doer := append(slices.Clone(doers), heads...)
	if deed == nil || deed.Glossary || len(doer) == 0 {
		return nil, nil
	}
	owner := slices.IndexFunc(doer, func(w string) bool { return possessiveIn(r.question, w) })
	a := &askedAct{deed: *deed}
	for i, w := range doer {
		c := conceptNamed(r.asked, w)
		switch {
		case c == nil || c.Glossary:
		case owner >= 0 && i > owner:
			a.heads = append(a.heads, *c)
		default:
			a.doers = append(a.doers, *c)
		}
	}
	return a, doer
}

// doneByAnother reports a sentence that tells the deed asked but not its
// doer: neither it nor the sentence before holds each of the doer's own
// words, or, when it has none, one of its names (the title may name
// it). "The United States had decided to put on hold a draft" tells no
// decision of Haiti's transitional council.
func (a *askedAct) doneByAnother(bags []termBag, at int, title termBag) bool {
	if a == nil || !bags[at].meets(a.deed) {
		return false
	}
	near := func(c lexicon.Concept) bool { return bags[at].meets(c) || at > 0 && bags[at-1].meets(c) }
	if len(a.heads) > 0 {
		return slices.ContainsFunc(a.heads, func(c lexicon.Concept) bool { return !near(c) })
	}
	return !slices.ContainsFunc(a.doers, func(c lexicon.Concept) bool { return near(c) || title.meets(c) })
}

// ownerMismatch reports a sentence that tells the role or the deed asked
// of another owner or doer (otherOwners, doneByAnother).
func (s answerSlot) ownerMismatch(an *analysis, sents []string, bags []termBag, at int, lang string, title termBag) bool {
	return s.owned.otherOwners(an, sents, at, lang, s.ownerPersons) || s.act.doneByAnother(bags, at, title)
}

// deedOnlyOfOthers reports a plain "what did X do" whose deed the top
// passages tell only of other doers: every sentence telling it is
// another's (ownerMismatch), so none answers ("what did Haiti's parliament
// approve" over "Kenya's parliament has approved ..."). A deed no
// sentence tells is left to the other rules, and so is a doer without an
// owner ("what has Santo Domingo offered"): its own deed may be told in
// other words ("reaffirmed its commitment").
func (s answerSlot) deedOnlyOfOthers(r retrieval, passages int) bool {
	if s.act == nil || s.owned == nil {
		return false
	}
	told := false
	for _, h := range r.hits[:min(passages, len(r.hits))] {
		sents, bags := r.an.of(h)
		title := r.an.title(h)
		for i := range sents {
			if !bags[i].meets(s.act.deed) {
				continue
			}
			if !s.ownerMismatch(r.an, sents, bags, i, h.Doc.Lang, title) {
				return false
			}
			told = true
		}
	}
	return told
}

// ownerInReport reports a qualifier that is the owner of the role asked,
// which the sentence writes in its phrase, or writes as a title without
// an owner (and names no other country) in a report that names the owner
// elsewhere, alone, and writes the role of no other: "Government Spokesperson
// Isaac Mwaura" in a Kenyan broadcaster's report that names Kenya further
// on is Kenya's spokesperson. (A sentence writing another's is turned
// away before: otherOwners.)
func (o *ownedRole) ownerInReport(an *analysis, sents []string, bags []termBag, at int, lang string, q lexicon.Concept, persons map[string]bool) bool {
	if o == nil || o.doer || q.Text != o.owner.Text {
		return false
	}
	switch o.whose(an, sents[at], lang, persons) {
	case ownedByAsked:
		return true
	case ownedByOther:
		return false
	}
	if !o.titles(an, sents[at], lang) || o.namesAnother(an, sents[at], lang) {
		return false
	}
	// The report writes the role of no other owner ("A Kenyan police
	// officer ..."), and names the owner alone, not in a list of
	// contributors ("officers from Bahamas, Belize ... and Jamaica").
	named := false
	for i, sent := range sents {
		if o.whose(an, sent, lang, persons) == ownedByOther {
			return false
		}
		if bags[i].meets(q) {
			_, alone := namedInList(an, sent, lang, q)
			named = named || alone
		}
	}
	return named
}

// titles reports a sentence that writes the owned role as a title, with
// a capital ("Government Spokesperson Isaac Mwaura"), not as a common
// noun ("an officer by the name of ...", which may be anyone's).
func (o *ownedRole) titles(an *analysis, sentence, lang string) bool {
	toks := lexicon.Tokens(sentence)
	for j, t := range toks {
		if j > 0 && capitalised(sentence, t) && o.writtenAt(an, sentence, toks, j, lang) >= 0 {
			return true
		}
	}
	return false
}

// namesAnother reports a sentence naming a country or people of the
// paraphrase groups other than the owner asked: "The officer, Police
// Constable Samuel Kitwai, is the first casualty suffered by the
// Kenyan-led mission" names no Jamaican officer, whatever its report
// says of Jamaica further on.
func (o *ownedRole) namesAnother(an *analysis, sentence, lang string) bool {
	for _, t := range lexicon.Tokens(sentence) {
		known := peopleWord(t.Text) || placeGroup(lexicon.GroupOf(t.Text))
		if known && capitalised(sentence, t) && !personKinds[t.Text] && !an.bag(sentence[t.Start:t.End], lang).meets(o.owner) {
			return true
		}
	}
	return false
}
