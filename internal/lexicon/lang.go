package lexicon

// frenchOpeners start a question asked in French.
var frenchOpeners = set(`combien quel quelle quels quelles qui quand pourquoi comment ou`)

// IsFrenchOpener reports a word that opens a question asked in French
// ("combien", "quel", "pourquoi"), folded.
func IsFrenchOpener(w string) bool { return frenchOpeners[w] }

var frenchFunctionWords = set(`le la les des du de un une est sont et ou dans sur pour avec par que qui ce cette ces au aux il elle ont a t`)

var englishFunctionWords = set(`the of and to in is are was were for on with by from that this what which who how when why did does do has have`)

// IsFunctionWord reports a word of grammar of either language ("the",
// "les", "did", "ont"), folded.
func IsFunctionWord(w string) bool { return englishFunctionWords[w] || frenchFunctionWords[w] }

// QuestionLang tells a French question from an English one by its
// opening word and its function words: French, English, or "" when it
// cannot tell.
func QuestionLang(q string) string {
	toks := Tokens(q)
	if len(toks) == 0 {
		return ""
	}
	if frenchOpeners[toks[0].Text] && toks[0].Text != "ou" {
		return French
	}
	fr, en := 0, 0
	for _, t := range toks {
		if frenchFunctionWords[t.Text] {
			fr++
		}
		if englishFunctionWords[t.Text] {
			en++
		}
	}
	switch {
	case fr > en:
		return French
	case en > 0:
		return English
	}
	return ""
}
